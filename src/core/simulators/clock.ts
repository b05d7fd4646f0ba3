/** The simulators' clock: real time plus an offset that tests can move (for TTLs and rate windows). */
export interface SimClock {
  now(): number
  advance(ms: number): void
}

export function createSimClock(now: () => number = Date.now): SimClock {
  let offset = 0
  return {
    now: () => now() + offset,
    advance: (ms) => {
      offset += ms
    },
  }
}

/**
 * The time source of the scheduler and the rate limiter. Injected, so tests move time by
 * hand and assert on what happened instead of waiting.
 */
export interface TimerHandle {
  cancel(): void
}

export interface FleetClock {
  now(): number
  /**
   * Calls `run` once after `ms` (never before). A `background` timer does not keep the process
   * alive (the scheduler's); a wait that is part of a request in progress must.
   */
  setTimer(run: () => void, ms: number, options?: { readonly background?: boolean }): TimerHandle
}

// setTimeout's delay is a signed 32-bit value: anything longer fires at once.
const MAX_TIMER_MS = 2 ** 31 - 1

export const systemClock: FleetClock = {
  now: () => Date.now(),
  setTimer(run, ms, options) {
    let handle: NodeJS.Timeout
    const arm = (deadline: number): void => {
      handle = setTimeout(() => (Date.now() >= deadline ? run() : arm(deadline)), Math.min(MAX_TIMER_MS, Math.max(0, deadline - Date.now())))
      if (options?.background) handle.unref()
    }
    arm(Date.now() + ms)
    return { cancel: () => clearTimeout(handle) }
  },
}

/** Resolves after `ms` on the given clock. */
export function sleep(clock: FleetClock, ms: number): Promise<void> {
  return new Promise((resolve) => void clock.setTimer(resolve, ms))
}

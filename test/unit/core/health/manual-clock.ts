import type { FleetClock, TimerHandle } from '../../../../src/core/health/fleet-clock'

interface Timer {
  at: number
  readonly seq: number
  readonly run: () => void
  cancelled: boolean
}

/** Lets pending promise chains (and I/O callbacks) run. */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/** A FleetClock that moves only when the test says so; due timers run in time order. */
export class ManualClock implements FleetClock {
  private time: number
  private seq = 0
  private timers: Timer[] = []

  constructor(start = Date.parse('2026-11-02T08:00:00Z')) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimer(run: () => void, ms: number): TimerHandle {
    const timer: Timer = { at: this.time + Math.max(0, ms), seq: this.seq++, run, cancelled: false }
    this.timers.push(timer)
    return { cancel: () => void (timer.cancelled = true) }
  }

  /** Timers not fired or cancelled. */
  pending(): number {
    return this.timers.filter((t) => !t.cancelled).length
  }

  /** Moves time forward by `ms`, firing each due timer at its own time and letting its work run. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms
    for (;;) {
      await flush()
      this.timers = this.timers.filter((t) => !t.cancelled)
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next) break
      this.timers.splice(this.timers.indexOf(next), 1)
      this.time = Math.max(this.time, next.at)
      next.run()
    }
    this.time = target
    await flush()
  }

  /**
   * Time jumps without the process running, as across a sleep the OS did not announce; the
   * timers that came due meanwhile fire together at the new time (call advance(0)).
   */
  jump(ms: number): void {
    this.time += ms
    for (const t of this.timers) t.at = Math.min(t.at, this.time)
  }

  /** Moves time forward in steps (so work started by one timer can set the next). */
  async advanceBy(totalMs: number, stepMs: number): Promise<void> {
    for (let done = 0; done < totalMs; done += stepMs) await this.advance(Math.min(stepMs, totalMs - done))
  }
}

/** A FleetClock for e2e tests: real time plus an offset that the test can move forward. */
import type { FleetClock, TimerHandle } from '../../../src/core/health/fleet-clock'

interface Timer {
  readonly at: number
  readonly run: () => void
  readonly background: boolean
  handle?: ReturnType<typeof setTimeout>
}

/**
 * Runs on real time (requests, simulators and the page keep working), but `advance` jumps it
 * forward: timers that come due fire at once, as after a long wait, without waiting for it.
 */
export class ShiftedClock implements FleetClock {
  private offset = 0
  private readonly timers = new Set<Timer>()

  now(): number {
    return Date.now() + this.offset
  }

  setTimer(run: () => void, ms: number, options?: { readonly background?: boolean }): TimerHandle {
    const timer: Timer = { at: this.now() + Math.max(0, ms), run, background: options?.background ?? false }
    this.timers.add(timer)
    this.arm(timer)
    return {
      cancel: () => {
        clearTimeout(timer.handle)
        this.timers.delete(timer)
      },
    }
  }

  /** Moves time forward by `ms`; every timer due by then fires. */
  advance(ms: number): void {
    this.offset += ms
    for (const timer of this.timers) this.arm(timer)
  }

  private arm(timer: Timer): void {
    clearTimeout(timer.handle)
    timer.handle = setTimeout(() => this.fire(timer), Math.max(0, timer.at - this.now()))
    if (timer.background) timer.handle.unref()
  }

  private fire(timer: Timer): void {
    if (this.now() < timer.at) return this.arm(timer)
    this.timers.delete(timer)
    timer.run()
  }
}

/**
 * Request budgets per key (a provider host, or an Authmatech client on it): at most `limit`
 * requests in any `windowMs`, plus holds when the provider asks us to wait (429/503 with
 * Retry-After, or a default that grows with each 429 without it). Waiting requests are served
 * first come, first served.
 *
 * A request occupies a slot from the moment it is sent until `windowMs` after its answer
 * arrived. The provider counts a request when it arrives, which is somewhere in between, so
 * counting this way can never exceed its window, whatever the network latency.
 */
import type { FleetClock, TimerHandle } from './fleet-clock'

export interface RateLimit {
  readonly limit: number
  readonly windowMs: number
}

/** Call when the request's answer (or its failure) arrived. */
export type Release = () => void

/** The provider asked to wait until `until` (with this status). */
export interface Hold {
  readonly until: number
  readonly status: 429 | 503
}

interface Waiter {
  /** A hold ending after this answers the waiter with the hold instead of keeping it waiting. */
  readonly deadline: number
  readonly settle: (slot: Release | Hold) => void
}

/** Default hold after a 429 without Retry-After: 1 s, doubling per consecutive 429, at most 5 min (Authmatech's own guidance starts at 1 s). */
export const DEFAULT_HOLD_MS = 1_000
export const MAX_DEFAULT_HOLD_MS = 5 * 60_000
/** No answer makes us wait longer than this: a bogus Retry-After must not stop checks for days. */
export const MAX_HOLD_MS = 60 * 60_000

interface KeyState {
  /** Answer times of the requests still inside the window, oldest first. */
  readonly done: number[]
  inFlight: number
  heldUntil: number
  heldBy: 429 | 503
  /** Consecutive 429s (drives the default hold). */
  strikes: number
  readonly waiters: Waiter[]
  timer: TimerHandle | null
  /** Most requests ever occupying the window at once (for tests and the status). */
  peak: number
}

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>()

  private readonly waitWatchers = new Set<(key: string, until: number) => void>()

  constructor(
    private readonly clock: FleetClock,
    private readonly limitOf: (key: string) => RateLimit | null,
  ) {}

  /** `watcher` is told whenever requests for a key must wait until a later time (a spent budget or a hold), e.g. to say so. */
  watchWaits(watcher: (key: string, until: number) => void): () => void {
    this.waitWatchers.add(watcher)
    return () => this.waitWatchers.delete(watcher)
  }

  private state(key: string): KeyState {
    let s = this.keys.get(key)
    if (!s) this.keys.set(key, (s = { done: [], inFlight: 0, heldUntil: 0, heldBy: 429, strikes: 0, waiters: [], timer: null, peak: 0 }))
    return s
  }

  private prune(s: KeyState, limit: RateLimit | null, now: number): void {
    const horizon = now - (limit?.windowMs ?? 0)
    let drop = 0
    while (drop < s.done.length && s.done[drop]! <= horizon) drop += 1
    if (drop > 0) s.done.splice(0, drop)
  }

  /** Earliest time a request for `key` may be sent: now, a later time, or Infinity (after a running one ends). */
  readyAt(key: string): number {
    const now = this.clock.now()
    const s = this.state(key)
    const limit = this.limitOf(key)
    this.prune(s, limit, now)
    let at = Math.max(now, s.heldUntil)
    if (limit && s.inFlight + s.done.length >= limit.limit) {
      // The slot that frees first is the (excess)-th oldest answer; none if running requests hold them all.
      const excess = s.inFlight + s.done.length - limit.limit
      at = Math.max(at, excess < s.done.length ? s.done[excess]! + limit.windowMs : Infinity)
    }
    return at
  }

  /** The provider asked us to wait until `until` (and said so with `status`), if that is still ahead. */
  hold(key: string): Hold | null {
    const s = this.keys.get(key)
    return s && s.heldUntil > this.clock.now() ? { until: s.heldUntil, status: s.heldBy } : null
  }

  /**
   * Waits for a slot (and any hold), then takes it. A hold that ends after `deadline` (now or
   * while waiting) answers with that hold instead: a request is not kept waiting for an hour,
   * nor a cancelled round with it.
   */
  acquireBefore(key: string, deadline: number): Promise<Release | Hold> {
    return new Promise((resolve) => {
      this.state(key).waiters.push({ deadline, settle: resolve })
      this.serve(key)
    })
  }

  /** The provider asked to wait `ms` (Retry-After), or said 429 without saying how long (undefined). */
  holdOff(key: string, ms: number | undefined): number {
    const s = this.state(key)
    s.strikes += 1
    const wait = Math.min(MAX_HOLD_MS, ms ?? Math.min(MAX_DEFAULT_HOLD_MS, DEFAULT_HOLD_MS * 2 ** (s.strikes - 1)))
    this.extend(s, this.clock.now() + wait, 429)
    this.serve(key)
    return wait
  }

  /** A 503 with Retry-After: the provider said how long it will be down. */
  holdFor(key: string, ms: number): void {
    this.extend(this.state(key), this.clock.now() + Math.min(MAX_HOLD_MS, ms), 503)
    this.serve(key)
  }

  private extend(s: KeyState, until: number, status: 429 | 503): void {
    if (until <= s.heldUntil) return
    s.heldUntil = until
    s.heldBy = status
  }

  /** An answer that was not a 429: the default hold starts small again. */
  accepted(key: string): void {
    const s = this.keys.get(key)
    if (s) s.strikes = 0
  }

  /** Requests occupying the window now, and the most there ever were. */
  load(key: string): { readonly inWindow: number; readonly inFlight: number; readonly peak: number } {
    const s = this.state(key)
    this.prune(s, this.limitOf(key), this.clock.now())
    return { inWindow: s.inFlight + s.done.length, inFlight: s.inFlight, peak: s.peak }
  }

  private take(key: string, s: KeyState): Release {
    s.inFlight += 1
    s.peak = Math.max(s.peak, s.inFlight + s.done.length)
    let released = false
    return () => {
      if (released) return
      released = true
      s.inFlight -= 1
      if (this.limitOf(key)) s.done.push(this.clock.now())
      this.serve(key)
    }
  }

  private serve(key: string): void {
    const s = this.state(key)
    s.timer?.cancel()
    s.timer = null
    this.refuseHeldPastDeadline(s)
    while (s.waiters.length > 0) {
      const at = this.readyAt(key)
      const now = this.clock.now()
      if (at > now) {
        if (Number.isFinite(at)) {
          s.timer = this.clock.setTimer(() => this.serve(key), at - now)
          for (const watcher of this.waitWatchers) watcher(key, at)
        }
        return
      }
      s.waiters.shift()!.settle(this.take(key, s))
    }
  }

  private refuseHeldPastDeadline(s: KeyState): void {
    if (s.heldUntil <= this.clock.now()) return
    const hold: Hold = { until: s.heldUntil, status: s.heldBy }
    const refused = s.waiters.filter((w) => w.deadline < hold.until)
    if (refused.length === 0) return
    s.waiters.splice(0, s.waiters.length, ...s.waiters.filter((w) => w.deadline >= hold.until))
    for (const waiter of refused) waiter.settle(hold)
  }
}

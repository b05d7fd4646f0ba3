/**
 * What a request AuthDesk did not send says: the provider asked to wait (429, or 503 with
 * Retry-After) until a time past what the check can wait for.
 */
import type { Verdict } from './types'

export interface HeldBack {
  readonly until: number
  readonly status: 429 | 503
}

export function heldBackVerdict(providerLabel: string, hold: HeldBack, step: string, now: number): Verdict {
  const until = new Date(hold.until).toISOString()
  const seconds = Math.ceil((hold.until - now) / 1000)
  const asked = hold.status === 429 ? 'is rate-limiting requests (429)' : 'is unavailable (503)'
  return {
    cause: hold.status === 429 ? 'rate_limited' : 'server.unavailable',
    summary: `Not sent: ${providerLabel} ${asked} and asked to wait until ${until} (${seconds} s). Try again after that.`,
    evidence: {
      step,
      status: hold.status,
      retryAfterMs: hold.until - now,
      inferred: 'held back by AuthDesk: an earlier answer from this host asked it to wait',
    },
    retryAfterMs: hold.until - now,
  }
}

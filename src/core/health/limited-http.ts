/**
 * The HTTP client every check uses, with the request budgets in front: each request (retries
 * included) waits for a slot of its provider's budget, and a 429 or a 503 with Retry-After
 * holds back that budget's further requests; one that would be held past its own timeout is
 * not sent (a `held` outcome) instead of waiting. The engine's client is wrapped, not changed:
 * CheckDeps takes any HttpClient.
 */
import type { HttpClient } from '../http/client'
import { parseRetryAfter } from '../diagnosis/retry'
import type { FleetClock } from './fleet-clock'
import { requestKey } from './provider-budgets'
import type { RateLimiter } from './rate-limiter'

export function createLimitedHttpClient(inner: HttpClient, limiter: RateLimiter, clock: FleetClock): HttpClient {
  return {
    async send(spec) {
      const key = requestKey(spec)
      if (key === null) return inner.send(spec)
      const slot = await limiter.acquireBefore(key, clock.now() + spec.timeoutMs)
      if (typeof slot !== 'function') return { kind: 'held', ...slot, startedAt: clock.now(), durationMs: 0 }
      const release = slot
      try {
        const outcome = await inner.send(spec)
        if (outcome.kind !== 'response') return outcome
        const retryAfterMs = parseRetryAfter(outcome.headers['retry-after'], outcome.headers.date, clock.now())
        if (outcome.status === 429) limiter.holdOff(key, retryAfterMs)
        else {
          limiter.accepted(key)
          if (outcome.status === 503 && retryAfterMs !== undefined) limiter.holdFor(key, retryAfterMs)
        }
        return outcome
      } finally {
        release()
      }
    },
    close: () => inner.close(),
  }
}

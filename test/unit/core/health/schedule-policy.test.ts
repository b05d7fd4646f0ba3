import { describe, expect, it } from 'vitest'
import { baseDelay, DEFAULT_POLICY, delayAfter, dueAt, retryStepOf, unitHash, type SchedulePolicy } from '../../../../src/core/health/schedule-policy'
import { diagnosis } from './fixtures'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const at = '2026-11-02T08:00:00.000Z'
const t0 = Date.parse(at)

describe('due times', () => {
  it('is due at once when never checked', () => {
    expect(dueAt('a', null, 0, DEFAULT_POLICY)).toBe(Number.NEGATIVE_INFINITY)
  })

  it('re-checks a working account after the interval, up to 10 % sooner, never later', () => {
    const due = dueAt('a', { checkedAt: at }, 0, DEFAULT_POLICY)
    expect(due).toBeLessThanOrEqual(t0 + 6 * HOUR)
    expect(due).toBeGreaterThanOrEqual(t0 + 6 * HOUR * 0.9)
    // Stable: the same check always gives the same due time.
    expect(dueAt('a', { checkedAt: at }, 0, DEFAULT_POLICY)).toBe(due)
  })

  it.each([
    [1, 5 * MINUTE],
    [2, 15 * MINUTE],
    [3, HOUR],
    [4, HOUR],
    [40, HOUR],
  ])('backs off after failing or unknown checks: step %i → %i ms before jitter', (step, base) => {
    expect(baseDelay(step, DEFAULT_POLICY)).toBe(base)
    const due = dueAt('acct', { checkedAt: at }, step, DEFAULT_POLICY)
    expect(due - t0).toBeLessThanOrEqual(base)
    expect(due - t0).toBeGreaterThanOrEqual(base * 0.9)
  })

  it('caps the backoff at the interval', () => {
    const short: SchedulePolicy = { ...DEFAULT_POLICY, intervalMs: 30 * MINUTE }
    expect(baseDelay(3, short)).toBe(30 * MINUTE)
    expect(baseDelay(2, short)).toBe(15 * MINUTE)
  })

  it('never comes due before the provider said (Retry-After)', () => {
    expect(dueAt('a', { checkedAt: at, retryAfterMs: 2 * HOUR }, 1, DEFAULT_POLICY)).toBe(t0 + 2 * HOUR)
  })

  it('keeps jitter within its bounds and spreads accounts checked together', () => {
    const delays = Array.from({ length: 2000 }, (_, i) => delayAfter(0, DEFAULT_POLICY, `account-${i}|${at}`))
    expect(Math.max(...delays)).toBeLessThanOrEqual(6 * HOUR)
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(6 * HOUR * 0.9)
    // Spread over the whole jitter range, not bunched.
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(6 * HOUR * 0.09)
    expect(new Set(delays).size).toBeGreaterThan(1900)
    for (let i = 0; i < 200; i++) {
      const u = unitHash(`x${i}`)
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
    }
  })

  it('counts the failing or unknown checks in a row from the newest', () => {
    expect(retryStepOf([])).toBe(0)
    expect(retryStepOf([diagnosis('healthy'), diagnosis('failing')])).toBe(0)
    expect(retryStepOf([diagnosis('unknown'), diagnosis('failing'), diagnosis('degraded'), diagnosis('failing')])).toBe(2)
    expect(retryStepOf([diagnosis('failing'), diagnosis('unknown')])).toBe(2)
  })
})

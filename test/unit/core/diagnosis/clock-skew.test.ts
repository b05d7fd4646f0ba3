import { describe, expect, it } from 'vitest'
import { createSkewTracker, describeSkew, isSkewed, SKEW_THRESHOLD_MS } from '../../../../src/core/diagnosis/clock-skew'

const at = (ms: number): string => new Date(ms).toUTCString()
const T = Date.UTC(2026, 10, 22, 10, 0, 0)

describe('clock skew', () => {
  it('is null until a Date header is seen, and ignores unreadable ones', () => {
    const tracker = createSkewTracker()
    expect(tracker.skewMs).toBeNull()
    tracker.observe(undefined, T, T)
    tracker.observe('yesterday-ish', T, T)
    expect(tracker.skewMs).toBeNull()
  })

  it('measures provider minus local against the middle of the exchange', () => {
    const tracker = createSkewTracker()
    tracker.observe(at(T + 600_000), T - 100, T + 100)
    expect(tracker.skewMs).toBeGreaterThan(599_000)
    expect(tracker.skewMs).toBeLessThan(601_000)
  })

  it('reads an exact clock as well inside the threshold despite the one-second resolution', () => {
    const tracker = createSkewTracker()
    tracker.observe(at(T), T + 900, T + 950)
    expect(isSkewed(tracker.skewMs)).toBe(false)
  })

  it('counts only more than two minutes, either way', () => {
    expect(isSkewed(SKEW_THRESHOLD_MS)).toBe(false)
    expect(isSkewed(SKEW_THRESHOLD_MS + 1)).toBe(true)
    expect(isSkewed(-SKEW_THRESHOLD_MS - 1)).toBe(true)
    expect(isSkewed(null)).toBe(false)
  })

  it('says which way the local clock is off', () => {
    expect(describeSkew(600_000)).toBe("This computer's clock is 10 min behind the provider's.")
    expect(describeSkew(-3 * 3600_000)).toBe("This computer's clock is 3 h ahead of the provider's.")
  })
})

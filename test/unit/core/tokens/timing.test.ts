import { describe, expect, it } from 'vitest'
import { BACKOFF_MAX_MS, backoffMs, isUsable, MIN_REMAINING_MS, refreshAtMs, refreshMarginMs, usableUntilMs } from '../../../../src/core/tokens/timing'

const S = 1000
const MIN = 60 * S

describe('refresh margin: a quarter of the lifetime, between 10 s and 5 min', () => {
  it.each([
    [24 * 60 * MIN, 5 * MIN], // 24 h tokens: Google's 5 minutes
    [15 * MIN, 225 * S], // SMSGate's default: 3 m 45 s
    [60 * S, 15 * S], // the benchmark's tokens
    [30 * S, 10 * S], // floor
    [20 * S, 10 * S],
    [12 * S, 6 * S], // shorter than 20 s: half-life, so it is not due at birth
  ])('lifetime %i ms → %i ms early', (lifetime, margin) => {
    expect(refreshMarginMs(lifetime)).toBe(margin)
  })
})

describe('refresh time in local time, corrected for the provider clock', () => {
  const times = { issuedAtMs: 1_000_000, expiresAtMs: 1_000_000 + 15 * MIN }
  it('no skew', () => expect(refreshAtMs(times, null)).toBe(times.expiresAtMs - 225 * S))
  it('provider ahead by 2 min: refresh 2 min earlier by our clock', () => expect(refreshAtMs(times, 2 * MIN)).toBe(times.expiresAtMs - 225 * S - 2 * MIN))
  it('provider behind by 1 min: later', () => expect(refreshAtMs(times, -MIN)).toBe(times.expiresAtMs - 225 * S + MIN))
  it('a token is handed out only with MIN_REMAINING_MS left', () => {
    expect(usableUntilMs(times, 0)).toBe(times.expiresAtMs - MIN_REMAINING_MS)
    expect(isUsable(times, 0, times.expiresAtMs - MIN_REMAINING_MS - 1)).toBe(true)
    expect(isUsable(times, 0, times.expiresAtMs - MIN_REMAINING_MS)).toBe(false)
    expect(isUsable(times, 10 * S, times.expiresAtMs - 11 * S)).toBe(false)
  })
})

describe('backoff with equal jitter', () => {
  it('doubles per failure, half fixed and half random, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000])
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 1))).toEqual([2000, 4000, 8000, 16000])
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_MAX_MS)
    expect(backoffMs(30, () => 0)).toBe(BACKOFF_MAX_MS / 2)
  })
  it('spreads accounts that fail together', () => {
    const waits = new Set(Array.from({ length: 100 }, (_, i) => backoffMs(3, () => i / 100)))
    expect(waits.size).toBe(100)
  })
})

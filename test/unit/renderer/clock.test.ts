import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clockNow, subscribeClock } from '../../../src/renderer/src/lib/clock'
import { formatDuration, resolutionFor } from '../../../src/renderer/src/lib/format-time'

describe('the shared clock', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs one interval for all subscribers, only while there are any', () => {
    const a = vi.fn()
    const b = vi.fn()
    expect(vi.getTimerCount()).toBe(0)
    const offA = subscribeClock(a)
    const offB = subscribeClock(b)
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(3000)
    expect(a).toHaveBeenCalledTimes(3)
    expect(b).toHaveBeenCalledTimes(3)
    offA()
    vi.advanceTimersByTime(1000)
    expect(a).toHaveBeenCalledTimes(3)
    expect(b).toHaveBeenCalledTimes(4)
    offB()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('advances the time its subscribers read', () => {
    const off = subscribeClock(() => {})
    const before = clockNow()
    vi.advanceTimersByTime(5000)
    expect(clockNow() - before).toBe(5000)
    off()
  })
})

describe('countdown formatting', () => {
  it.each([
    [0, '0s'],
    [12_400, '12s'],
    [4 * 60_000 + 9_000, '4m 09s'],
    [2 * 3_600_000 + 5 * 60_000, '2h 05m'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d 4h'],
    [-5_000, '0s'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('redraws as often as the shown units change', () => {
    expect(resolutionFor(30_000)).toBe(1000)
    expect(resolutionFor(59 * 60_000)).toBe(1000)
    expect(resolutionFor(2 * 3_600_000)).toBe(60_000)
    expect(resolutionFor(-2 * 86_400_000)).toBe(3_600_000)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_HOLD_MS, MAX_DEFAULT_HOLD_MS, MAX_HOLD_MS, RateLimiter, type Release } from '../../../../src/core/health/rate-limiter'
import { flush, ManualClock } from './manual-clock'

/** A slot with no deadline: it is always granted, never refused. */
const acquire = (limiter: RateLimiter, key: string): Promise<Release> => limiter.acquireBefore(key, Infinity) as Promise<Release>

const WINDOW = 60_000

/** Most arrivals in any window (t − W, t], counted the way the Authmatech simulator counts. */
function maxInWindow(arrivals: ReadonlyArray<number>, windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b)
  let most = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - windowMs) start += 1
    most = Math.max(most, end - start + 1)
  }
  return most
}

describe('rate limiter', () => {
  it('never lets a provider see more than N requests in any window, whatever the latency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 9_000 }), duration: fc.integer({ min: 0, max: 20_000 }), arrival: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 60 }),
        async (limit, requests) => {
          const clock = new ManualClock()
          const limiter = new RateLimiter(clock, () => ({ limit, windowMs: WINDOW }))
          const arrivals: number[] = []
          const pending: Promise<void>[] = []
          for (const request of requests) {
            await clock.advance(request.gap)
            pending.push(
              acquire(limiter, 'k').then((release) => {
                const sentAt = clock.now()
                // The provider counts the request somewhere between sending and the answer.
                arrivals.push(sentAt + request.arrival * request.duration)
                clock.setTimer(release, request.duration)
              }),
            )
          }
          while (arrivals.length < requests.length) await clock.advance(WINDOW)
          await Promise.all(pending)
          expect(maxInWindow(arrivals, WINDOW)).toBeLessThanOrEqual(limit)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('lets N requests through at once, then the next one when the oldest answer leaves the window', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, () => ({ limit: 3, windowMs: WINDOW }))
    const releases: Release[] = []
    for (let i = 0; i < 3; i++) releases.push(await acquire(limiter, 'k'))
    let fourth: Release | null = null
    void acquire(limiter, 'k').then((r) => (fourth = r))
    await flush()
    expect(fourth).toBeNull()
    expect(limiter.readyAt('k')).toBe(Number.POSITIVE_INFINITY) // every slot is in flight
    await clock.advance(1_000)
    releases[0]!()
    expect(limiter.readyAt('k')).toBe(clock.now() + WINDOW)
    await clock.advance(WINDOW - 1)
    expect(fourth).toBeNull()
    await clock.advance(1)
    expect(fourth).not.toBeNull()
    expect(limiter.load('k').peak).toBe(3)
  })

  it('serves waiting requests first come, first served, and keeps budgets apart per key', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, () => ({ limit: 1, windowMs: WINDOW }))
    const first = await acquire(limiter, 'a')
    const order: string[] = []
    void acquire(limiter, 'a').then(() => order.push('second'))
    void acquire(limiter, 'a').then(() => order.push('third'))
    void acquire(limiter, 'b').then(() => order.push('other key'))
    await flush()
    expect(order).toEqual(['other key'])
    first()
    await clock.advance(WINDOW)
    expect(order).toEqual(['other key', 'second'])
  })

  it('holds a key for the Retry-After the provider gave, and grows a default hold for 429 without one', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, () => null)
    const now = clock.now()
    expect(limiter.holdOff('k', 120_000)).toBe(120_000)
    expect(limiter.hold('k')).toEqual({ until: now + 120_000, status: 429 })
    expect(limiter.readyAt('k')).toBe(now + 120_000)
    expect(limiter.readyAt('other')).toBe(now)
    await clock.advance(120_000)
    expect(limiter.hold('k')).toBeNull()

    expect(limiter.holdOff('k', undefined)).toBe(2 * DEFAULT_HOLD_MS) // second 429 in a row
    expect(limiter.holdOff('k', undefined)).toBe(4 * DEFAULT_HOLD_MS)
    for (let i = 0; i < 20; i++) limiter.holdOff('k', undefined)
    expect(limiter.holdOff('k', undefined)).toBe(MAX_DEFAULT_HOLD_MS)
    limiter.accepted('k')
    await clock.advance(MAX_HOLD_MS)
    expect(limiter.holdOff('k', undefined)).toBe(DEFAULT_HOLD_MS)
    expect(limiter.holdOff('k', 10 * 24 * 3600_000)).toBe(MAX_HOLD_MS) // a bogus Retry-After is capped
    limiter.holdFor('j', 30_000)
    expect(limiter.hold('j')?.status).toBe(503)
  })

  it('makes a waiting request wait out a hold that starts while it waits', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, () => ({ limit: 1, windowMs: 1_000 }))
    const release = await acquire(limiter, 'k')
    let sent = false
    void acquire(limiter, 'k').then(() => (sent = true))
    limiter.holdOff('k', 30_000)
    release()
    await clock.advance(29_999)
    expect(sent).toBe(false)
    await clock.advance(1)
    expect(sent).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { DueScheduler, type TokenClock } from '../../../../src/core/tokens/scheduler'

class FakeClock implements TokenClock {
  t = 0
  timers: Array<{ at: number; run: () => void }> = []
  now = (): number => this.t
  setTimer(delay: number, run: () => void): unknown {
    const timer = { at: this.t + delay, run }
    this.timers.push(timer)
    return timer
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t !== handle)
  }
  advance(ms: number): void {
    const end = this.t + ms
    for (;;) {
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      this.t = Math.max(this.t, next.at)
      this.clearTimer(next)
      next.run()
    }
    this.t = end
  }
}

function setup(maxSleep = 30_000) {
  const clock = new FakeClock()
  const fired: Array<[number, string[]]> = []
  let wakes = 0
  const scheduler = new DueScheduler(clock, (ids) => fired.push([clock.t, [...ids]]), () => wakes++, maxSleep)
  return { clock, fired, scheduler, wakes: () => wakes }
}

describe('DueScheduler: one timer for every account', () => {
  it('fires each account once, at its time, in order, with a single pending timer', () => {
    const { clock, fired, scheduler } = setup(1_000_000)
    scheduler.set('b', 200)
    scheduler.set('a', 100)
    scheduler.set('c', 200)
    expect(clock.timers).toHaveLength(1)
    clock.advance(1000)
    expect(fired.map(([at, ids]) => [at, [...ids].sort()])).toEqual([
      [100, ['a']],
      [200, ['b', 'c']],
    ])
    expect(scheduler.size).toBe(0)
  })

  it('moving an event replaces it; deleting cancels it', () => {
    const { clock, fired, scheduler } = setup(1_000_000)
    scheduler.set('a', 100)
    scheduler.set('a', 300)
    scheduler.set('b', 50)
    scheduler.delete('b')
    expect(scheduler.dueAt('a')).toBe(300)
    clock.advance(1000)
    expect(fired).toEqual([[300, ['a']]])
  })

  it('an event in the past fires at once', () => {
    const { clock, fired, scheduler } = setup()
    clock.t = 5000
    scheduler.set('late', 1000)
    clock.advance(0)
    expect(fired).toEqual([[5000, ['late']]])
  })

  it('sleeps at most maxSleepMs, so a moved wall clock is noticed', () => {
    const { clock, fired, scheduler, wakes } = setup(30_000)
    scheduler.set('far', 100_000)
    expect(clock.timers[0]!.at).toBe(30_000)
    clock.advance(100_000)
    expect(wakes()).toBe(4)
    expect(fired).toEqual([[100_000, ['far']]])
  })

  it('keeps its heap small while events move often', () => {
    const { clock, fired, scheduler } = setup(1_000_000)
    for (let i = 0; i < 10_000; i++) scheduler.set(`a${i % 10}`, 1_000 + i)
    expect((scheduler as unknown as { heap: unknown[] }).heap.length).toBeLessThan(200)
    clock.advance(20_000)
    expect(fired.flatMap(([, ids]) => ids).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}`).sort())
  })

  it('stops after close', () => {
    const { clock, fired, scheduler } = setup()
    scheduler.set('a', 10)
    scheduler.close()
    clock.advance(100)
    expect(fired).toEqual([])
  })
})

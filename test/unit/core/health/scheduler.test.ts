import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../../src/core/errors'
import { accountKey } from '../../../../src/core/health/provider-budgets'
import { displayedState, type ScheduledHealth } from '../../../../src/shared/fleet'
import type { BuiltInProviderId } from '../../../../src/shared/model'
import { fleet, type Fleet } from './fake-health'
import { account } from './fixtures'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const START = 30_000 // the scheduler's pause after start and wake-up

const many = (n: number, provider: BuiltInProviderId = 'nmbrs', prefix = provider) => Array.from({ length: n }, (_, i) => account(`${prefix}-${i}`, provider))
let running: Fleet[] = []
afterEach(() => {
  running.forEach((f) => f.scheduler.stop())
  running = []
})

async function started(accounts = many(10), options = {}): Promise<Fleet> {
  const f = fleet(accounts, options)
  running.push(f)
  await f.scheduler.start()
  return f
}

describe('fleet scheduler', () => {
  it('checks every due account once, never more at a time than the provider allows, with progress', async () => {
    const f = await started([...many(10), ...many(3, 'groupcall')])
    f.health.close()
    await f.clock.advance(START - 1)
    expect(f.health.started).toEqual([])
    await f.clock.advance(1)
    expect(f.health.running.get('nmbrs')).toBe(4)
    expect(f.health.running.get('groupcall')).toBe(2)
    f.health.open()
    await f.clock.advance(0)
    expect(f.health.started).toHaveLength(13)
    expect(new Set(f.health.started).size).toBe(13)
    expect(f.health.peak.get('nmbrs')).toBe(4)
    expect(f.health.peak.get('groupcall')).toBe(2)
    const progress = f.of('fleet:progress')
    expect(progress.at(-1)).toMatchObject({ total: 13, done: 13, failed: 0, finished: true, cancelled: false, trigger: 'resume' })
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b))
    expect(new Set(progress.map((p) => p.runId)).size).toBe(1)
  })

  it('leaves out a Groupcall account whose check may be charged, unless its owner allowed that in the background', async () => {
    const billable = account('gc-billable', 'groupcall', 'keychain', { CUSTOMER_ID: '1469', CHECK: 'reserved-number' })
    const allowed = account('gc-allowed', 'groupcall', 'keychain', { CUSTOMER_ID: '1470', CHECK: 'reserved-number', BACKGROUND_CHECKS: 'yes' })
    const free = account('gc-free', 'groupcall', 'keychain', { CUSTOMER_ID: '1471' })
    const f = await started([billable, allowed, free])
    await f.clock.advance(START)
    expect([...f.health.started].sort()).toEqual(['gc-allowed', 'gc-free'])
    const listed = f.scheduler.annotate({ id: 'gc-billable', latest: null, lastHealthyAt: null, lastCheckedAt: null })
    expect(listed.schedule?.blocked).toMatchObject({ code: 'checks.billable', message: expect.stringContaining('+447700900000') as string })
  })

  it('re-checks after the interval (not before), and failing accounts sooner with backoff', async () => {
    const accounts = many(5)
    const f = await started(accounts)
    f.health.outcome = (id) => (id === 'nmbrs-0' ? 'failing' : 'healthy')
    await f.clock.advance(START)
    expect(f.health.started).toHaveLength(5)
    // Failing: again after ~5 min, ~15 min, ~1 h, ~1 h… (jitter takes up to 10 % off).
    await f.clock.advance(170 * MINUTE)
    expect(f.health.count('nmbrs-0')).toBe(5)
    expect(f.health.count('nmbrs-1')).toBe(1)
    await f.clock.advance(6 * HOUR - 170 * MINUTE)
    for (const a of accounts.slice(1)) expect(f.health.count(a.id)).toBe(2)
    const listed = f.scheduler.annotate({ id: 'nmbrs-1', latest: f.health.histories.get('nmbrs-1')![0]!, lastHealthyAt: null, lastCheckedAt: null })
    expect(Date.parse(listed.schedule!.nextCheckAt!) - f.clock.now()).toBeGreaterThan(5 * HOUR)
    expect(listed.schedule).toMatchObject({ blocked: null, retryStep: 0 })
  })

  it('after a sleep, runs each overdue account once, after the network had time to come back', async () => {
    const accounts = [...many(6), ...many(6, 'authmatech')]
    const f = await started(accounts)
    await f.clock.advance(START)
    expect(f.health.started).toHaveLength(12)
    f.scheduler.suspend()
    await f.clock.advance(3 * 24 * HOUR)
    expect(f.health.started).toHaveLength(12)
    f.scheduler.resume()
    await f.clock.advance(START - 1)
    expect(f.health.started).toHaveLength(12)
    await f.clock.advance(1)
    await f.clock.advance(HOUR)
    for (const a of accounts) expect(f.health.count(a.id)).toBe(2)
    expect(f.of('fleet:progress').at(-1)).toMatchObject({ trigger: 'resume', total: 12, finished: true })
  })

  it('runs each overdue account once when the clock jumps without warning (a sleep nobody announced)', async () => {
    const accounts = many(8, 'smsgate')
    const f = await started(accounts)
    await f.clock.advance(START)
    f.clock.jump(3 * 24 * HOUR)
    await f.clock.advance(0)
    await f.clock.advance(HOUR)
    for (const a of accounts) expect(f.health.count(a.id)).toBe(2)
    expect(f.health.peak.get('smsgate')).toBeLessThanOrEqual(4)
  })

  it('raises one notification per change between working and failing, not one per check', async () => {
    const f = await started([account('a')])
    const states = ['healthy', 'failing', 'failing', 'unknown', 'failing', 'healthy', 'healthy'] as const
    f.health.outcome = (_id, nth) => states[nth - 1] ?? 'healthy'
    await f.clock.advance(START)
    // healthy, then 6 h later failing, then ~5 min, ~15 min, ~1 h, ~1 h later, then 6 h later.
    await f.clock.advanceBy(16 * HOUR, 10 * MINUTE)
    expect(f.health.count('a')).toBe(states.length)
    expect(f.of('fleet:notify').map((n) => n.title)).toEqual(['Account a is failing', 'Account a works again'])
  })

  it('leaves changes found by a manual check to the screen that showed them', async () => {
    const f = await started([account('a')])
    await f.clock.advance(START)
    f.health.outcome = () => 'failing'
    await f.clock.advance(1_000)
    await f.health.check('a') // the user's own check: no notification
    await f.clock.advanceBy(2 * HOUR, 10 * MINUTE)
    expect(f.health.count('a')).toBeGreaterThan(2)
    expect(f.of('fleet:notify')).toEqual([])
  })

  it('shows keychain accounts as unchecked with the reason while the keychain is locked, and tries one now and then', async () => {
    const accounts = [...many(6), account('session-0', 'smsgate', 'session')]
    const f = await started(accounts, { lockRetryMs: 15 * MINUTE })
    let locked = true
    f.health.outcome = (id) => (locked && id !== 'session-0' ? new AppError('vault.keychain-failed', 'The OS keychain could not read the account’s secrets: locked.') : 'healthy')
    await f.clock.advance(START)
    const attempts = f.health.started.filter((id) => id !== 'session-0').length
    expect(attempts).toBeLessThanOrEqual(4) // the first lane's worth, then everything waits
    expect(f.health.count('session-0')).toBe(1)
    const last = new Map(f.of('health:changed').map((h) => [h.id, h as ScheduledHealth]))
    for (const a of accounts.filter((x) => x.id !== 'session-0')) {
      expect(last.get(a.id)?.schedule?.blocked).toMatchObject({ code: 'keychain.locked', message: expect.stringContaining('locked') })
      expect(displayedState(last.get(a.id)!)).toBe('unchecked')
    }
    expect((await f.scheduler.status()).paused).toMatchObject({ reason: 'keychain.locked' })

    await f.clock.advance(15 * MINUTE - 1)
    expect(f.health.started.filter((id) => id !== 'session-0')).toHaveLength(attempts)
    await f.clock.advance(1)
    expect(f.health.started.filter((id) => id !== 'session-0')).toHaveLength(attempts + 1) // one probe

    locked = false
    f.scheduler.resume() // unlocking the screen may unlock the keychain: try at once (after the pause)
    await f.clock.advance(START)
    for (const a of accounts) expect(f.health.histories.get(a.id)?.[0]?.state).toBe('healthy')
    const after = new Map(f.of('health:changed').map((h) => [h.id, h as ScheduledHealth]))
    expect(after.get('nmbrs-5')?.schedule?.blocked ?? null).toBeNull()
    expect((await f.scheduler.status()).paused).toBeNull()
  })

  it('can cancel a round: accounts not started wait for their next regular time, running ones finish', async () => {
    const accounts = many(8)
    const f = await started(accounts)
    f.health.close()
    await f.clock.advance(START)
    expect(f.health.started).toHaveLength(4)
    const runId = f.of('fleet:progress')[0]!.runId
    expect(f.scheduler.cancel(runId)).toEqual({ runId, skipped: 4 })
    f.health.open()
    await f.clock.advance(0)
    expect(f.of('fleet:progress').at(-1)).toMatchObject({ runId, finished: true, cancelled: true, done: 4, total: 8 })
    await f.clock.advance(5 * HOUR)
    expect(f.health.started).toHaveLength(4)
    await f.clock.advance(HOUR)
    expect(new Set(f.health.started).size).toBe(8)
    expect(f.scheduler.cancel(runId)).toEqual({ runId, skipped: 0 })
  })

  it('sends nothing to a provider that asked to wait, and keeps checking the others', async () => {
    const accounts = [...many(3, 'groupcall'), ...many(3)]
    const f = await started(accounts)
    f.limiter.holdOff(accountKey(accounts[0]!), 10 * MINUTE)
    await f.clock.advance(START)
    expect(f.health.started.filter((id) => id.startsWith('nmbrs'))).toHaveLength(3)
    expect(f.health.started.filter((id) => id.startsWith('groupcall'))).toEqual([])
    expect((await f.scheduler.status()).providers.find((p) => p.provider === 'groupcall')).toMatchObject({ waiting: 3, heldUntil: expect.any(String) })
    // The screen hears of the waiting accounts without asking.
    await f.clock.advance(500)
    expect(f.of('fleet:changed').at(-1)!.providers.find((p) => p.provider === 'groupcall')).toMatchObject({ waiting: 3, heldUntil: expect.any(String) })
    await f.clock.advance(10 * MINUTE)
    expect(f.health.started.filter((id) => id.startsWith('groupcall'))).toHaveLength(3)
  })

  it('stops scheduling when turned off and picks up again when turned on', async () => {
    const f = await started(many(3))
    expect(await f.scheduler.configure({ enabled: false })).toMatchObject({ settings: { enabled: false }, nextCheckAt: null })
    await f.clock.advance(HOUR)
    expect(f.health.started).toEqual([])
    await f.scheduler.configure({ enabled: true, intervalMinutes: 60 })
    await f.clock.advance(0)
    expect(f.health.started).toHaveLength(3)
    await f.clock.advance(HOUR)
    expect(f.health.started).toHaveLength(6)
  })

  it('turned off in the middle of a round, finishes what runs; turned on again, does the rest at once', async () => {
    const f = await started(many(8))
    f.health.close()
    await f.clock.advance(START)
    await f.scheduler.configure({ enabled: false })
    f.health.open()
    await f.clock.advance(HOUR)
    expect(f.health.started).toHaveLength(4)
    expect(f.of('fleet:progress').at(-1)).toMatchObject({ finished: true, cancelled: true, done: 4 })
    await f.scheduler.configure({ enabled: true })
    await f.clock.advance(0)
    expect(new Set(f.health.started).size).toBe(8)
  })
})

/**
 * The scheduler against the simulators when providers misbehave: down (maintenance, resets),
 * rate-limiting with Retry-After, and Authmatech's per-client budget.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { accountKey } from '../../../src/core/health/provider-budgets'
import type { ScheduledHealth } from '../../../src/shared/fleet'
import { fleetOnSimulators, type SimFleet } from './fleet-on-simulators'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
let open: SimFleet[] = []
afterEach(async () => {
  await Promise.all(open.map((f) => f.close()))
  open = []
})

async function fleet(...args: Parameters<typeof fleetOnSimulators>): Promise<SimFleet> {
  const f = await fleetOnSimulators(...args)
  open.push(f)
  return f
}

const latestOf = async (f: SimFleet, id: string) => (await f.health.historyOf(id))[0]

describe('fleet scheduler on the simulators', () => {
  it('keeps going when a provider is down: unknown, backoff, its pause respected, nothing piles up', async () => {
    const f = await fleet({ accounts: [{ provider: 'nmbrs', scenario: 'valid', count: 6 }, { provider: 'smsgate', scenario: 'valid', count: 3 }, { provider: 'groupcall', scenario: 'valid', count: 2 }] })
    const nmbrs = f.sims.byId.nmbrs
    nmbrs.faults.add({ kind: 'maintenance' }) // 503 with a maintenance page and Retry-After: 120, for good
    f.sims.byId.groupcall.faults.add({ kind: 'reset' }) // connection dropped before any answer
    await f.scheduler.start()
    await f.step(0)
    for (const id of f.ids('smsgate')) expect(await latestOf(f, id)).toMatchObject({ state: 'healthy' })
    for (const id of f.ids('groupcall')) expect(await latestOf(f, id)).toMatchObject({ state: 'unknown', cause: 'network.reset' })
    // The first lane's worth got the 503; the others wait out the 120 s it asked for.
    const first = nmbrs.requestCount()
    expect(first).toBeLessThanOrEqual(4)
    await f.step(119_000)
    expect(nmbrs.requestCount()).toBe(first)
    for (let t = 0; t < 3 * HOUR; t += MINUTE) await f.step(MINUTE)

    for (const id of f.ids('nmbrs')) {
      const history = await f.health.historyOf(id)
      expect(history[0]).toMatchObject({ state: 'unknown', cause: 'server.unavailable' })
      expect(history.every((d) => d.state === 'unknown')).toBe(true)
      // ~5 min, ~15 min, ~1 h, ~1 h… apart (later when the provider's pause says so): at most 5 in 3 h.
      expect(history.length).toBeGreaterThanOrEqual(3)
      expect(history.length).toBeLessThanOrEqual(5)
    }
    expect(f.peakInFlight.get('nmbrs')).toBeLessThanOrEqual(4)
    expect(nmbrs.requestCount()).toBeLessThanOrEqual(6 * 5)
    for (const id of f.ids('smsgate')) expect(await f.health.historyOf(id)).toHaveLength(1) // 6 h interval
    const listed = (await f.health.list()) as ReadonlyArray<ScheduledHealth>
    const one = listed.find((h) => h.id === f.ids('nmbrs')[0])!
    expect(one.schedule).toMatchObject({ blocked: null, retryStep: expect.any(Number) })
    expect(one.schedule!.retryStep).toBeGreaterThanOrEqual(3)
    expect(Date.parse(one.schedule!.nextCheckAt!) - f.clock.now()).toBeLessThanOrEqual(HOUR)
    expect(f.of('fleet:notify')).toEqual([]) // unknown is not a change worth a notification
  })

  it('slows only the provider that answered 429 with Retry-After; a manual check meanwhile sends nothing', async () => {
    const f = await fleet({
      accounts: [
        { provider: 'smsgate', scenario: 'valid', count: 4 },
        { provider: 'nmbrs', scenario: 'valid', count: 4 },
        { provider: 'authmatech', scenario: 'valid', count: 4 },
      ],
    })
    const smsgate = f.sims.byId.smsgate
    smsgate.faults.add({ kind: 'rate-limit', count: 3, retryAfterSeconds: 120 })
    await f.scheduler.start()
    await f.step(0)
    for (const id of [...f.ids('nmbrs'), ...f.ids('authmatech')]) expect(await latestOf(f, id)).toMatchObject({ state: 'healthy' })
    // The first 429 holds every further SMSGate request for the 120 s it asked for.
    const limited = []
    for (const id of f.ids('smsgate')) limited.push(await latestOf(f, id))
    expect(limited.filter((d) => d?.cause === 'rate_limited').length).toBeGreaterThanOrEqual(1)
    const sent = smsgate.requestCount()
    expect(sent).toBeLessThanOrEqual(4)

    const key = accountKey(f.accounts.find((a) => a.provider === 'smsgate')!)
    expect(f.limiter.hold(key)).toMatchObject({ status: 429 })
    const manual = await f.health.check(f.ids('smsgate')[0]!)
    expect(manual).toMatchObject({ state: 'unknown', cause: 'rate_limited', evidence: { step: 'held back' } })
    for (let t = 0; t < 110_000; t += 10_000) await f.step(10_000)
    expect(smsgate.requestCount()).toBe(sent)
    // Then, one pause after each 429, the burst is over and every account is checked again.
    for (let t = 0; t < 20 * MINUTE; t += 10_000) await f.step(10_000)
    for (const id of f.ids('smsgate')) expect(await latestOf(f, id)).toMatchObject({ state: 'healthy' })
    expect(smsgate.requestCount()).toBeLessThanOrEqual(4 + 3)
    expect(f.of('fleet:notify')).toEqual([])
  })

  it("never exceeds Authmatech's per-client budget (here 10 a minute, on the simulator's own count)", async () => {
    const budget = { limit: 10, windowMs: MINUTE }
    const f = await fleet({ accounts: [{ provider: 'authmatech', scenario: 'valid', count: 12 }], budgets: { authmatech: budget }, simulatorsOnTestClock: true })
    f.sims.byId.authmatech.simulator.setOptions({ rateLimitPerMinute: budget.limit })
    const started = f.clock.now()
    await f.scheduler.start()
    for (let t = 0; t < 150_000; t += 5_000) await f.step(5_000)
    const checks = []
    for (const id of f.ids('authmatech')) checks.push(await latestOf(f, id))
    // Two requests per check (products, usage): 24 in all, none refused with 429.
    expect(checks.map((d) => d?.state)).toEqual(Array(12).fill('healthy'))
    expect(f.sims.byId.authmatech.requestCount()).toBe(24)
    expect(f.limiter.load(accountKey(f.accounts[0]!)).peak).toBeLessThanOrEqual(budget.limit)
    // The budget, not the lanes, set the pace: 24 requests at 10 a window end in the third window.
    const last = Math.max(...checks.map((d) => Date.parse(d!.checkedAt) + d!.durationMs))
    expect(last - started).toBeGreaterThanOrEqual(2 * MINUTE)
  })
})

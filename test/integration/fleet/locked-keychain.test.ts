/** A locked keychain, through the real vault: accounts wait as `unchecked` with the reason, without a prompt storm. */
import { afterEach, describe, expect, it } from 'vitest'
import { displayedState, type ScheduledHealth } from '../../../src/shared/fleet'
import { FakeKeychain } from '../../unit/core/vault/fake-store'
import { fleetOnSimulators, type SimFleet } from './fleet-on-simulators'

const MINUTE = 60_000

/** A keychain that refuses every read while locked, as a locked login keychain or collection does. */
class LockableKeychain extends FakeKeychain {
  locked = false
  refused = 0

  override async get(account: string) {
    if (this.locked && account.startsWith('account:')) {
      this.refused += 1
      throw new Error('Cannot get secret: the collection is locked')
    }
    return super.get(account)
  }
}

let open: SimFleet | null = null
afterEach(async () => {
  await open?.close()
  open = null
})

describe('fleet scheduler with a locked keychain', () => {
  it('shows every keychain account as unchecked with the reason, tries one now and then, and resumes when it opens', async () => {
    const store = new LockableKeychain()
    const f = (open = await fleetOnSimulators({ store, accounts: [{ provider: 'nmbrs', scenario: 'valid', count: 5 }, { provider: 'authmatech', scenario: 'valid', count: 5 }] }))
    store.locked = true
    await f.scheduler.start()
    await f.step(0)
    // One lane's worth of reads at most, then everything waits: no prompt storm.
    const refusedAtFirst = store.refused
    expect(refusedAtFirst).toBeGreaterThanOrEqual(1)
    expect(refusedAtFirst).toBeLessThanOrEqual(12)
    const listed = (await f.health.list()) as ReadonlyArray<ScheduledHealth>
    expect(listed).toHaveLength(10)
    for (const health of listed) {
      expect(health.schedule?.blocked).toMatchObject({ code: 'keychain.locked', message: expect.stringContaining('locked') })
      expect(displayedState(health)).toBe('unchecked')
    }
    expect((await f.scheduler.status()).paused).toMatchObject({ reason: 'keychain.locked' })
    expect(f.of('health:changed').filter((h) => (h as ScheduledHealth).schedule?.blocked)).toHaveLength(10)

    await f.step(14 * MINUTE)
    expect(store.refused).toBe(refusedAtFirst)
    await f.step(MINUTE)
    expect(store.refused).toBe(refusedAtFirst + 1) // one try every 15 minutes

    store.locked = false
    f.scheduler.resume() // e.g. the screen was unlocked
    await f.step(0)
    const after = (await f.health.list()) as ReadonlyArray<ScheduledHealth>
    for (const health of after) {
      expect(health.schedule?.blocked).toBeNull()
      expect(health.latest?.state).toBe('healthy')
    }
    expect((await f.scheduler.status()).paused).toBeNull()
  })
})

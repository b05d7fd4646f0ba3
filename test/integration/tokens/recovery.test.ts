import { describe, expect, it } from 'vitest'
import { REFRESH_TOKEN } from '../../../src/core/tokens/managed-pair'
import { BACKOFF_BASE_MS } from '../../../src/core/tokens/timing'
import type { TokenNotice } from '../../../src/shared/tokens'
import { addSmsGate, keychainTokens, settle, spendRefreshToken, tapSmsGate, tokenWorlds, type TokenWorld } from './support'

const world = tokenWorlds()

const notices = (w: TokenWorld): TokenNotice[] => w.events.filter((e) => e.name === 'tokens:notify').map((e) => e.payload as TokenNotice)

async function toRefreshTime(w: TokenWorld, id: string): Promise<void> {
  const state = await w.services.tokens.list(id)
  w.clock.advance(Date.parse(state.refreshAt!) - w.clock.now())
  await settle(w)
}

describe('recovering from refresh failures', () => {
  it('a replayed refresh token recovers through re-issue with Basic', async () => {
    const w = await world({ ttlSeconds: 60 })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    expect(await spendRefreshToken(w.sims, (await keychainTokens(w, id))[REFRESH_TOKEN]!)).toBe(201)
    await toRefreshTime(w, id)
    const state = await w.services.tokens.list(id)
    expect(state).toMatchObject({ status: 'active', lastRefresh: { outcome: 'reissued' }, failure: null, scopes: issued.scopes })
    expect(state.records.find((r) => r.status === 'current')).toMatchObject({ origin: 'reissued' })
    expect(tap.issues).toBe(2)
    expect(notices(w)).toEqual([])
    expect(tap.expiredSent).toBe(0)
  })

  it('without Basic credentials a replayed refresh token ends in token.refresh_failed, a notification, and no more attempts', async () => {
    const w = await world({ ttlSeconds: 60 })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w, { scenario: 'token-valid', withoutBasic: true })
    // The pasted pair's refresh token is spent, so its new pair becomes the managed one.
    const adopted = await w.services.tokens.refresh(id)
    expect(adopted).toMatchObject({ status: 'active', lastRefresh: { outcome: 'adopted' }, canIssue: false, refreshable: true })
    await spendRefreshToken(w.sims, (await keychainTokens(w, id))[REFRESH_TOKEN]!)
    await toRefreshTime(w, id)
    const state = await w.services.tokens.list(id)
    expect(state).toMatchObject({ status: 'failing', failure: { cause: 'token.refresh_failed', definitive: true }, nextAttemptAt: null, refreshable: false })
    expect(w.services.tokens.manager().scheduledAt(id)).toBeNull()
    expect(notices(w)).toEqual([expect.objectContaining({ kind: 'token.refresh_failed', accountId: id, title: expect.stringContaining('token refresh failed') })])
    // Still valid for a few seconds: handed out; after that, refused without a request.
    await expect(w.services.tokens.accessToken(id)).resolves.toEqual(expect.any(String))
    w.clock.advance(20_000)
    await expect(w.services.tokens.accessToken(id)).rejects.toMatchObject({ code: 'token.refresh_failed' })
    const before = tap.refreshes
    await expect(w.services.tokens.accessToken(id)).rejects.toMatchObject({ code: 'token.refresh_failed' })
    expect(tap.refreshes).toBe(before)
    // A check no longer sends the dead managed token: it tests the TOKEN the user pasted (a 24-hour
    // token in this scenario, which its refresh did not revoke).
    expect(await w.services.health.check(id)).toMatchObject({ cause: 'ok' })
    expect(tap.expiredSent).toBe(0)
  })

  it('a refresh whose answer is lost (the server rotated, the client never heard) recovers through re-issue', async () => {
    const w = await world({ ttlSeconds: 60 })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    await w.services.tokens.issue(id, {})
    w.sims.byId.smsgate.faults.add({ kind: 'truncated', account: 'VALID1', count: 1 })
    await toRefreshTime(w, id)
    const failed = await w.services.tokens.list(id)
    expect(failed.failure).toMatchObject({ definitive: false })
    expect(failed.status).toBe('failing')
    w.clock.advance(Date.parse(failed.nextAttemptAt!) - w.clock.now())
    await settle(w)
    const state = await w.services.tokens.list(id)
    expect(state).toMatchObject({ status: 'active', failure: null, lastRefresh: { outcome: 'reissued' } })
    expect(tap.refreshes).toBe(2)
    expect(tap.issues).toBe(2)
    expect(tap.expiredSent).toBe(0)
  })

  it('failed refreshes back off with jitter, notify after three in a row, and recover', async () => {
    const w = await world({ ttlSeconds: 60 })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    await w.services.tokens.issue(id, {})
    w.sims.byId.smsgate.faults.add({ kind: 'server-error', account: 'VALID1', count: 3 })
    await toRefreshTime(w, id)
    const waits: number[] = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      const state = await w.services.tokens.list(id)
      expect(state.failure).toMatchObject({ cause: 'server.error', definitive: false })
      const wait = Date.parse(state.nextAttemptAt!) - Date.parse(state.failure!.at)
      waits.push(wait)
      expect(notices(w)).toHaveLength(attempt < 3 ? 0 : 1)
      w.clock.advance(wait)
      await settle(w)
    }
    // random() is 0.5 in these tests: half the step fixed plus a quarter: 1.5 s, 3 s, 6 s.
    expect(waits).toEqual([0.75, 1.5, 3].map((f) => f * BACKOFF_BASE_MS))
    expect(await w.services.tokens.list(id)).toMatchObject({ status: 'active', failure: null, lastRefresh: { outcome: 'refreshed' } })
    // The faults answer before the simulator sees the request: count attempts on AuthDesk's side.
    expect(w.observations.map((o) => o.outcome)).toEqual(['failed', 'failed', 'failed', 'refreshed'])
    expect(tap.refreshes).toBe(1)
    expect(tap.expiredSent).toBe(0)
  })
})

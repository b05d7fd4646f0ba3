import { describe, expect, it } from 'vitest'
import { REFRESH_TOKEN } from '../../../src/core/tokens/managed-pair'
import { addSmsGate, bearerStatus, keychainTokens, settle, tapSmsGate, tokenWorlds } from './support'

const world = tokenWorlds()

describe('refreshing SMSGate tokens (simulator, 60-second tokens)', () => {
  it('refreshes proactively at exp − margin: over 10 minutes of use no request carries an expired token and each refresh token is used once', async () => {
    const w = await world({ ttlSeconds: 60 })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    await w.services.tokens.issue(id, {})
    for (let step = 0; step < 120; step++) {
      w.clock.advance(5_000)
      await settle(w)
      expect(await bearerStatus(w, await w.services.tokens.accessToken(id))).toBe(200)
    }
    expect(tap.expiredSent).toBe(0)
    // 600 s of 60-second tokens refreshed 15 s early: one refresh every 45 s.
    expect(tap.refreshes).toBeGreaterThanOrEqual(12)
    expect(tap.refreshes).toBeLessThanOrEqual(14)
    expect([...tap.refreshTokenUses.values()].every((uses) => uses === 1)).toBe(true)
    const scheduled = w.observations.filter((o) => o.plannedAtMs !== null)
    expect(scheduled).toHaveLength(tap.refreshes)
    expect(scheduled.every((o) => o.outcome === 'refreshed' && o.startedAtMs - o.plannedAtMs! < 5_000 + 1_000)).toBe(true)
    const state = await w.services.tokens.list(id)
    expect(state.lastRefresh?.outcome).toBe('refreshed')
    expect(state.records.filter((r) => r.status === 'superseded' || r.status === 'expired').length).toBeGreaterThan(5)
  })

  it('scrubs the current and the previous pair only: the scrubber does not grow with every refresh', async () => {
    const w = await world({ ttlSeconds: 60 })
    const id = await addSmsGate(w)
    await w.services.tokens.issue(id, {})
    const pairs = [await keychainTokens(w, id)]
    for (let i = 0; i < 6; i++) {
      await w.services.tokens.refresh(id)
      pairs.push(await keychainTokens(w, id))
    }
    const scrubbed = (token: string): boolean => w.services.scrubber.scrub(token) !== token
    const [current, previous, ...older] = pairs.reverse()
    for (const pair of [current!, previous!]) expect(Object.values(pair).every(scrubbed)).toBe(true)
    for (const pair of older) expect(Object.values(pair).some(scrubbed)).toBe(false)
    const size = w.services.scrubber.size
    await w.services.tokens.refresh(id)
    expect(w.services.scrubber.size).toBe(size)
  })

  it('concurrent callers past the refresh time cause exactly one refresh', async () => {
    const w = await world({ ttlSeconds: 60, schedule: false })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    w.clock.advance(Date.parse(issued.refreshAt!) - w.clock.now() + 1_000)
    const tokens = await Promise.all(Array.from({ length: 50 }, () => w.services.tokens.accessToken(id)))
    expect(tap.refreshes).toBe(1)
    expect(new Set(tokens).size).toBe(1)
    expect((await w.services.tokens.list(id)).jti).not.toBe(issued.jti)
    expect(await bearerStatus(w, tokens[0]!)).toBe(200)
  })

  it('two processes on one vault (the app and the CLI) refresh a pair once between them', async () => {
    const w = await world({ ttlSeconds: 60, schedule: false })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    const other = await w.reopen()
    try {
      await other.tokens.list(id)
      w.clock.advance(Date.parse(issued.refreshAt!) - w.clock.now() + 1_000)
      const [mine, theirs] = await Promise.all([w.services.tokens.accessToken(id), other.tokens.accessToken(id)])
      expect(tap.refreshes).toBe(1)
      expect(mine).toBe(theirs)
      expect(await bearerStatus(w, theirs)).toBe(200)
    } finally {
      await other.close()
    }
  })

  it('a token past its expiry is renewed before it is handed out (no timer: on use)', async () => {
    const w = await world({ ttlSeconds: 60, schedule: false })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    await w.services.tokens.issue(id, {})
    w.clock.advance(10 * 60_000)
    expect(await bearerStatus(w, await w.services.tokens.accessToken(id))).toBe(200)
    // The refresh token still lives (30 days): one refresh, no re-issue.
    expect({ refreshes: tap.refreshes, issues: tap.issues, expiredSent: tap.expiredSent }).toEqual({ refreshes: 1, issues: 1, expiredSent: 0 })
  })

  it('a health check sends the managed token, refreshed first when it is due, and never its refresh token', async () => {
    const w = await world({ ttlSeconds: 60, schedule: false })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    const refreshToken = (await keychainTokens(w, id))[REFRESH_TOKEN]!
    w.clock.advance(Date.parse(issued.refreshAt!) - w.clock.now() + 1_000)
    const diagnosis = await w.services.health.check(id)
    expect(diagnosis).toMatchObject({ state: 'healthy', cause: 'ok', details: { token: { scopes: issued.scopes } } })
    expect(diagnosis.transcript.map((t) => t.step)).toEqual(['GET /device'])
    expect(diagnosis.transcript[0]!.requestHeaders.authorization).toBe('[redacted]')
    expect(tap.refreshes).toBe(1)
    expect(tap.refreshTokenUses.get(JSON.parse(Buffer.from(refreshToken.split('.')[1]!, 'base64url').toString()).jti)).toBe(1)
    expect(tap.expiredSent).toBe(0)
  })
})

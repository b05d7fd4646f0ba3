import { describe, expect, it } from 'vitest'
import { NO_SUCH_JTI } from '../../../src/core/providers/smsgate/probe'
import { ACCESS_TOKEN, REFRESH_TOKEN } from '../../../src/core/tokens/managed-pair'
import { addSmsGate, bearerStatus, keychainTokens, settle, spendRefreshToken, tapSmsGate, tokenWorlds } from './support'

const world = tokenWorlds({ ttlSeconds: 60 })

describe('revoking SMSGate tokens', () => {
  it('revoking the managed token by jti makes the next check token.rejected, kills its refresh token and stops its schedule', async () => {
    const w = await world()
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    const pair = await keychainTokens(w, id)
    expect(await w.services.health.check(id)).toMatchObject({ cause: 'ok' })
    const state = await w.services.tokens.revoke(id, issued.jti)
    expect(state).toMatchObject({ status: 'revoked', refreshAt: null, refreshable: false })
    expect(state.records[0]).toMatchObject({ jti: issued.jti, status: 'revoked', revokedAt: expect.any(String) })
    expect(w.services.tokens.manager().scheduledAt(id)).toBeNull()
    const check = await w.services.health.check(id)
    expect(check).toMatchObject({ state: 'failing', cause: 'token.rejected' })
    expect(check.summary).toMatch(/revoked/)
    expect(await spendRefreshToken(w.sims, pair[REFRESH_TOKEN]!)).toBe(401)
    await expect(w.services.tokens.accessToken(id)).rejects.toMatchObject({ code: 'token.rejected' })
    // The check's own no-op revoke (telling "revoked" from "JWT disabled") is the other one.
    expect(tap.revokedJtis.filter((jti) => jti === issued.jti)).toHaveLength(1)
    expect(tap.revokedJtis.filter((jti) => jti !== issued.jti)).toEqual([NO_SUCH_JTI])
  })

  it('revoke-all revokes every token that may still work: the current pair, superseded ones and handed-out ones', async () => {
    const w = await world()
    const id = await addSmsGate(w)
    await w.services.tokens.issue(id, {})
    const accessTokens = [(await keychainTokens(w, id))[ACCESS_TOKEN]!]
    for (let i = 0; i < 2; i++) {
      await w.services.tokens.refresh(id)
      accessTokens.push((await keychainTokens(w, id))[ACCESS_TOKEN]!)
    }
    const handedOut = await w.services.tokens.issueDetached(id, { scopes: ['messages:send'] })
    accessTokens.push(handedOut.token.accessToken)
    for (const token of accessTokens) expect(await bearerStatus(w, token)).not.toBe(401)

    const state = await w.services.tokens.revoke(id, null)
    expect(state.records.map((r) => r.status)).toEqual(state.records.map(() => 'revoked'))
    expect(state.records).toHaveLength(4)
    for (const token of accessTokens) expect(await bearerStatus(w, token)).toBe(401)
    expect(await spendRefreshToken(w.sims, handedOut.token.refreshToken!)).toBe(401)
    // Nothing left to revoke: no request.
    expect((await w.services.tokens.revoke(id, null)).records).toHaveLength(4)
  })

  it('a revoked pair is not refreshed on schedule; issuing again starts a new schedule', async () => {
    const w = await world()
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const first = await w.services.tokens.issue(id, {})
    await w.services.tokens.revoke(id, null)
    w.clock.advance(5 * 60_000)
    await settle(w)
    expect(tap.refreshes).toBe(0)
    const second = await w.services.tokens.issue(id, {})
    expect(second).toMatchObject({ status: 'active' })
    expect(second.jti).not.toBe(first.jti)
    expect(w.services.tokens.manager().scheduledAt(id)).toBe(Date.parse(second.refreshAt!))
    // The simulators' clock moved 5 minutes ahead of this computer's: the check says so.
    expect(['ok', 'clock.skew']).toContain((await w.services.health.check(id)).cause)
  })
})

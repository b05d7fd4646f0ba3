import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACCESS_TOKEN, REFRESH_TOKEN } from '../../../src/core/tokens/managed-pair'
import { refreshMarginMs } from '../../../src/core/tokens/timing'
import { addSmsGate, keychainTokens, tapSmsGate, tokenWorlds } from './support'

const world = tokenWorlds()

describe('issuing SMSGate tokens', () => {
  it('issues a least-privilege pair with Basic, stores it in the keychain item (not TOKEN) before use, and records it', async () => {
    const w = await world({ ttlSeconds: 900 })
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w, { scopes: ['devices:list', 'messages:send'] })
    const state = await w.services.tokens.issue(id, {})
    expect(tap.issues).toBe(1)
    expect(state).toMatchObject({ status: 'active', scopes: ['devices:list', 'messages:send'], canIssue: true, refreshable: true, warnings: [] })
    expect(state.records).toHaveLength(1)
    expect(state.records[0]).toMatchObject({ jti: state.jti, origin: 'issued', ttlGrantedSeconds: 900, ttlRequestedSeconds: null, status: 'current', revokedAt: null })

    const tokens = await keychainTokens(w, id)
    expect(tokens[ACCESS_TOKEN]).toBe(tap.issuedTokens[0])
    expect(tokens[REFRESH_TOKEN]).toBe(tap.issuedTokens[1])
    const { secrets } = await w.services.vault.readSecrets(id, 'test')
    expect(secrets.TOKEN).toBeUndefined()
    // Refresh planned at exp − min(5 min, 25 % of 900 s) = exp − 225 s.
    expect(Date.parse(state.expiresAt!) - Date.parse(state.refreshAt!)).toBe(refreshMarginMs(900_000))
    expect(w.services.tokens.manager().scheduledAt(id)).toBe(Date.parse(state.refreshAt!))

    const record = await readFile(join(w.dataDir, 'tokens', `${id}.json`), 'utf8')
    expect(JSON.parse(record)).toMatchObject({ accountId: id, current: { jti: state.jti, basis: 'issued' }, records: [{ jti: state.jti, scopes: ['devices:list', 'messages:send'] }] })
    for (const token of tap.issuedTokens) {
      expect(record).not.toContain(token)
      expect(JSON.stringify(state)).not.toContain(token)
      expect(w.services.scrubber.scrub(`x ${token} y`)).toBe('x [redacted] y')
    }
    expect(w.events.some((e) => e.name === 'tokens:changed')).toBe(true)
  })

  it('defaults to the account’s declared scopes, warns on all:any, refuses reserved and unknown scopes before sending', async () => {
    const w = await world()
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w, { scopes: ['messages:send'] })
    expect((await w.services.tokens.issue(id, {})).scopes).toEqual(['messages:send'])
    const wide = await w.services.tokens.issue(id, { scopes: ['all:any'] })
    expect(wide.warnings.join(' ')).toMatch(/all:any grants every scope/)
    await expect(w.services.tokens.issue(id, { scopes: ['tokens:refresh'] })).rejects.toMatchObject({ code: 'tokens.scope-reserved' })
    await expect(w.services.tokens.issue(id, { scopes: ['mesages:send'] })).rejects.toMatchObject({ code: 'tokens.scope-unknown' })
    expect(tap.issues).toBe(2)
  })

  it('plans by the returned expiry when the server caps the TTL, and says so', async () => {
    const w = await world({ ttlSeconds: 900, maxTtlSeconds: 900 })
    const id = await addSmsGate(w)
    const state = await w.services.tokens.issue(id, { ttlSeconds: 3600 })
    expect(state.warnings).toContain('The server capped the TTL to 900 s (asked 3600 s).')
    expect(state.records[0]).toMatchObject({ ttlRequestedSeconds: 3600, ttlGrantedSeconds: 900 })
    expect(Date.parse(state.expiresAt!) - w.clock.now()).toBeLessThanOrEqual(900_000)
    expect(Date.parse(state.expiresAt!) - Date.parse(state.refreshAt!)).toBe(225_000)
  })

  it('corrects the refresh time for the provider’s clock, measured on the token answer', async () => {
    const w = await world({ ttlSeconds: 900 })
    const id = await addSmsGate(w)
    w.sims.byId.smsgate.faults.add({ kind: 'clock-skew', account: 'VALID1', skewSeconds: 600, count: 1 })
    const state = await w.services.tokens.issue(id, {})
    expect(state.clockSkewMs).toBeGreaterThan(599_000)
    expect(state.clockSkewMs).toBeLessThan(601_000)
    // exp is the provider's time: by this computer's clock it comes 10 minutes sooner.
    const exp = Date.parse(state.records[0]!.expiresAt)
    expect(Date.parse(state.expiresAt!)).toBe(exp - state.clockSkewMs!)
    expect(Date.parse(state.refreshAt!)).toBe(exp - state.clockSkewMs! - 225_000)
    expect(state.warnings.join(' ')).toMatch(/clock differs from SMSGate's by 600 s/)
  })

  it('re-issuing (new scopes) replaces the managed pair and revokes the one it replaces', async () => {
    const w = await world()
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const first = await w.services.tokens.issue(id, { scopes: ['devices:list'] })
    const oldAccess = (await keychainTokens(w, id))[ACCESS_TOKEN]!
    const second = await w.services.tokens.issue(id, { scopes: ['devices:list', 'messages:read'] })
    expect(tap.revokes).toBe(1)
    expect(second.jti).not.toBe(first.jti)
    expect(second.records.find((r) => r.jti === first.jti)).toMatchObject({ status: 'revoked' })
    const refused = await fetch(`${w.sims.byId.smsgate.baseUrl}/devices`, { headers: { authorization: `Bearer ${oldAccess}` } })
    expect(refused.status).toBe(401)
  })

  it('cannot issue for an account without username and password, and sends nothing', async () => {
    const w = await world()
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w, { scenario: 'token-valid', withoutBasic: true })
    await expect(w.services.tokens.issue(id, {})).rejects.toMatchObject({ code: 'tokens.cannot-issue' })
    expect(tap.issues).toBe(0)
    expect((await w.services.tokens.list(id)).canIssue).toBe(false)
  })

  it('refuses accounts of providers without a token lifecycle', async () => {
    const w = await world()
    const creds = w.sims.byId.nmbrs.scenarioCredentials().valid!
    const view = await w.services.vault.create({
      label: 'NM',
      provider: 'nmbrs',
      baseUrl: creds.BASE_URL!,
      confirmUnlistedHost: true,
      fields: { USERNAME: creds.USERNAME!, TOKEN: creds.TOKEN!, DOMAIN: creds.DOMAIN! },
    })
    await expect(w.services.tokens.list(view.id)).rejects.toMatchObject({ code: 'tokens.unsupported' })
    await expect(w.services.tokens.issue(view.id, {})).rejects.toMatchObject({ code: 'tokens.unsupported' })
  })
})

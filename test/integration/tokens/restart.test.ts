import { afterEach, describe, expect, it } from 'vitest'
import { ACCESS_TOKEN, REFRESH_TOKEN } from '../../../src/core/tokens/managed-pair'
import { addSmsGate, keychainTokens, settle, tapSmsGate, tokenWorld, type TokenWorld } from './support'

const worlds: TokenWorld[] = []
afterEach(async () => {
  for (const world of worlds.splice(0)) {
    await world.services.close()
    await world.sims.close()
  }
})

describe('the token schedule across restarts', () => {
  it('a new process on the same data dir and keychain reschedules from the record', async () => {
    const w = await tokenWorld({ ttlSeconds: 900 })
    worlds.push(w)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    await w.services.close()
    const again = await w.reopen()
    worlds.push({ ...w, services: again })
    expect(again.tokens.manager().scheduledAt(id)).toBe(Date.parse(issued.refreshAt!))
    expect(await again.tokens.list(id)).toMatchObject({ jti: issued.jti, refreshAt: issued.refreshAt, status: 'active' })
  })

  it('tokens that expired while the app was closed are renewed at start, before any use', async () => {
    const w = await tokenWorld({ ttlSeconds: 60 })
    worlds.push(w)
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    await w.services.close()
    w.clock.advance(30 * 60_000)
    const again = await w.reopen()
    worlds.push({ ...w, services: again })
    await settle({ services: again, clock: w.clock })
    const state = await again.tokens.list(id)
    expect(state).toMatchObject({ status: 'active', lastRefresh: { outcome: 'refreshed' } })
    expect(state.jti).not.toBe(issued.jti)
    expect(tap.refreshes).toBe(1)
    const token = await again.tokens.accessToken(id)
    const response = await fetch(`${w.sims.byId.smsgate.baseUrl}/devices`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    expect(tap.expiredSent).toBe(0)
  })

  it('when the keychain holds a newer pair than the record (a crash between the two writes), the keychain wins', async () => {
    const w = await tokenWorld({ ttlSeconds: 900, schedule: false })
    worlds.push(w)
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    const refreshToken = (await keychainTokens(w, id))[REFRESH_TOKEN]!
    // What a refresh that crashed after saving the pair would leave: the new pair in the keychain, the old record.
    const response = await fetch(`${w.sims.byId.smsgate.baseUrl}/auth/token/refresh`, { method: 'POST', headers: { authorization: `Bearer ${refreshToken}` } })
    const pair = (await response.json()) as { id: string; access_token: string; refresh_token: string }
    await w.services.vault.saveTokens(id, { [ACCESS_TOKEN]: pair.access_token, [REFRESH_TOKEN]: pair.refresh_token })
    await w.services.close()
    const again = await w.reopen()
    worlds.push({ ...w, services: again })
    expect(await again.tokens.accessToken(id)).toBe(pair.access_token)
    const state = await again.tokens.list(id)
    expect(state.jti).toBe(pair.id)
    expect(state.records.map((r) => r.jti)).toEqual(expect.arrayContaining([issued.jti, pair.id]))
  })
})

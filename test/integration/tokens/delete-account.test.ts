/** Deleting an account (the IPC channel the app uses) revokes its live SMSGate tokens first. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { ACCESS_TOKEN } from '../../../src/core/tokens/managed-pair'
import { addSmsGate, keychainTokens, spendRefreshToken, tapSmsGate, tokenWorld, type TokenWorld } from './support'

const worlds: TokenWorld[] = []
afterEach(async () => {
  for (const world of worlds.splice(0)) {
    await world.services.close()
    await world.sims.close()
  }
})

async function world(): Promise<TokenWorld> {
  const w = await tokenWorld({ ttlSeconds: 600 })
  worlds.push(w)
  return w
}

async function devicesStatus(w: TokenWorld, token: string): Promise<number> {
  const response = await fetch(`${w.sims.byId.smsgate.baseUrl}/devices`, { headers: { authorization: `Bearer ${token}` } })
  await response.arrayBuffer()
  return response.status
}

const deleteAccount = (w: TokenWorld, id: string) => createHandlers(w.services)['accounts:delete']({ id })

describe('deleting an SMSGate account', () => {
  it('revokes the managed pair and handed-out tokens at SMSGate, then removes the account and its token record', async () => {
    const w = await world()
    const id = await addSmsGate(w)
    const managed = await w.services.tokens.issue(id, {})
    const managedAccess = (await keychainTokens(w, id))[ACCESS_TOKEN]!
    const handedOut = await w.services.tokens.issueDetached(id, { scopes: ['messages:send'] })
    expect(await devicesStatus(w, managedAccess)).toBe(200)

    const removal = await deleteAccount(w, id)

    expect(removal).toEqual({ id, revokedTokens: expect.arrayContaining([managed.jti, handedOut.token.jti]), warnings: [] })
    expect(removal.revokedTokens).toHaveLength(2)
    expect(await devicesStatus(w, managedAccess)).toBe(401)
    expect(await devicesStatus(w, handedOut.token.accessToken)).toBe(401)
    expect(await spendRefreshToken(w.sims, handedOut.token.refreshToken!)).toBe(401)
    expect(await w.services.vault.list()).toEqual([])
    expect(await readdir(join(w.dataDir, 'tokens')).catch(() => [])).toEqual([])
  })

  it('still deletes when SMSGate cannot be reached, and says which token stays valid', async () => {
    const w = await world()
    const id = await addSmsGate(w)
    const issued = await w.services.tokens.issue(id, {})
    const access = (await keychainTokens(w, id))[ACCESS_TOKEN]!
    w.sims.byId.smsgate.faults.add({ kind: 'maintenance' })

    const removal = await deleteAccount(w, id)

    expect(removal.revokedTokens).toEqual([])
    expect(removal.warnings).toEqual([expect.stringMatching(new RegExp(`${issued.jti} was not revoked.*stays valid until it expires`))])
    expect(removal.warnings.join()).not.toContain(access)
    expect(await w.services.vault.list()).toEqual([])
    w.sims.byId.smsgate.faults.clear()
    expect(await devicesStatus(w, access)).toBe(200)
  })

  it('sends nothing to SMSGate when the account has no token that may still work', async () => {
    const w = await world()
    const tap = tapSmsGate(w.sims)
    const id = await addSmsGate(w)
    await w.services.tokens.issue(id, {})
    await w.services.tokens.revoke(id, null)
    const requestsBefore = tap.revokes + tap.issues

    expect(await deleteAccount(w, id)).toEqual({ id, revokedTokens: [], warnings: [] })
    expect(tap.revokes + tap.issues).toBe(requestsBefore)
  })
})

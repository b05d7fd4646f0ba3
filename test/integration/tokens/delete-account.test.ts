/** Deleting an account (the IPC channel the app uses) revokes its live SMSGate tokens first. */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { ACCESS_TOKEN } from '../../../src/core/tokens/managed-pair'
import { addSmsGate, bearerStatus, keychainTokens, spendRefreshToken, tapSmsGate, tokenWorlds, type TokenWorld } from './support'

const world = tokenWorlds({ ttlSeconds: 600 })

const deleteAccount = (w: TokenWorld, id: string) => createHandlers(w.services)['accounts:delete']({ id })

describe('deleting an SMSGate account', () => {
  it('revokes the managed pair and handed-out tokens at SMSGate, then removes the account and its token record', async () => {
    const w = await world()
    const id = await addSmsGate(w)
    const managed = await w.services.tokens.issue(id, {})
    const managedAccess = (await keychainTokens(w, id))[ACCESS_TOKEN]!
    const handedOut = await w.services.tokens.issueDetached(id, { scopes: ['messages:send'] })
    expect(await bearerStatus(w, managedAccess)).toBe(200)

    const removal = await deleteAccount(w, id)

    expect(removal).toEqual({ id, revokedTokens: expect.arrayContaining([managed.jti, handedOut.token.jti]), warnings: [] })
    expect(removal.revokedTokens).toHaveLength(2)
    expect(await bearerStatus(w, managedAccess)).toBe(401)
    expect(await bearerStatus(w, handedOut.token.accessToken)).toBe(401)
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
    expect(await bearerStatus(w, access)).toBe(200)
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

/**
 * Authmatech in-app key rotation: rotate with the client secret, store the new key in the
 * account's keychain item at once (as pending), verify it with the credential probe, and only
 * then make it the account's API_KEY and forget the old one. A key that cannot be verified
 * stays pending next to the old one; the next rotation verifies it before rotating again.
 */
import type { AccountView } from '../../shared/model'
import type { KeyRotationResult } from '../../shared/tokens'
import { checkAccount, type CheckDeps } from '../diagnosis/engine'
import { AppError } from '../errors'
import { effectiveBaseUrl } from '../http/host-binding'
import type { KeyRotation } from '../providers/module'
import { providerModule } from '../providers/registry'
import type { BoundAddress } from '../vault/item-binding'
import type { Vault } from '../vault/vault'

/** Name in the keychain item's `tokens` map of a rotated key not yet verified. */
export const PENDING_API_KEY = 'PENDING_API_KEY'

export interface KeyRotationDeps {
  readonly vault: Vault
  readonly check: CheckDeps
  readonly timeoutMs: number
  readonly now: () => number
}

type Verification = { readonly ok: boolean; readonly cause: KeyRotationResult['cause']; readonly summary: string }

/** The key works when Authmatech accepts it, even if the account itself has a problem (product, balance). */
async function verify(deps: KeyRotationDeps, account: AccountView, address: BoundAddress, rotation: KeyRotation, key: string): Promise<Verification> {
  const input = { provider: account.provider, fields: { ...account.fields, [rotation.keyField]: key }, ...address }
  const diagnosis = await checkAccount(input, deps.check)
  return { ok: diagnosis.state !== 'unknown' && !diagnosis.cause.startsWith('credentials.'), cause: diagnosis.cause, summary: diagnosis.summary }
}

async function promote(deps: KeyRotationDeps, account: AccountView, rotation: KeyRotation, key: string, outcome: 'rotated' | 'pending-promoted'): Promise<KeyRotationResult> {
  const view = await deps.vault.update({ id: account.id, fields: { [rotation.keyField]: key } })
  await deps.vault.saveTokens(account.id, { [PENDING_API_KEY]: null })
  deps.vault.log('info', 'account.key-rotated', { id: account.id, outcome })
  const message =
    outcome === 'rotated'
      ? 'Authmatech issued a new API key; it was verified and replaced the old one, which AuthDesk no longer keeps.'
      : 'The key from the earlier rotation now verifies; it replaced the old one, which AuthDesk no longer keeps.'
  return { accountId: account.id, outcome, cause: 'ok', message, pendingKey: false, lastRotatedAt: view.lastRotatedAt }
}

const result = (account: AccountView, outcome: 'kept-old' | 'failed', cause: KeyRotationResult['cause'], message: string, pendingKey: boolean): KeyRotationResult => ({
  accountId: account.id,
  outcome,
  cause,
  message,
  pendingKey,
  lastRotatedAt: account.lastRotatedAt,
})

export async function rotateKey(deps: KeyRotationDeps, id: string, secretKey: string): Promise<KeyRotationResult> {
  deps.check.scrubber?.remember(secretKey)
  const account = (await deps.vault.list()).find((a) => a.id === id)
  if (!account) throw new AppError('account.not-found', 'No account has this id; it may have been deleted. Reload the list.', { field: 'id' })
  const rotation = providerModule(account.provider).capabilities.keyRotation
  if (!rotation) throw new AppError('tokens.unsupported', `"${account.label}" has no in-app key rotation (its provider does not offer one).`)
  const { secrets, tokens, address } = await deps.vault.readSecrets(id, 'key rotation')
  const current = secrets[rotation.keyField]
  const clientId = account.fields[rotation.clientField]
  if (!current || !clientId) throw new AppError('credentials.missing', 'Rotating needs the account’s API key and client id.')

  const pending = tokens[PENDING_API_KEY]
  if (pending && pending !== current) {
    const earlier = await verify(deps, account, address, rotation, pending)
    if (earlier.ok) return promote(deps, account, rotation, pending, 'pending-promoted')
    if (!earlier.cause.startsWith('credentials.'))
      return result(account, 'kept-old', earlier.cause, `The key from an earlier rotation could not be verified yet (${earlier.summary}); nothing was rotated. Try again later.`, true)
    // Refused: that key is dead. Rotate afresh.
    await deps.vault.saveTokens(id, { [PENDING_API_KEY]: null })
  }

  const binding = { definition: providerModule(account.provider).definition, ...address }
  const rotateDeps = { http: deps.check.http, binding, baseUrl: effectiveBaseUrl(binding) ?? '', timeoutMs: deps.timeoutMs, now: deps.now }
  const rotated = await rotation.rotate(rotateDeps, current, clientId, secretKey)
  if (!rotated.ok) return result(account, 'failed', rotated.cause, `The key was not rotated: ${rotated.summary}`, false)
  deps.check.scrubber?.remember(rotated.newKey)
  // In the keychain before anything uses it: a lost key could only be replaced by rotating again.
  await deps.vault.saveTokens(id, { [PENDING_API_KEY]: rotated.newKey })
  const verified = await verify(deps, account, address, rotation, rotated.newKey)
  if (verified.ok) return promote(deps, account, rotation, rotated.newKey, 'rotated')
  deps.vault.log('warn', 'account.key-rotation-unverified', { id, cause: verified.cause })
  const message = `Authmatech issued a new API key, but it could not be verified: ${verified.summary} The old key stays the account's API key and the new one waits in the keychain; rotate again to retry the verification.`
  return result(account, 'kept-old', verified.cause, message, true)
}

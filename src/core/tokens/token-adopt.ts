/**
 * Pairs AuthDesk did not issue (a TOKEN and REFRESH_TOKEN the user pasted) and what a health
 * check uses. Refreshing a pasted pair spends its refresh token, so the new pair becomes the
 * managed one ("adopted"); the fields the user entered are left as they are. A check probes
 * with the managed pair when there is one, refreshed first (so the probe never needs to).
 */
import type { AccountView } from '../../shared/model'
import type { RefreshedTokens } from '../diagnosis/types'
import { AppError } from '../errors'
import type { ManagedPair } from './managed-pair'
import { isUsable } from './timing'
import { canIssue, issuerFieldsText, requireTokenLifecycle, tokenLifecycleOf } from './token-capability'
import type { PersistHow, Slot, TokenManager } from './token-manager'
import { ensureFresh } from './token-refresh'
import { currentRecord, timesOf } from './token-state'

export interface CheckTokens {
  /** Field values that replace the account's own for the probe (the managed pair), possibly none. */
  readonly fields: Readonly<Record<string, string>>
  /** Where a pair the probe refreshes goes. */
  readonly storeTokens: (tokens: RefreshedTokens) => Promise<void>
}

const adopted = (account: AccountView): PersistHow => ({
  origin: 'adopted',
  parent: null,
  ttlRequested: null,
  basis: 'adopted',
  adoptedFingerprint: account.secrets.TOKEN?.fingerprint ?? null,
})

/** `tokens refresh` on an account without a managed pair: spends the pasted refresh token. */
export async function adoptPasted(m: TokenManager, slot: Slot, account: AccountView): Promise<ManagedPair> {
  const { secrets } = await m.options.vault.readSecrets(account.id, 'token refresh')
  const lifecycle = requireTokenLifecycle(account)
  const pasted = lifecycle.checkFields ? secrets.REFRESH_TOKEN : undefined
  if (!pasted) {
    const issue = `add the ${issuerFieldsText(lifecycle)} so AuthDesk can issue tokens`
    const fix = canIssue(account) ? 'issue one first' : lifecycle.checkFields ? `paste a REFRESH_TOKEN, or ${issue}` : issue
    throw new AppError('tokens.none', `This account has no token AuthDesk can refresh: ${fix}.`)
  }
  const problem = lifecycle.lintPasted({ REFRESH_TOKEN: pasted })[0]
  if (problem) throw new AppError(problem.cause, `${problem.message} Nothing was sent.`)
  const answer = await lifecycle.refresh(await m.apiDeps(account), pasted)
  if (!answer.ok) throw new AppError(answer.cause, answer.summary)
  return m.persist(slot, answer, adopted(account))
}

/** The probe refreshed a pair: the pasted one (the new pair is adopted) or, rarely, the managed one. */
async function storeFromCheck(m: TokenManager, account: AccountView, tokens: RefreshedTokens, parent: ManagedPair | null): Promise<void> {
  const slot = await m.slot(account.id)
  const value = { jti: requireTokenLifecycle(account).peekClaims(tokens.accessToken)?.jti ?? '', accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt }
  const current = slot.file.current
  const how: PersistHow =
    parent && current ? { origin: 'refreshed', parent, ttlRequested: slot.file.ttlRequestedSeconds, basis: current.basis, adoptedFingerprint: current.adoptedFingerprint } : adopted(account)
  await m.exclusive(slot, () => m.persist(slot, { value, skewMs: null }, how))
}

function revokedButUnexpired(m: TokenManager, slot: Slot): ManagedPair | null {
  const record = currentRecord(slot.file)
  return slot.pair && record?.revokedAt && isUsable(timesOf(record), slot.file.skewMs, m.now()) ? slot.pair : null
}

export async function tokensForCheck(m: TokenManager, account: AccountView): Promise<CheckTokens> {
  const none: CheckTokens = { fields: {}, storeTokens: (tokens) => storeFromCheck(m, account, tokens, null) }
  const lifecycle = tokenLifecycleOf(account)
  // A check that sends the account's own credentials (OAuth client credentials) gets none of the pair.
  if (!lifecycle?.checkFields) return none
  m.noteAccount(account)
  const slot = await m.slot(account.id)
  const current = slot.file.current
  if (current === null) return none
  // The user entered another TOKEN since this pair grew from theirs: theirs is what to check.
  if (current.basis === 'adopted' && current.adoptedFingerprint !== (account.secrets.TOKEN?.fingerprint ?? null)) return none
  // A revoked token is still sent (unexpired), so the check shows SMSGate refusing it.
  const pair = (await ensureFresh(m, account.id).catch(() => null)) ?? revokedButUnexpired(m, slot)
  if (!pair) return none
  // Fresh, so the probe has no reason to refresh; it gets the refresh token (it tells "renewable") unless
  // refreshing is failing, when the probe must neither spend it nor call the token renewable.
  const refreshable = pair.refreshToken !== null && slot.file.failure === null && currentRecord(slot.file)?.revokedAt === null
  return {
    fields: lifecycle.checkFields({ accessToken: pair.accessToken, refreshToken: refreshable ? pair.refreshToken : null }),
    storeTokens: (tokens) => storeFromCheck(m, account, tokens, pair),
  }
}

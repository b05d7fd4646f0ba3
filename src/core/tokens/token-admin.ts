/**
 * Issuing and revoking tokens, with the account's issuing credentials (or, where the provider
 * has one, a token holding its managing scope). Issuing replaces the managed pair and revokes
 * the one it replaces where the provider can (an SMSGate refresh token would otherwise live on
 * for 30 days); a detached token is only recorded.
 */
import type { AccountView } from '../../shared/model'
import type { TokenState } from '../../shared/tokens'
import { AppError } from '../errors'
import type { TokenGrant, TokenLifecycle } from '../providers/token-lifecycle'
import { decodeAnswer, recordOf, type ManagedPair } from './managed-pair'
import { mayStillWork } from './record-schema'
import { chooseScopes } from './scope-policy'
import { issuerFieldsText, providerLabelOf, requireTokenLifecycle, unexpiredAt } from './token-capability'
import type { Slot, TokenManager } from './token-manager'
import { currentRecord, ttlWarning } from './token-state'

export interface IssueRequest {
  readonly scopes?: ReadonlyArray<string>
  readonly ttlSeconds?: number | null
  /** Mint a token for someone else (a CI job): recorded, never stored, refreshed or used by AuthDesk. */
  readonly detached?: boolean
}

export interface IssueResult {
  readonly state: TokenState
  readonly warnings: ReadonlyArray<string>
  /** Only for a detached token: the values the caller asked to print. */
  readonly detached: ManagedPair | null
}

export interface RevokeResult {
  readonly state: TokenState
  readonly revoked: ReadonlyArray<string>
  readonly failed: ReadonlyArray<{ readonly jti: string; readonly cause: string; readonly message: string }>
}

export function assertTokenProvider(account: AccountView): void {
  requireTokenLifecycle(account)
}

const bearerGrant = (token: string): TokenGrant => ({ authorization: `Bearer ${token}`, values: {}, secretForms: [`Bearer ${token}`, token] })

/** The issuing credentials when the account has them, else a live token that may manage tokens (the managed pair or the pasted TOKEN). */
function managementGrant(lifecycle: TokenLifecycle, account: AccountView, secrets: Readonly<Record<string, string>>, pair: ManagedPair | null, nowMs: number): TokenGrant | null {
  const issuer = lifecycle.issuerGrant({ ...account.fields, ...secrets })
  if (issuer) return issuer
  const scopes = [lifecycle.manageScope, lifecycle.allScope].filter((s): s is string => s !== null)
  if (scopes.length === 0) return null
  for (const token of [pair?.accessToken, secrets.TOKEN]) {
    const claims = token ? lifecycle.peekClaims(token) : null
    if (token && claims && unexpiredAt(claims.exp, nowMs + 5_000) && (claims.scopes ?? []).some((s) => scopes.includes(s))) return bearerGrant(token)
  }
  return null
}

/** One keychain read for both: the managed pair and the credentials that manage tokens. */
async function authorize(m: TokenManager, slot: Slot, account: AccountView, action: string): Promise<{ readonly grant: TokenGrant; readonly pair: ManagedPair | null }> {
  const { secrets, tokens } = await m.options.vault.readSecrets(account.id, `token ${action}`)
  const pair = await m.loadPair(slot, tokens)
  const lifecycle = requireTokenLifecycle(account)
  const grant = managementGrant(lifecycle, account, secrets, pair, m.now())
  if (!grant) {
    const orToken = lifecycle.manageScope === null ? '' : ` (or a token with ${lifecycle.manageScope})`
    throw new AppError(`tokens.cannot-${action}`, `To ${action} tokens the account needs its ${issuerFieldsText(lifecycle)}${orToken}.`)
  }
  grant.secretForms.forEach((form) => m.options.scrubber.remember(form))
  return { grant, pair }
}

/** The provider has no way to revoke a token: say until when it stays valid, and what cuts it off. */
function cannotRevoke(account: AccountView, lifecycle: TokenLifecycle, expiresAt: string | null): AppError {
  const label = providerLabelOf(account)
  const until = expiresAt === null ? 'until it expires' : `until ${expiresAt}`
  const secrets = lifecycle.issuerFields.filter((name) => Object.hasOwn(account.secrets, name)).join(' and ') || 'credentials'
  return new AppError('tokens.cannot-revoke', `${label} offers no way to revoke a token: it stays valid ${until}. To cut it off sooner, change the account's ${secrets} at ${label}.`)
}

export async function issueToken(m: TokenManager, id: string, request: IssueRequest): Promise<IssueResult> {
  const account = await m.account(id)
  assertTokenProvider(account)
  const choice = chooseScopes(account, request.scopes)
  const lifecycle = requireTokenLifecycle(account)
  const asked = request.ttlSeconds ?? null
  const ttl = lifecycle.asksLifetime ? asked : null
  const ignored = asked !== null && ttl === null ? [`${providerLabelOf(account)} sets a token's lifetime itself: the ${asked} s asked were not sent.`] : []
  const slot = await m.slot(id)
  return m.exclusive(slot, async () => {
    const { grant } = await authorize(m, slot, account, 'issue')
    const deps = await m.apiDeps(account)
    const answer = await lifecycle.issue(deps, grant, { scopes: choice.scopes, ttlSeconds: ttl })
    if (!answer.ok) throw new AppError(answer.cause, answer.summary)
    const warnings = [...choice.warnings, ...ignored]
    if (request.detached) {
      const pair = decodeAnswer(lifecycle, answer.value)
      if (!pair) throw new AppError('response.malformed', 'The provider answered with a token AuthDesk cannot read (no jti or expiry).')
      m.remember(pair)
      const record = recordOf(pair, 'detached', ttl, null)
      const capped = ttlWarning(record)
      if (capped) warnings.push(capped)
      slot.file = { ...slot.file, records: [record, ...slot.file.records] }
      await m.write(slot)
      m.emit(slot)
      return { state: m.stateOf(slot, account), warnings, detached: pair }
    }
    const replaced = currentRecord(slot.file)
    await m.persist(slot, answer, { origin: 'issued', parent: null, ttlRequested: ttl, basis: 'issued', adoptedFingerprint: null })
    const stillWorks = replaced !== null && mayStillWork(replaced, m.now())
    if (stillWorks && !lifecycle.revoke) {
      warnings.push(`The token it replaces (${replaced.jti}) stays valid until ${replaced.expiresAt}: ${providerLabelOf(account)} offers no way to revoke it.`)
    } else if (stillWorks && lifecycle.revoke) {
      const revoked = await lifecycle.revoke(deps, grant, replaced.jti)
      if (revoked.ok) markRevoked(m, slot.file.records, [replaced.jti])
      else warnings.push(`The token it replaces (${replaced.jti}) could not be revoked: ${revoked.summary}`)
      await m.write(slot)
      m.emit(slot)
    }
    return { state: m.stateOf(slot, account), warnings, detached: null }
  })
}

function markRevoked(m: TokenManager, records: Array<{ jti: string; revokedAt: string | null }>, jtis: ReadonlyArray<string>): void {
  const at = new Date(m.now()).toISOString()
  for (const record of records) if (jtis.includes(record.jti) && record.revokedAt === null) record.revokedAt = at
}

/** Revokes one token by jti (and its refresh token, server-side), or every token of the account that may still work. */
export async function revokeTokens(m: TokenManager, id: string, jti: string | null): Promise<RevokeResult> {
  const account = await m.account(id)
  assertTokenProvider(account)
  const slot = await m.slot(id)
  return m.exclusive(slot, async () => {
    const targets = jti !== null ? [jti] : slot.file.records.filter((r) => mayStillWork(r, m.now())).map((r) => r.jti)
    if (targets.length === 0) return { state: m.stateOf(slot, account), revoked: [], failed: [] }
    const lifecycle = requireTokenLifecycle(account)
    const revoke = lifecycle.revoke
    if (!revoke) throw cannotRevoke(account, lifecycle, slot.file.records.find((r) => r.jti === targets[0])?.expiresAt ?? null)
    const { grant, pair } = await authorize(m, slot, account, 'revoke')
    const deps = await m.apiDeps(account)
    // A managing token revokes itself last.
    const ordered = [...targets.filter((t) => t !== pair?.jti), ...targets.filter((t) => t === pair?.jti)]
    const revoked: string[] = []
    const failed: Array<RevokeResult['failed'][number]> = []
    for (const target of ordered) {
      const answer = await revoke(deps, grant, target)
      if (answer.ok) revoked.push(target)
      else failed.push({ jti: target, cause: answer.cause, message: answer.summary })
    }
    const records = slot.file.records.map((r) => ({ ...r }))
    markRevoked(m, records, revoked)
    slot.file = { ...slot.file, records }
    await m.write(slot)
    m.schedule(slot)
    m.emit(slot)
    return { state: m.stateOf(slot, account), revoked, failed }
  })
}

/**
 * Issuing and revoking SMSGate tokens, with Basic credentials (or a token holding
 * `tokens:manage`). Issuing replaces the managed pair and revokes the one it replaces (whose
 * refresh token would otherwise live on for 30 days); a detached token is only recorded.
 */
import type { AccountView } from '../../shared/model'
import type { TokenState } from '../../shared/tokens'
import { AppError } from '../errors'
import type { TokenLifecycle } from '../providers/token-lifecycle'
import { decodeAnswer, recordOf, type ManagedPair } from './managed-pair'
import { mayStillWork } from './record-schema'
import { chooseScopes } from './scope-policy'
import { basicAuthorization, requireTokenLifecycle, unexpiredAt } from './token-capability'
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

/** Basic when the account has it, else a live token that may manage tokens (the managed pair or the pasted TOKEN). */
function managementAuthorization(lifecycle: TokenLifecycle, account: AccountView, secrets: Readonly<Record<string, string>>, pair: ManagedPair | null, nowMs: number): string | null {
  if (account.fields.USERNAME && secrets.PASSWORD) return basicAuthorization(account.fields.USERNAME, secrets.PASSWORD)
  for (const token of [pair?.accessToken, secrets.TOKEN]) {
    const claims = token ? lifecycle.peekClaims(token) : null
    if (claims && unexpiredAt(claims.exp, nowMs + 5_000) && (claims.scopes ?? []).some((s) => s === lifecycle.manageScope || s === lifecycle.allScope)) return `Bearer ${token}`
  }
  return null
}

/** One keychain read for both: the managed pair and the credentials that manage tokens. */
async function authorize(m: TokenManager, slot: Slot, account: AccountView, action: string): Promise<{ readonly authorization: string; readonly pair: ManagedPair | null }> {
  const { secrets, tokens } = await m.options.vault.readSecrets(account.id, `token ${action}`)
  const pair = await m.loadPair(slot, tokens)
  const authorization = managementAuthorization(requireTokenLifecycle(account), account, secrets, pair, m.now())
  if (!authorization)
    throw new AppError(`tokens.cannot-${action}`, `To ${action} tokens the account needs its USERNAME and PASSWORD (or a token with tokens:manage).`)
  m.options.scrubber.remember(authorization.replace(/^(Basic|Bearer) /, ''))
  return { authorization, pair }
}

export async function issueToken(m: TokenManager, id: string, request: IssueRequest): Promise<IssueResult> {
  const account = await m.account(id)
  assertTokenProvider(account)
  const choice = chooseScopes(account, request.scopes)
  const ttl = request.ttlSeconds ?? null
  const slot = await m.slot(id)
  return m.exclusive(slot, async () => {
    const { authorization } = await authorize(m, slot, account, 'issue')
    const deps = await m.apiDeps(account)
    const lifecycle = requireTokenLifecycle(account)
    const answer = await lifecycle.issue(deps, authorization, { scopes: choice.scopes, ttlSeconds: ttl })
    if (!answer.ok) throw new AppError(answer.cause, answer.summary)
    const warnings = [...choice.warnings]
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
    if (replaced && mayStillWork(replaced, m.now())) {
      const revoked = await lifecycle.revoke(deps, authorization, replaced.jti)
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
    const { authorization, pair } = await authorize(m, slot, account, 'revoke')
    const deps = await m.apiDeps(account)
    // A managing token revokes itself last.
    const ordered = [...targets.filter((t) => t !== pair?.jti), ...targets.filter((t) => t === pair?.jti)]
    const revoked: string[] = []
    const failed: Array<RevokeResult['failed'][number]> = []
    for (const target of ordered) {
      const answer = await requireTokenLifecycle(account).revoke(deps, authorization, target)
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

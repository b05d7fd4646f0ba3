/** The renderer's view of an account's tokens, computed from the non-secret record. Pure. */
import { isSkewed } from '../diagnosis/clock-skew'
import type { AccountView } from '../../shared/model'
import type { TokenRecordStatus, TokenRecordView, TokenState } from '../../shared/tokens'
import { ms, mayStillWork, type TokenFile, type TokenRecord } from './record-schema'
import { allScopesWarning } from './scope-policy'
import { canIssue, issuerFieldsText, providerLabelOf, tokenLifecycleOf } from './token-capability'
import { refreshAtMs, type TokenTimes } from './timing'

export const timesOf = (record: TokenRecord): TokenTimes => ({ issuedAtMs: ms(record.issuedAt), expiresAtMs: ms(record.expiresAt) })

export function currentRecord(file: TokenFile): TokenRecord | null {
  const jti = file.current?.jti
  return jti === undefined ? null : (file.records.find((r) => r.jti === jti) ?? null)
}

/** When the account's next token event is: the refresh time, or the retry after a failure; none once refreshing cannot help. */
export function nextEventAt(file: TokenFile): number | null {
  const record = currentRecord(file)
  if (!record || record.revokedAt !== null || file.failure?.definitive) return null
  return file.nextAttemptAt !== null ? ms(file.nextAttemptAt) : refreshAtMs(timesOf(record), file.skewMs)
}

/** Its refresh token has not been spent, revoked or expired. */
export function hasLiveRefresh(record: TokenRecord, nowMs: number): boolean {
  return record.refreshJti !== null && record.supersededAt === null && record.revokedAt === null && (record.refreshExpiresAt === null || nowMs < ms(record.refreshExpiresAt))
}

export const canRenew = (record: TokenRecord, account: AccountView, nowMs: number): boolean => hasLiveRefresh(record, nowMs) || canIssue(account)

function recordStatus(record: TokenRecord, file: TokenFile, nowMs: number): TokenRecordStatus {
  if (record.revokedAt !== null) return 'revoked'
  if (record.jti === file.current?.jti) return 'current'
  if (!mayStillWork(record, nowMs)) return 'expired'
  return record.supersededAt !== null ? 'superseded' : 'active'
}

export function recordView(record: TokenRecord, file: TokenFile, nowMs: number): TokenRecordView {
  const { parentJti: _parent, refreshJti: _refresh, ...shown } = record
  return { ...shown, scopes: [...record.scopes], status: recordStatus(record, file, nowMs) }
}

/** The server grants less than asked without saying so (dossier §4): tell the user. */
export function ttlWarning(record: TokenRecord): string | null {
  const asked = record.ttlRequestedSeconds
  if (asked === null || record.ttlGrantedSeconds >= asked) return null
  return record.origin === 'refreshed'
    ? `A refreshed token gets the server's default lifetime (${record.ttlGrantedSeconds} s), not the ${asked} s asked at issue.`
    : `The server capped the TTL to ${record.ttlGrantedSeconds} s (asked ${asked} s).`
}

function warningsOf(record: TokenRecord | null, file: TokenFile, account: AccountView, nowMs: number): string[] {
  const warnings: string[] = []
  if (record === null) return warnings
  const capped = ttlWarning(record)
  if (capped) warnings.push(capped)
  const lifecycle = tokenLifecycleOf(account)
  const allScope = lifecycle?.allScope
  if (allScope && record.scopes.includes(allScope)) warnings.push(allScopesWarning(allScope))
  if (lifecycle && record.revokedAt === null && !canRenew(record, account, nowMs))
    warnings.push(`AuthDesk cannot renew this token: it has no usable refresh token and the account has no ${issuerFieldsText(lifecycle)}. Issue a new one before it expires.`)
  if (isSkewed(file.skewMs)) warnings.push(`This computer's clock differs from ${providerLabelOf(account)}'s by ${Math.round(Math.abs(file.skewMs!) / 1000)} s; refresh times are corrected for it.`)
  return warnings
}

const isoOrNull = (value: number | null): string | null => (value === null || !Number.isFinite(value) ? null : new Date(value).toISOString())

export function tokenState(file: TokenFile, account: AccountView, nowMs: number): TokenState {
  const record = currentRecord(file)
  const expiresLocal = record === null ? null : ms(record.expiresAt) - (file.skewMs ?? 0)
  const status: TokenState['status'] =
    record === null ? 'none' : record.revokedAt !== null ? 'revoked' : file.failure !== null ? 'failing' : nowMs >= expiresLocal! ? 'expired' : 'active'
  const live = record !== null && record.revokedAt === null
  return {
    accountId: account.id,
    provider: account.provider,
    status,
    jti: record?.jti ?? null,
    scopes: record ? [...record.scopes] : [],
    expiresAt: isoOrNull(expiresLocal),
    refreshAt: live ? isoOrNull(refreshAtMs(timesOf(record), file.skewMs)) : null,
    refreshable: live && canRenew(record, account, nowMs),
    lastRefresh: file.lastRefresh,
    nextAttemptAt: file.nextAttemptAt,
    failure: file.failure,
    canIssue: canIssue(account),
    clockSkewMs: file.skewMs,
    records: file.records.map((r) => recordView(r, file, nowMs)),
    warnings: warningsOf(record, file, account, nowMs),
  }
}

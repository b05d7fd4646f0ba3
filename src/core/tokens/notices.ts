/** Desktop notification texts for token trouble. Pure; never a token value. */
import type { AccountView } from '../../shared/model'
import type { TokenNotice, TokenFailure } from '../../shared/tokens'
import { ms, type TokenRecord } from './record-schema'

function timeLeft(record: TokenRecord, skewMs: number | null, nowMs: number): string {
  const left = ms(record.expiresAt) - (skewMs ?? 0) - nowMs
  if (left <= 0) return 'The token has expired.'
  const minutes = Math.round(left / 60_000)
  return minutes < 1 ? `The token expires in ${Math.max(1, Math.round(left / 1000))} s.` : `The token expires in ${minutes} min.`
}

export function failureNotice(
  account: AccountView,
  record: TokenRecord,
  failure: TokenFailure,
  /** A refresh or re-issue was tried and failed; false: nothing could renew the token. */
  attempted: boolean,
  skewMs: number | null,
  nowMs: number,
): Omit<TokenNotice, 'id' | 'at'> {
  const expired = ms(record.expiresAt) - (skewMs ?? 0) <= nowMs
  const kind: TokenNotice['kind'] = expired ? 'token.expired' : attempted ? 'token.refresh_failed' : 'token.expiring'
  const title = kind === 'token.expiring' ? `${account.label}: token expires soon` : kind === 'token.expired' ? `${account.label}: token expired` : `${account.label}: token refresh failed`
  return { kind, accountId: account.id, title, body: `${failure.message} ${timeLeft(record, skewMs, nowMs)}` }
}

/** Words and icons for token states and records. Pure. */
import type { TokenOrigin, TokenRecordStatus, TokenState, TokenStatus } from '@shared/tokens'
import type { IconName } from '@renderer/components/icon'

export const TOKEN_STATUS: Readonly<Record<TokenStatus, { readonly label: string; readonly icon: IconName; readonly tone: 'healthy' | 'failing' | 'degraded' | 'unchecked' }>> = {
  none: { label: 'No managed token', icon: 'unchecked', tone: 'unchecked' },
  active: { label: 'Active', icon: 'healthy', tone: 'healthy' },
  expired: { label: 'Expired', icon: 'failing', tone: 'failing' },
  revoked: { label: 'Revoked', icon: 'failing', tone: 'failing' },
  failing: { label: 'Refresh failing', icon: 'degraded', tone: 'degraded' },
}

export const RECORD_STATUS: Readonly<Record<TokenRecordStatus, string>> = {
  current: 'In use',
  active: 'Still valid',
  superseded: 'Replaced by a refresh',
  expired: 'Expired',
  revoked: 'Revoked',
}

export const ORIGIN: Readonly<Record<TokenOrigin, string>> = {
  issued: 'Issued',
  refreshed: 'Refreshed',
  reissued: 'Re-issued',
  adopted: 'Adopted (pasted pair)',
  detached: 'Issued for someone else',
}

/** A record can still be revoked while SMSGate may accept it. */
export const revocable = (status: TokenRecordStatus): boolean => status === 'current' || status === 'active' || status === 'superseded'

/** The current record's issue time. */
export function issuedAt(state: TokenState): string | null {
  return state.records.find((r) => r.jti === state.jti)?.issuedAt ?? null
}

export const LAST_REFRESH: Readonly<Record<NonNullable<TokenState['lastRefresh']>['outcome'], string>> = {
  refreshed: 'Refreshed',
  reissued: 'Re-issued',
  adopted: 'Adopted',
}

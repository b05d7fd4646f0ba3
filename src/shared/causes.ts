import type { HealthState } from './model'

/**
 * The cause-code catalogue from shared/spec/diagnosis.md. Codes are a public contract:
 * add new ones, never rename or reuse one.
 */
export const CAUSES = {
  ok: { state: 'healthy', title: 'Accepted by the provider' },
  'credentials.invalid': { state: 'failing', title: 'Credentials rejected' },
  'credentials.missing': { state: 'failing', title: 'A required credential is missing' },
  'credentials.malformed': { state: 'failing', title: 'A credential value is malformed' },
  'token.expired': { state: 'failing', title: 'Token expired' },
  'token.rejected': { state: 'failing', title: 'Token rejected' },
  'token.refresh_failed': { state: 'failing', title: 'Token refresh failed' },
  'token.expiring': { state: 'degraded', title: 'Token expires soon' },
  'scope.missing': { state: 'failing', title: 'Token lacks a required scope' },
  'permission.denied': { state: 'failing', title: 'Permission denied' },
  'partner.not_authorized': { state: 'failing', title: 'Partner not authorised for this customer' },
  'account.disabled': { state: 'failing', title: 'Account or subscription disabled' },
  'balance.exhausted': { state: 'failing', title: 'Balance used up or expired' },
  'domain.invalid': { state: 'failing', title: 'Wrong domain' },
  'environment.mismatch': { state: 'failing', title: 'Credentials belong to another environment' },
  'endpoint.not_found': { state: 'failing', title: 'Endpoint not found' },
  'service.disabled': { state: 'failing', title: 'Token service disabled on the server' },
  'clock.skew': { state: 'degraded', title: 'Local clock is off' },
  rate_limited: { state: 'unknown', title: 'Rate limited' },
  'server.error': { state: 'unknown', title: 'Provider server error' },
  'server.unavailable': { state: 'unknown', title: 'Provider unavailable' },
  'network.dns': { state: 'unknown', title: 'Host name does not resolve' },
  'network.refused': { state: 'unknown', title: 'Connection refused' },
  'network.timeout': { state: 'unknown', title: 'Timed out' },
  'network.tls': { state: 'unknown', title: 'TLS failure' },
  'network.proxy': { state: 'unknown', title: 'Proxy failure' },
  'network.reset': { state: 'unknown', title: 'Connection reset' },
  'response.malformed': { state: 'unknown', title: 'Unreadable response' },
  'request.rejected': { state: 'unknown', title: 'Request rejected by the provider' },
} as const satisfies Record<string, { state: Exclude<HealthState, 'unchecked'>; title: string }>

export type CauseCode = keyof typeof CAUSES

export const CAUSE_CODES = Object.keys(CAUSES) as ReadonlyArray<CauseCode>

export function stateOf(cause: CauseCode): Exclude<HealthState, 'unchecked'> {
  return CAUSES[cause].state
}

/**
 * SMSGate answers → cause (dossier §6, §8, §9). Pure. The server answers 401 `Unauthorized`
 * for every bad credential, so a Bearer 401 is told apart by the token's own `exp`, decoded
 * locally and compared with the provider's clock; a 403 `scope required` proves the token.
 */
import type { TokenDetails } from '../../../shared/diagnosis'
import { evidenceText } from '../../diagnosis/http-fallback'
import type { ResponseView, StepClassifier, StepVerdict } from '../../diagnosis/types'
import type { SmsGateMode } from './definition'
import { isExpiredAt, type SmsGateClaims } from './jwt'
import { INSUFFICIENT_PERMISSIONS } from './mode'
import { grantsScope, scopeFromMessage } from './scopes'

export type DevicesFact = { readonly kind: 'devices'; readonly count: number } | { readonly kind: 'scope'; readonly scope: string }

export interface DevicesContext {
  readonly scheme: 'basic' | 'bearer'
  readonly mode: SmsGateMode
  /** The Bearer token's claims, decoded without a signature check. */
  readonly claims: SmsGateClaims | null
  readonly neededScopes: ReadonlyArray<string>
  /** The provider's clock (local clock corrected by the Date header). */
  readonly providerNow: () => number
}

function parseObject(body: string): Readonly<Record<string, unknown>> | null {
  try {
    const parsed: unknown = JSON.parse(body)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function message(body: string): string | null {
  const text = parseObject(body)?.message
  return typeof text === 'string' ? text : null
}

export function missingScopes(granted: ReadonlyArray<string>, needed: ReadonlyArray<string>): string[] {
  return needed.filter((scope) => !grantsScope(granted, scope))
}

export function tokenDetails(claims: SmsGateClaims | null, needed: ReadonlyArray<string>): TokenDetails {
  const scopes = claims?.scopes ?? []
  return {
    scopes,
    missingScopes: missingScopes(scopes, needed),
    expiresAt: claims?.exp === undefined ? null : new Date(claims.exp * 1000).toISOString(),
    issuer: claims?.iss ?? null,
  }
}

/** The scope the probe's `GET /device` needs. */
export const PROBE_SCOPE = 'devices:list'

/** The scope a 403 names: the server's `scope required: X`, or the phone app's text, which names none. */
function refusedScope(status: number, text: string, mode: SmsGateMode): string | null {
  if (status !== 403) return null
  if (mode === 'local' && text === INSUFFICIENT_PERMISSIONS) return PROBE_SCOPE
  return scopeFromMessage(text)
}

const SERVICE_DISABLED = 'The SMSGate server has its token service (JWT) disabled: use Basic credentials, or ask its administrator to set JWT__SECRET.'

/** Answers any SMSGate endpoint gives the same way. */
function common(response: ResponseView, text: string | null): StepVerdict<never> | null {
  const evidence = { step: response.step, status: response.status, ...(text ? { providerMessage: evidenceText(text) } : {}) }
  if (response.status === 501 && text !== null) return { cause: 'service.disabled', summary: SERVICE_DISABLED, evidence }
  if (response.status === 404) {
    return {
      cause: 'endpoint.not_found',
      summary:
        'No SMSGate API at this path (404): the cloud is https://api.sms-gate.app/3rdparty/v1 (no /api); a private server is https://host/api/3rdparty/v1 (with /api); the phone’s local server is http://<phone-ip>:8080 (no path).',
      evidence,
    }
  }
  return null
}

export function classifyDevices(context: DevicesContext): StepClassifier<DevicesFact> {
  return (response) => {
    const text = message(response.body)
    const evidence = { step: response.step, status: response.status, ...(text ? { providerMessage: evidenceText(text) } : {}) }
    if (response.status === 200) {
      let devices: unknown
      try {
        devices = JSON.parse(response.body)
      } catch {
        return null
      }
      if (!Array.isArray(devices)) return null
      return { cause: 'ok', summary: 'SMSGate accepted the credentials.', evidence, data: { kind: 'devices', count: devices.length } }
    }
    // The phone app's 401 has no body (its own code); an empty 401 from a server is not its shape.
    const emptyLocal401 = context.mode === 'local' && response.status === 401 && response.body.trim() === ''
    if (text === null && !emptyLocal401) return common(response, text)
    if (response.status === 401) return unauthorized(context, evidence)
    const scope = text === null ? null : refusedScope(response.status, text, context.mode)
    if (scope !== null) {
      // Only an authenticated caller gets as far as the scope check.
      const data = { kind: 'scope', scope } as const
      if (context.neededScopes.includes(scope))
        return { cause: 'scope.missing', summary: `The token authenticates but lacks the scope ${scope}, which this account needs.`, evidence, data }
      return {
        cause: 'ok',
        summary: 'SMSGate accepted the token.',
        evidence,
        details: { notes: [`The token lacks ${scope} (SMSGate refused ${response.step} with 403), which this account does not declare it needs: fine for a token that only sends.`] },
        data,
      }
    }
    return common(response, text)
  }
}

function unauthorized(context: DevicesContext, evidence: StepVerdict['evidence']): StepVerdict<DevicesFact> {
  if (context.scheme === 'basic') {
    const where = context.mode === 'local' ? ' (the Local server section of the app, not Cloud)' : ''
    return { cause: 'credentials.invalid', summary: `SMSGate refused the username and password (401)${where}.`, evidence }
  }
  const expired = context.claims !== null && isExpiredAt(context.claims, context.providerNow())
  if (expired) return { cause: 'token.expired', summary: `The access token expired at ${tokenDetails(context.claims, []).expiresAt} (its exp, decoded locally; SMSGate answered 401).`, evidence }
  const local = context.mode === 'local' ? ' The phone app accepts JWTs from version 1.55.0 on.' : ''
  return {
    cause: 'token.rejected',
    summary: `SMSGate refused the access token although it has not expired (401): revoked, issued by another server, or JWT is disabled there.${local}`,
    evidence: { ...evidence, inferred: 'SMSGate answers 401 for every token failure; the token is unexpired by its decoded exp' },
  }
}

/** `POST /auth/token/refresh` with the refresh token (dossier §4). */
export interface RefreshedPair {
  readonly accessToken: string
  readonly refreshToken: string | null
  readonly expiresAt: string | null
}

export const classifyRefresh: StepClassifier<RefreshedPair> = (response) => {
  const text = message(response.body)
  const evidence = { step: response.step, status: response.status, ...(text ? { providerMessage: evidenceText(text) } : {}) }
  if (response.status === 200 || response.status === 201) {
    const body = parseObject(response.body)
    if (typeof body?.access_token !== 'string') return null
    const pair: RefreshedPair = {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
      expiresAt: typeof body.expires_at === 'string' ? body.expires_at : null,
    }
    return { cause: 'ok', summary: 'SMSGate issued a new token pair.', evidence, data: pair }
  }
  if (text === null) return common(response, text)
  if (response.status === 401) {
    return { cause: 'token.refresh_failed', summary: 'SMSGate refused the refresh token (401): already used once (rotation), expired or revoked.', evidence }
  }
  if (response.status === 403 && scopeFromMessage(text) !== null) {
    return { cause: 'token.refresh_failed', summary: 'REFRESH_TOKEN is not a refresh token (403 scope required: tokens:refresh): it is probably an access token.', evidence }
  }
  return common(response, text)
}

/** `DELETE /auth/token/{jti}` with a jti that does not exist: 204 when JWT is on, 501 when off. */
export const classifyTokenService: StepClassifier<{ readonly enabled: boolean }> = (response) => {
  const text = message(response.body)
  if (response.status === 204) return { cause: 'ok', summary: 'The server’s token service is enabled.', evidence: { step: response.step, status: 204 }, data: { enabled: true } }
  return common(response, text)
}

/**
 * `GET /device` with Basic or Bearer: the path every SMSGate server serves (the cloud and
 * private servers keep it as an alias of `/devices`; the phone's local server has only it), then only what it takes to explain a
 * refusal: the Basic credentials when a token is refused, a no-op `DELETE /auth/token/{jti}`
 * to tell "JWT disabled" (501) from "token revoked", and a refresh only when the caller can
 * store the rotated pair (a refresh spends the refresh token).
 */
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
import type { ProbeContext, StepVerdict, Verdict } from '../../diagnosis/types'
import { withApiPathSuggestion } from './api-prefix'
import { classifyDevices, classifyRefresh, classifyTokenService, tokenDetails, type DevicesFact } from './classify'
import { isExpiredAt, peekSmsGateClaims, type SmsGateClaims } from './jwt'
import { CLOUD_BASE_URL, smsGateMode } from './mode'

export const SMSGATE_RETRY: RetrySettings = READ_ONLY_RETRY

/** A jti no server issued (21 characters, the nanoid length): revoking it changes nothing. */
export const NO_SUCH_JTI = 'AuthDeskCheckNoSuchTk'
/** Warn when an access token that cannot be refreshed has less than this left. */
export const EXPIRY_WARNING_MS = 5 * 60_000

const basicHeader = (username: string, password: string): string => `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`

function devices(context: ProbeContext, authorization: string, scheme: 'basic' | 'bearer', claims: SmsGateClaims | null, step: string) {
  const mode = smsGateMode(context.account.fields, context.account.baseUrl)
  const classify = classifyDevices({ scheme, mode, claims, neededScopes: context.account.scopes, providerNow: context.providerNow })
  const spec = { step, method: 'GET' as const, url: `${context.account.baseUrl}/device`, headers: { authorization, accept: 'application/json' } }
  return context.exchange<DevicesFact>(spec, classify)
}

/** A token that authenticated: does it carry what the account needs, for long enough? */
function acceptedToken(context: ProbeContext, verdict: StepVerdict<DevicesFact>, claims: SmsGateClaims | null, refreshable: boolean): Verdict {
  const token = tokenDetails(claims, context.account.scopes)
  if (verdict.cause !== 'ok') return { ...verdict, details: { token } }
  const notes = verdict.details?.notes ?? []
  if (token.missingScopes.length > 0) {
    return {
      ...verdict,
      cause: 'scope.missing',
      summary: `The token authenticates but lacks ${token.missingScopes.join(', ')}, which this account needs.`,
      evidence: { ...verdict.evidence, inferred: 'scopes decoded from the token; SMSGate has not refused a call for them yet' },
      details: { token },
    }
  }
  const left = claims?.exp === undefined ? Infinity : claims.exp * 1000 - context.providerNow()
  if (!refreshable && left < EXPIRY_WARNING_MS) {
    return { ...verdict, cause: 'token.expiring', summary: `The token works but expires in ${Math.max(0, Math.round(left / 60_000))} min and there is no refresh token.`, details: { token, notes } }
  }
  return { ...verdict, details: { token, notes } }
}

async function refreshAndRetry(context: ProbeContext, expired: Verdict, refreshToken: string, basic: string | null): Promise<Verdict> {
  const refreshClaims = peekSmsGateClaims(refreshToken)
  const claims = peekSmsGateClaims(context.account.fields.TOKEN ?? '')
  const token = tokenDetails(claims, context.account.scopes)
  if (refreshClaims !== null && isExpiredAt(refreshClaims, context.providerNow())) {
    const reissue = basic ? ' Issue a new pair with the username and password.' : ''
    return { ...expired, cause: 'token.refresh_failed', summary: `The access token and its refresh token have both expired.${reissue}`, evidence: { ...expired.evidence, inferred: 'the refresh token’s exp, decoded locally' }, details: { token } }
  }
  if (context.storeTokens === null) {
    const note = 'REFRESH_TOKEN is set, but a check never spends it: refreshing rotates it, and this caller cannot store the new pair (the app or `authdesk tokens refresh` can).'
    return { ...expired, details: { token, notes: [note] } }
  }
  const step = 'POST /auth/token/refresh'
  const spec = { step, method: 'POST' as const, url: `${context.account.baseUrl}/auth/token/refresh`, headers: { authorization: `Bearer ${refreshToken}`, accept: 'application/json' }, once: true }
  const refreshed = await context.exchange(spec, classifyRefresh)
  if (refreshed.cause === 'endpoint.not_found' && smsGateMode(context.account.fields, context.account.baseUrl) === 'local') {
    // The phone app has refresh tokens only from v1.64.0 (AuthRoutes.kt); older versions have no such route.
    const summary = 'The phone app has no refresh route (404): refresh tokens need SMSGate app v1.64.0 or later. Update the app, or issue a new token.'
    return { ...refreshed, cause: 'token.refresh_failed', summary, evidence: { ...refreshed.evidence, inferred: 'the app version, from the missing route' }, details: { token } }
  }
  if (refreshed.cause !== 'ok' || !refreshed.data) return { ...refreshed, details: { token } }
  const pair = refreshed.data
  context.rememberSecret(pair.accessToken)
  if (pair.refreshToken) context.rememberSecret(pair.refreshToken)
  await context.storeTokens(pair)
  const newClaims = peekSmsGateClaims(pair.accessToken)
  const retried = await devices(context, `Bearer ${pair.accessToken}`, 'bearer', newClaims, 'GET /device (refreshed token)')
  const verdict = acceptedToken(context, retried, newClaims, pair.refreshToken !== null)
  const details = { ...verdict.details, token: { ...tokenDetails(newClaims, context.account.scopes), refreshed: true } }
  if (verdict.cause !== 'ok') return { ...verdict, details }
  return { ...verdict, summary: 'The access token had expired; AuthDesk refreshed it, stored the new pair, and the new token works.', details }
}

/** A Bearer 401 on an unexpired token: the Basic credentials and the token service tell why. */
async function explainRejectedToken(context: ProbeContext, rejected: Verdict, basic: string | null, claims: SmsGateClaims | null): Promise<Verdict> {
  const token = tokenDetails(claims, context.account.scopes)
  if (basic === null) return { ...rejected, details: { token } }
  const viaBasic = await devices(context, basic, 'basic', null, 'GET /device (Basic)')
  if (viaBasic.cause === 'credentials.invalid') {
    return { ...viaBasic, summary: 'SMSGate refused both the access token and the username and password (401).', details: { token } }
  }
  if (viaBasic.cause !== 'ok') return { ...viaBasic, details: { token } }
  const spec = { step: 'DELETE /auth/token/{jti}', method: 'DELETE' as const, url: `${context.account.baseUrl}/auth/token/${NO_SUCH_JTI}`, headers: { authorization: basic } }
  const service = await context.exchange(spec, classifyTokenService)
  if (service.cause === 'service.disabled') {
    return { ...service, summary: `${service.summary} (The username and password work; the token cannot.)`, details: { token } }
  }
  return {
    ...rejected,
    summary: 'SMSGate refused the unexpired access token while the username and password work: the token was revoked (or the password changed), or another server issued it. Issue a new token.',
    details: { token },
  }
}

/** The phone's Local server has no default address: without BASE_URL the check would go to the cloud. */
function localWithoutAddress(context: ProbeContext): Verdict | null {
  const { fields, baseUrl } = context.account
  if (smsGateMode(fields, baseUrl) !== 'local' || baseUrl !== CLOUD_BASE_URL) return null
  return {
    cause: 'credentials.malformed',
    summary: 'MODE is local, but BASE_URL is not set: give the phone’s address, e.g. http://192.168.1.20:8080 (and allow unencrypted HTTP on your local network). Nothing was sent.',
    evidence: { step: 'lint', field: 'BASE_URL' },
  }
}

export async function probeSmsGate(context: ProbeContext): Promise<Verdict> {
  const verdict = await probeAccount(context)
  return verdict.cause === 'endpoint.not_found' ? withApiPathSuggestion(context, verdict) : verdict
}

async function probeAccount(context: ProbeContext): Promise<Verdict> {
  const unaddressed = localWithoutAddress(context)
  if (unaddressed) return unaddressed
  const { fields } = context.account
  const basic = fields.USERNAME && fields.PASSWORD ? basicHeader(fields.USERNAME, fields.PASSWORD) : null
  // Should anything echo the header back, its encoded form is a secret too.
  if (basic) context.rememberSecret(basic.slice('Basic '.length))
  const accessToken = fields.TOKEN || null
  if (accessToken === null) return devices(context, basic ?? '', 'basic', null, 'GET /device')

  const claims = peekSmsGateClaims(accessToken)
  const refreshToken = fields.REFRESH_TOKEN || null
  const first = await devices(context, `Bearer ${accessToken}`, 'bearer', claims, 'GET /device')
  switch (first.cause) {
    case 'ok':
    case 'scope.missing':
      return acceptedToken(context, first, claims, refreshToken !== null)
    case 'token.expired':
      if (refreshToken !== null) return refreshAndRetry(context, first, refreshToken, basic)
      return { ...first, summary: `${first.summary}${basic ? ' Issue a new one with the username and password.' : ''}`, details: { token: tokenDetails(claims, context.account.scopes) } }
    case 'token.rejected':
      return explainRejectedToken(context, first, basic, claims)
    default:
      return { ...first, details: { token: tokenDetails(claims, context.account.scopes) } }
  }
}

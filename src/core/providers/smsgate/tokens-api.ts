/**
 * SMSGate's token endpoints (dossier §4): issue (`POST /auth/token`, Basic or a JWT with
 * `tokens:manage`), refresh (`POST /auth/token/refresh` with the refresh token; it rotates,
 * so it is never repeated here) and revoke (`DELETE /auth/token/{jti}`, idempotent). Each call
 * goes through the diagnosis exchange (the one HTTP client, host binding, transport causes)
 * and reports the provider's clock from its Date header.
 */
import { createSkewTracker } from '../../diagnosis/clock-skew'
import { createExchange } from '../../diagnosis/exchange'
import { evidenceText } from '../../diagnosis/http-fallback'
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
import type { ExchangeSpec, ResponseView, StepClassifier, StepVerdict } from '../../diagnosis/types'
import { SecretScrubber } from '../../secret-scrubber'
import type { TokenApiDeps, TokenCall, TokenGrant, TokenPairAnswer } from '../token-lifecycle'
import { classifyRefresh, classifyTokenService } from './classify'
import { scopeFromMessage } from './scopes'

const ONCE: RetrySettings = { ...READ_ONLY_RETRY, maxAttempts: 1 }

function objectOf(body: string): Readonly<Record<string, unknown>> | null {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function pairFrom(body: string): TokenPairAnswer | null {
  const value = objectOf(body)
  if (typeof value?.access_token !== 'string' || typeof value.id !== 'string') return null
  return {
    jti: value.id,
    accessToken: value.access_token,
    refreshToken: typeof value.refresh_token === 'string' ? value.refresh_token : null,
    expiresAt: typeof value.expires_at === 'string' ? value.expires_at : null,
  }
}

function evidence(response: ResponseView) {
  const message = objectOf(response.body)?.message
  return { step: response.step, status: response.status, ...(typeof message === 'string' ? { providerMessage: evidenceText(message) } : {}) }
}

/** Refusals of a call made with Basic or a `tokens:manage` token (issue, revoke). */
function managementRefusal(response: ResponseView, action: string): StepVerdict<never> | null {
  const found = evidence(response)
  if (response.status === 401) return { cause: 'credentials.invalid', summary: `SMSGate refused the credentials used to ${action} (401).`, evidence: found }
  const scope = response.status === 403 && found.providerMessage ? scopeFromMessage(found.providerMessage) : null
  if (scope !== null) return { cause: 'scope.missing', summary: `The token used to ${action} lacks ${scope} (403).`, evidence: found }
  if (response.status === 400) return { cause: 'request.rejected', summary: `SMSGate refused the request to ${action} (400): ${found.providerMessage ?? 'no reason given'}.`, evidence: found }
  return classifyTokenService(response) as StepVerdict<never> | null
}

const classifyIssue: StepClassifier<TokenPairAnswer> = (response) => {
  if (response.status === 201 || response.status === 200) {
    const pair = pairFrom(response.body)
    return pair ? { cause: 'ok', summary: 'SMSGate issued a token pair.', evidence: evidence(response), data: pair } : null
  }
  return managementRefusal(response, 'issue a token')
}

const classifyRefreshPair: StepClassifier<TokenPairAnswer> = (response) => {
  if (response.status === 201 || response.status === 200) {
    const pair = pairFrom(response.body)
    return pair ? { cause: 'ok', summary: 'SMSGate issued a new token pair.', evidence: evidence(response), data: pair } : null
  }
  const verdict = classifyRefresh(response)
  if (verdict === null) return null
  const { cause, summary } = verdict
  return { cause, summary, evidence: verdict.evidence }
}

const classifyRevoke: StepClassifier<true> = (response) => {
  if (response.status === 204) return { cause: 'ok', summary: 'SMSGate revoked the token.', evidence: evidence(response), data: true }
  return managementRefusal(response, 'revoke a token')
}

async function call<T>(deps: TokenApiDeps, spec: ExchangeSpec, classify: StepClassifier<T>, secrets: ReadonlyArray<string>, retry: RetrySettings): Promise<TokenCall<T>> {
  const scrubber = new SecretScrubber()
  secrets.forEach((s) => scrubber.remember(s))
  const skew = createSkewTracker()
  const exchange = createExchange({ http: deps.http, scrubber, timeoutMs: deps.timeoutMs, retry, binding: deps.binding, skew, transcript: [], providerLabel: 'SMSGate', now: deps.now })
  const verdict = await exchange(spec, classify)
  // The HTTP client times exchanges by the system clock; the caller plans by `deps.now` (the same in the app, moved in tests).
  const skewMs = skew.skewMs === null ? null : skew.skewMs - (deps.now() - Date.now())
  if (verdict.cause === 'ok' && verdict.data !== undefined) return { ok: true, value: verdict.data, skewMs }
  return { ok: false, cause: verdict.cause === 'ok' ? 'response.malformed' : verdict.cause, summary: scrubber.scrub(verdict.summary), status: verdict.evidence.status ?? null, skewMs }
}

const json = { 'content-type': 'application/json', accept: 'application/json' }

export function issueTokenPair(deps: TokenApiDeps, grant: TokenGrant, request: { readonly scopes: ReadonlyArray<string>; readonly ttlSeconds: number | null }) {
  const authorization = grant.authorization ?? ''
  const body = JSON.stringify({ ...(request.ttlSeconds === null ? {} : { ttl: request.ttlSeconds }), scopes: request.scopes })
  const spec: ExchangeSpec = { step: 'POST /auth/token', method: 'POST', url: `${deps.baseUrl}/auth/token`, headers: { ...json, authorization }, body, once: true }
  return call(deps, spec, classifyIssue, grant.secretForms, ONCE)
}

export function refreshTokenPair(deps: TokenApiDeps, refreshToken: string) {
  const authorization = `Bearer ${refreshToken}`
  const spec: ExchangeSpec = { step: 'POST /auth/token/refresh', method: 'POST', url: `${deps.baseUrl}/auth/token/refresh`, headers: { accept: 'application/json', authorization }, once: true }
  return call(deps, spec, classifyRefreshPair, [refreshToken], ONCE)
}

export function revokeTokenById(deps: TokenApiDeps, grant: TokenGrant, jti: string) {
  const authorization = grant.authorization ?? ''
  const url = `${deps.baseUrl}/auth/token/${encodeURIComponent(jti)}`
  const spec: ExchangeSpec = { step: 'DELETE /auth/token/{jti}', method: 'DELETE', url, headers: { accept: 'application/json', authorization } }
  return call(deps, spec, classifyRevoke, grant.secretForms, READ_ONLY_RETRY)
}

/** Basic with USERNAME and PASSWORD (dossier §4); the header and its base64 part are what the scrubber must know. */
export function basicGrant(values: Readonly<Record<string, string>>): TokenGrant | null {
  const { USERNAME: username, PASSWORD: password } = values
  if (!username || !password) return null
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64')
  return { authorization: `Basic ${encoded}`, values: {}, secretForms: [`Basic ${encoded}`, encoded] }
}

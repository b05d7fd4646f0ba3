/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): the client id and secret are exchanged for an
 * access token, which the probe steps then carry as Bearer. The token endpoint's error codes
 * are documented by the RFC (§5.2), so those refusals may say `failing`; anything else falls
 * to the same defaults as a rule step.
 */
import type { CauseCode } from '../../shared/causes'
import type { createExchange } from '../diagnosis/exchange'
import type { ResponseView, StepVerdict } from '../diagnosis/types'
import { defaultVerdict, type RuleMatch } from './classify'
import type { BuiltRequest } from './request'
import type { Credential, ProviderDefinitionFile } from './schema'
import { render } from './template'

export type OAuthCredential = Extract<Credential, { type: 'oauth2-client-credentials' }>

export interface IssuedToken {
  readonly accessToken: string
  /** ms since the epoch on the provider's clock; null when the answer gave no lifetime. */
  readonly expiresAt: number | null
  /** `expires_in` in ms. */
  readonly lifetimeMs: number | null
  readonly scopes: ReadonlyArray<string>
}

export const TOKEN_STEP = 'token'

const formValue = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+')

/**
 * `customBase`: the account saved its own base URL (a simulator, a proxy of its own); an
 * absolute token URL then keeps only its path, under that base, as host binding requires.
 */
export function tokenRequest(credential: OAuthCredential, baseUrl: string, values: Readonly<Record<string, string>>, customBase: boolean): BuiltRequest {
  const clientId = render(credential.clientId, values)
  const clientSecret = render(credential.clientSecret, values)
  const form = new URLSearchParams({ grant_type: 'client_credentials' })
  if (credential.scopes.length > 0) form.set('scope', credential.scopes.join(' '))
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
  if (credential.clientAuth === 'basic') {
    // RFC 6749 §2.3.1: both parts form-urlencoded before Basic encoding.
    headers.authorization = `Basic ${Buffer.from(`${formValue(clientId)}:${formValue(clientSecret)}`, 'utf8').toString('base64')}`
  } else {
    form.set('client_id', clientId)
    form.set('client_secret', clientSecret)
  }
  const relative = credential.tokenUrl.startsWith('/')
  const url = relative ? baseUrl + credential.tokenUrl : customBase ? baseUrl + new URL(credential.tokenUrl).pathname : credential.tokenUrl
  return { method: 'POST', url, headers, body: form.toString() }
}

const ERRORS: Readonly<Record<string, { cause: CauseCode; text: string }>> = {
  invalid_client: { cause: 'credentials.invalid', text: 'the client id or secret was refused (invalid_client)' },
  invalid_grant: { cause: 'credentials.invalid', text: 'the grant was refused (invalid_grant)' },
  unauthorized_client: { cause: 'permission.denied', text: 'this client may not use the client-credentials grant (unauthorized_client)' },
  invalid_scope: { cause: 'scope.missing', text: 'a requested scope was refused (invalid_scope)' },
  unsupported_grant_type: { cause: 'request.rejected', text: 'the server does not support the client-credentials grant (unsupported_grant_type)' },
  invalid_request: { cause: 'request.rejected', text: 'the token request was refused as malformed (invalid_request)' },
}

function parse(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** null: not a token-endpoint answer this reads; the caller's defaults decide. */
export function classifyToken(providerLabel: string, requested: ReadonlyArray<string>, now: () => number) {
  return (response: ResponseView): StepVerdict<IssuedToken> | null => {
    const body = parse(response.body)
    const evidence = { step: response.step, status: response.status }
    if (response.status === 200 && body && typeof body.access_token === 'string' && body.access_token !== '') {
      const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in * 1000 : null
      const scopes = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : requested
      const data: IssuedToken = { accessToken: body.access_token, expiresAt: lifetime === null ? null : now() + lifetime, lifetimeMs: lifetime, scopes }
      return { cause: 'ok', summary: `${providerLabel} issued an access token.`, evidence, data }
    }
    const code = body && typeof body.error === 'string' ? body.error : null
    const known = code === null ? undefined : ERRORS[code]
    if ((response.status === 400 || response.status === 401) && known) {
      return { cause: known.cause, summary: `${providerLabel}'s token endpoint answered ${response.status}: ${known.text}.`, evidence: { ...evidence, providerCode: code! } }
    }
    return null
  }
}

export interface TokenExchange {
  readonly verdict: StepVerdict<IssuedToken | RuleMatch>
  /** Set only when the provider issued a token. */
  readonly token: IssuedToken | null
}

/**
 * The token request sent as one exchange step (never repeated), its answer read by RFC 6749,
 * else by the definition's defaults. A check and the token lifecycle both call this.
 */
export async function exchangeToken(
  exchange: ReturnType<typeof createExchange>,
  d: ProviderDefinitionFile,
  credential: OAuthCredential,
  to: { readonly baseUrl: string; readonly values: Readonly<Record<string, string>>; readonly customBase: boolean; readonly now: () => number },
): Promise<TokenExchange> {
  const request = tokenRequest(credential, to.baseUrl, to.values, to.customBase)
  const classify = classifyToken(d.name, credential.scopes, to.now)
  const spec = { step: `POST ${TOKEN_STEP}`, method: request.method, url: request.url, headers: request.headers, body: request.body ?? '', once: true }
  const verdict = await exchange<IssuedToken | RuleMatch>(spec, (r) => classify(r) ?? defaultVerdict(r, d.name))
  const token = verdict.cause === 'ok' && verdict.data && 'accessToken' in verdict.data ? verdict.data : null
  return { verdict, token }
}

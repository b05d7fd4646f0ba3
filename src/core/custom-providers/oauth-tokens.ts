/**
 * A definition's OAuth 2.0 client credentials as a token lifecycle: AuthDesk issues the access
 * token, keeps it in the keychain, issues a new one before it expires (the grant has no refresh
 * token, RFC 6749 §4.4.3) and shows its countdown. The token is opaque to AuthDesk, so the id it
 * is shown by is made up at issue. The grant has no revocation (RFC 7009 is a separate endpoint
 * the v1 format does not describe): a token stays valid until it expires.
 */
import { randomUUID } from 'node:crypto'
import { createSkewTracker } from '../diagnosis/clock-skew'
import { createExchange } from '../diagnosis/exchange'
import { READ_ONLY_RETRY, type RetrySettings } from '../diagnosis/retry'
import type { TokenApiDeps, TokenCall, TokenGrant, TokenLifecycle, TokenPairAnswer } from '../providers/token-lifecycle'
import { SecretScrubber } from '../secret-scrubber'
import { exchangeToken, tokenRequest, type OAuthCredential } from './oauth'
import { secretForms } from './request'
import type { ProviderDefinitionFile } from './schema'
import { placeholders } from './template'

const ONCE: RetrySettings = { ...READ_ONLY_RETRY, maxAttempts: 1 }

const iso = (ms: number): string => new Date(ms).toISOString()

/** The client credentials; the scrubber learns the secret fields' forms and the Basic header, never a non-secret client id alone. */
function grantFor(credential: OAuthCredential, fields: ReadonlyArray<string>, secretFields: ReadonlySet<string>, values: Readonly<Record<string, string>>): TokenGrant | null {
  if (fields.some((name) => !values[name])) return null
  const picked = Object.fromEntries(fields.map((name) => [name, values[name]!]))
  const header = tokenRequest(credential, '', picked, false).headers.authorization
  const basic = header === undefined ? [] : [header, header.slice('Basic '.length)]
  const secrets = fields.filter((name) => secretFields.has(name)).flatMap((name) => secretForms(picked[name]!))
  return { authorization: null, values: picked, secretForms: [...basic, ...secrets] }
}

async function issue(d: ProviderDefinitionFile, credential: OAuthCredential, deps: TokenApiDeps, grant: TokenGrant, scopes: ReadonlyArray<string>): Promise<TokenCall<TokenPairAnswer>> {
  const scrubber = new SecretScrubber()
  grant.secretForms.forEach((form) => scrubber.remember(form))
  const skew = createSkewTracker()
  const exchange = createExchange({ http: deps.http, scrubber, timeoutMs: deps.timeoutMs, retry: ONCE, binding: deps.binding, skew, transcript: [], providerLabel: d.name, now: deps.now })
  const asked = { ...credential, scopes: scopes.length > 0 ? [...scopes] : credential.scopes }
  const { verdict, token } = await exchangeToken(exchange, d, asked, { baseUrl: deps.baseUrl, values: grant.values, customBase: deps.binding.baseUrl !== null, now: deps.now })
  const skewMs = skew.skewMs === null ? null : skew.skewMs - (deps.now() - Date.now())
  if (!token) {
    const cause = verdict.cause === 'ok' ? 'response.malformed' : verdict.cause
    return { ok: false, cause, summary: scrubber.scrub(verdict.summary), status: verdict.evidence.status ?? null, skewMs }
  }
  if (token.lifetimeMs === null) {
    const summary = `${d.name} issued a token without expires_in, so AuthDesk cannot tell when to renew it.`
    return { ok: false, cause: 'response.malformed', summary, status: verdict.evidence.status ?? null, skewMs }
  }
  const issuedAt = deps.now() + (skewMs ?? 0)
  const jti = `${d.id}-${randomUUID().slice(0, 8)}`
  const value = { jti, accessToken: token.accessToken, refreshToken: null, issuedAt: iso(issuedAt), expiresAt: iso(issuedAt + token.lifetimeMs), scopes: token.scopes }
  return { ok: true, value, skewMs }
}

export function oauthTokenLifecycle(d: ProviderDefinitionFile, credential: OAuthCredential): TokenLifecycle {
  const fields = [...new Set([...placeholders(credential.clientId), ...placeholders(credential.clientSecret)])]
  const secretFields = new Set(d.fields.filter((f) => f.secret).map((f) => f.name))
  return {
    peekClaims: () => null,
    allScope: null,
    manageScope: null,
    asksLifetime: false,
    issuerFields: fields,
    issuerGrant: (values) => grantFor(credential, fields, secretFields, values),
    issue: (deps, grant, request) => issue(d, credential, deps, grant, request.scopes),
    refresh: async () => ({ ok: false, cause: 'token.refresh_failed', summary: `${d.name} issues no refresh tokens: AuthDesk issues a new token instead.`, status: null, skewMs: null }),
    lintPasted: () => [],
  }
}

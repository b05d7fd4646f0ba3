/**
 * The token capability a provider module may have: issue, refresh and revoke calls, and how to
 * read a token. The token engine (core/tokens) drives it: it keeps the pair in the keychain,
 * refreshes it before expiry, shows the countdown and revokes what it replaces.
 *
 * SMSGate implements it with its JWT pair. An OAuth 2.0 client-credentials provider maps onto
 * it as: `issue` = the token request with the client's own credentials (`expires_in` becomes
 * `expiresAt`); `refresh` = another issue (there is no refresh token); `revoke` = a call that
 * answers `ok` without sending when the provider has no revocation endpoint (the token lapses at
 * expiry); `peekClaims` = null for an opaque token (the engine then names it by its fingerprint).
 */
import type { CauseCode } from '../../shared/causes'
import type { LintProblem } from '../diagnosis/types'
import type { HttpClient } from '../http/client'
import type { CredentialBinding } from '../http/host-binding'

export interface TokenApiDeps {
  readonly http: HttpClient
  readonly binding: CredentialBinding
  /** Normalised, no trailing slash. */
  readonly baseUrl: string
  readonly timeoutMs: number
  readonly now: () => number
}

/** A token response. */
export interface TokenPairAnswer {
  readonly jti: string
  readonly accessToken: string
  readonly refreshToken: string | null
  /** RFC 3339 as the server sent it. */
  readonly expiresAt: string | null
}

export type TokenCall<T> =
  | { readonly ok: true; readonly value: T; readonly skewMs: number | null }
  | { readonly ok: false; readonly cause: CauseCode; readonly summary: string; readonly status: number | null; readonly skewMs: number | null }

/** What a token says about itself, unverified. Times in seconds since the epoch. */
export interface TokenClaims {
  readonly jti?: string
  readonly iat?: number
  readonly exp?: number
  readonly scopes?: ReadonlyArray<string>
}

export interface TokenLifecycle {
  /** The token's claims, unverified; null when it is not readable (opaque, or mistyped claims). */
  peekClaims(token: string): TokenClaims | null
  /** The scope that grants every other, and the one that lets a token issue and revoke tokens. */
  readonly allScope: string
  readonly manageScope: string
  issue(deps: TokenApiDeps, authorization: string, request: { readonly scopes: ReadonlyArray<string>; readonly ttlSeconds: number | null }): Promise<TokenCall<TokenPairAnswer>>
  refresh(deps: TokenApiDeps, refreshToken: string): Promise<TokenCall<TokenPairAnswer>>
  revoke(deps: TokenApiDeps, authorization: string, jti: string): Promise<TokenCall<true>>
  /** Problems of pasted token fields (`TOKEN`, `REFRESH_TOKEN`) found before anything is sent. */
  lintPasted(fields: Readonly<Record<string, string>>): ReadonlyArray<LintProblem>
}

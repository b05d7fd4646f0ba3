/**
 * The token capability a provider module may have: issue, refresh and revoke calls, and how to
 * read a token. The token engine (core/tokens) drives it: it keeps the pair in the keychain,
 * refreshes it before expiry, shows the countdown and revokes what it replaces.
 *
 * SMSGate implements it with its JWT pair. A custom definition's OAuth 2.0 client credentials
 * implement it as: `issue` = the token request with the client's own credentials (`expires_in`
 * becomes `expiresAt`); no refresh token, so renewing is issuing again; no `revoke` (the token
 * lapses at expiry); `peekClaims` = null for an opaque token, which the answer's `jti` then names.
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
  /** The token's id; for an opaque token, one the lifecycle made up (the token's claims win when readable). */
  readonly jti: string
  readonly accessToken: string
  readonly refreshToken: string | null
  /** RFC 3339 as the server sent it (or as computed from `expires_in`). */
  readonly expiresAt: string | null
  /** For a token whose claims cannot be read. */
  readonly issuedAt?: string | null
  readonly scopes?: ReadonlyArray<string>
}

/** What an issue or revoke call is made with. Only the lifecycle reads it; the engine scrubs `secretForms`. */
export interface TokenGrant {
  /** The Authorization header (Basic, or Bearer for a token that may manage tokens); null when the credentials go in the body. */
  readonly authorization: string | null
  /** The account's field values, secrets included, for credentials sent in the body. */
  readonly values: Readonly<Record<string, string>>
  /** Every form of the credentials the call may carry. */
  readonly secretForms: ReadonlyArray<string>
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
  /** The scope that grants every other, and the one that lets a token issue and revoke tokens (null: none). */
  readonly allScope: string | null
  readonly manageScope: string | null
  /** An issue request may ask for the token's lifetime. */
  readonly asksLifetime: boolean
  /** The account fields issuing needs (non-secret values or stored secrets), known without reading the keychain. */
  readonly issuerFields: ReadonlyArray<string>
  /** The grant that issues tokens, from the account's field values (secrets included); null when one is missing. */
  issuerGrant(values: Readonly<Record<string, string>>): TokenGrant | null
  issue(deps: TokenApiDeps, grant: TokenGrant, request: { readonly scopes: ReadonlyArray<string>; readonly ttlSeconds: number | null }): Promise<TokenCall<TokenPairAnswer>>
  refresh(deps: TokenApiDeps, refreshToken: string): Promise<TokenCall<TokenPairAnswer>>
  /** Absent when the provider cannot revoke a token: it stays valid until it expires. */
  revoke?(deps: TokenApiDeps, grant: TokenGrant, jti: string): Promise<TokenCall<true>>
  /** Problems of pasted token fields (`TOKEN`, `REFRESH_TOKEN`) found before anything is sent. */
  lintPasted(fields: Readonly<Record<string, string>>): ReadonlyArray<LintProblem>
  /**
   * The field values a health check sends instead of the account's own (the managed pair). Absent
   * when a check sends the account's own credentials and the account holds no pasted pair.
   */
  checkFields?(pair: { readonly accessToken: string; readonly refreshToken: string | null }): Readonly<Record<string, string>>
}

/**
 * The pair AuthDesk keeps fresh for an account: its values (secret, in the account's keychain
 * item under `tokens`, never in the account's TOKEN field) and what its claims say.
 */
import type { TokenLifecycle, TokenPairAnswer } from '../providers/token-lifecycle'
import type { TokenRecord } from './record-schema'

/** Names in the keychain item's `tokens` map. */
export const ACCESS_TOKEN = 'ACCESS_TOKEN'
export const REFRESH_TOKEN = 'REFRESH_TOKEN'

export interface ManagedPair {
  readonly jti: string
  readonly accessToken: string
  readonly refreshToken: string | null
  readonly refreshJti: string | null
  readonly scopes: ReadonlyArray<string>
  /** Provider clock. */
  readonly issuedAtMs: number
  readonly expiresAtMs: number
  readonly refreshExpiresAtMs: number | null
}

/**
 * Decodes a pair's claims; null when the access token has no jti or no expiry we can read
 * (`expiresAt`, from the token response, stands in for a missing `exp`).
 */
export function decodePair(lifecycle: TokenLifecycle, accessToken: string, refreshToken: string | null, expiresAt: string | null = null): ManagedPair | null {
  const claims = lifecycle.peekClaims(accessToken)
  const expiresAtMs = claims?.exp !== undefined ? claims.exp * 1000 : expiresAt === null ? NaN : Date.parse(expiresAt)
  if (!claims?.jti || !Number.isFinite(expiresAtMs)) return null
  const refresh = refreshToken === null ? null : lifecycle.peekClaims(refreshToken)
  return {
    jti: claims.jti,
    accessToken,
    refreshToken,
    refreshJti: refresh?.jti ?? null,
    scopes: claims.scopes ?? [],
    // Without iat the lifetime is unknown: assume SMSGate's default of 15 minutes.
    issuedAtMs: claims.iat !== undefined ? claims.iat * 1000 : expiresAtMs - 15 * 60_000,
    expiresAtMs,
    refreshExpiresAtMs: refresh?.exp !== undefined ? refresh.exp * 1000 : null,
  }
}

export const decodeAnswer = (lifecycle: TokenLifecycle, answer: TokenPairAnswer): ManagedPair | null => decodePair(lifecycle, answer.accessToken, answer.refreshToken, answer.expiresAt)

export function pairFromKeychain(lifecycle: TokenLifecycle, tokens: Readonly<Record<string, string>>): ManagedPair | null {
  const access = tokens[ACCESS_TOKEN]
  return access ? decodePair(lifecycle, access, tokens[REFRESH_TOKEN] ?? null) : null
}

const iso = (msValue: number): string => new Date(msValue).toISOString()

export function recordOf(pair: ManagedPair, origin: TokenRecord['origin'], ttlRequestedSeconds: number | null, parentJti: string | null): TokenRecord {
  return {
    jti: pair.jti,
    refreshJti: pair.refreshJti,
    parentJti,
    scopes: [...pair.scopes],
    origin,
    issuedAt: iso(pair.issuedAtMs),
    expiresAt: iso(pair.expiresAtMs),
    refreshExpiresAt: pair.refreshExpiresAtMs === null ? null : iso(pair.refreshExpiresAtMs),
    ttlRequestedSeconds,
    ttlGrantedSeconds: Math.round((pair.expiresAtMs - pair.issuedAtMs) / 1000),
    revokedAt: null,
    supersededAt: null,
  }
}

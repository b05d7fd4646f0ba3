/**
 * The pair AuthDesk keeps fresh for an account: its values (secret, in the account's keychain
 * item under `tokens`, never in the account's TOKEN field) and what its claims say.
 */
import type { TokenLifecycle, TokenPairAnswer } from '../providers/token-lifecycle'
import type { TokenFile, TokenRecord } from './record-schema'

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

/** What the token answer said, for a token whose claims cannot be read. */
interface AnswerFacts {
  readonly jti: string | null
  readonly expiresAtMs: number
  readonly issuedAtMs: number
  readonly scopes: ReadonlyArray<string>
}

/**
 * A pair from its tokens: their claims when readable (a JWT), else what the answer said. Null
 * when neither gives an id and an expiry.
 */
function decodePair(lifecycle: TokenLifecycle, accessToken: string, refreshToken: string | null, facts: AnswerFacts): ManagedPair | null {
  const claims = lifecycle.peekClaims(accessToken)
  const jti = claims?.jti ?? facts.jti
  const expiresAtMs = claims?.exp !== undefined ? claims.exp * 1000 : facts.expiresAtMs
  if (!jti || !Number.isFinite(expiresAtMs)) return null
  const refresh = refreshToken === null ? null : lifecycle.peekClaims(refreshToken)
  const issuedAtMs = claims?.iat !== undefined ? claims.iat * 1000 : facts.issuedAtMs
  return {
    jti,
    accessToken,
    refreshToken,
    refreshJti: refresh?.jti ?? null,
    scopes: claims?.scopes ?? facts.scopes,
    // Without iat the lifetime is unknown: assume SMSGate's default of 15 minutes.
    issuedAtMs: Number.isFinite(issuedAtMs) ? issuedAtMs : expiresAtMs - 15 * 60_000,
    expiresAtMs,
    refreshExpiresAtMs: refresh?.exp !== undefined ? refresh.exp * 1000 : null,
  }
}

const time = (value: string | null | undefined): number => (value ? Date.parse(value) : NaN)

export function decodeAnswer(lifecycle: TokenLifecycle, answer: TokenPairAnswer): ManagedPair | null {
  const facts = { jti: answer.jti || null, expiresAtMs: time(answer.expiresAt), issuedAtMs: time(answer.issuedAt), scopes: answer.scopes ?? [] }
  return decodePair(lifecycle, answer.accessToken, answer.refreshToken, facts)
}

/**
 * The pair in the keychain. An opaque token's id, times and scopes come from the record's current
 * token (its id is not kept in the keychain item, whose every value the scrubber treats as secret).
 */
export function pairFromKeychain(lifecycle: TokenLifecycle, tokens: Readonly<Record<string, string>>, file: TokenFile): ManagedPair | null {
  const access = tokens[ACCESS_TOKEN]
  if (!access) return null
  const id = file.current?.jti ?? null
  const record = id === null ? undefined : file.records.find((r) => r.jti === id)
  const facts = { jti: id, expiresAtMs: time(record?.expiresAt), issuedAtMs: time(record?.issuedAt), scopes: record?.scopes ?? [] }
  return decodePair(lifecycle, access, tokens[REFRESH_TOKEN] ?? null, facts)
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

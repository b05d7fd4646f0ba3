/**
 * The simulator's `tokens` table and the server's token-pair minting (dossier §4, server
 * `jwt/service.go` + `jwt/repository.go`): access and refresh tokens are rows with a jti, an
 * owner, an expiry and a revocation mark; a refresh token's parent is its access token's jti.
 */
import { randomBytes } from 'node:crypto'
import { signHs256 } from './jwt'
import { SCOPE_TOKENS_REFRESH } from './scopes'

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** A 21-character nanoid (the server's jti and message id format). */
export function newId(length = 21): string {
  return Array.from(randomBytes(length), (byte) => ID_ALPHABET[byte & 63]).join('')
}

export interface JwtConfig {
  readonly secret: string
  readonly issuer: string
}

export type TokenUse = 'access' | 'refresh'

interface TokenRow {
  readonly jti: string
  readonly userId: string
  readonly use: TokenUse
  readonly parentJti: string | null
  readonly expiresAtMs: number
  revoked: boolean
}

export interface IssuedPair {
  /** The access token's jti (the `id` of the token response). */
  readonly id: string
  readonly accessToken: string
  /** null when the server runs without refresh tokens (the pre-2026-03 behaviour). */
  readonly refreshToken: string | null
  readonly refreshJti: string | null
  /** Seconds since the epoch. */
  readonly expiresAt: number
}

export interface PairRequest {
  readonly userId: string
  readonly scopes: ReadonlyArray<string>
  readonly nowMs: number
  /** Already defaulted and capped by the caller. */
  readonly accessTtlSeconds: number
  /** null: issue no refresh token. */
  readonly refreshTtlSeconds: number | null
}

export type RotateOutcome = 'rotated' | 'unknown' | 'replay' | 'expired'

export interface TokenStore {
  /** Unknown jtis count as not revoked, as the server's `count(revoked_at is not null)` query does. */
  isRevoked(jti: string): boolean
  /** Revokes the token and any refresh token whose parent it is, for this owner only. */
  revoke(jti: string, userId: string): void
  issue(config: JwtConfig, request: PairRequest): IssuedPair
  /** Marks the refresh token used and stores the next pair, or says why it cannot. */
  rotate(config: JwtConfig, refreshJti: string, request: PairRequest): { outcome: RotateOutcome; pair: IssuedPair | null }
  clear(): void
}

/** Claims in golang-jwt's field order: registered claims first, then `user_id`, `scopes`. */
function claims(config: JwtConfig, jti: string, request: PairRequest, scopes: ReadonlyArray<string>, ttl: number) {
  const iat = Math.floor(request.nowMs / 1000)
  return { iss: config.issuer, sub: request.userId, exp: iat + ttl, iat, jti, user_id: request.userId, scopes }
}

function mint(config: JwtConfig, request: PairRequest): { pair: IssuedPair; rows: ReadonlyArray<TokenRow> } {
  const access = claims(config, newId(), request, request.scopes, request.accessTtlSeconds)
  const rows: TokenRow[] = [
    { jti: access.jti, userId: request.userId, use: 'access', parentJti: null, expiresAtMs: access.exp * 1000, revoked: false },
  ]
  let refreshToken: string | null = null
  let refreshJti: string | null = null
  if (request.refreshTtlSeconds !== null) {
    const refresh = claims(config, newId(), request, [SCOPE_TOKENS_REFRESH], request.refreshTtlSeconds)
    refreshToken = signHs256({ ...refresh, original_scopes: request.scopes }, config.secret)
    refreshJti = refresh.jti
    rows.push({ jti: refresh.jti, userId: request.userId, use: 'refresh', parentJti: access.jti, expiresAtMs: refresh.exp * 1000, revoked: false })
  }
  const pair = { id: access.jti, accessToken: signHs256(access, config.secret), refreshToken, refreshJti, expiresAt: access.exp }
  return { pair, rows }
}

export function createTokenStore(): TokenStore {
  const rows = new Map<string, TokenRow>()
  const insert = (list: ReadonlyArray<TokenRow>): void => list.forEach((row) => rows.set(row.jti, row))

  return {
    isRevoked: (jti) => rows.get(jti)?.revoked ?? false,
    revoke(jti, userId) {
      for (const row of rows.values()) {
        if (row.userId === userId && (row.jti === jti || row.parentJti === jti)) row.revoked = true
      }
    },
    issue(config, request) {
      const { pair, rows: minted } = mint(config, request)
      insert(minted)
      return pair
    },
    rotate(config, refreshJti, request) {
      const current = rows.get(refreshJti)
      if (current === undefined || current.use !== 'refresh') return { outcome: 'unknown', pair: null }
      if (current.revoked) return { outcome: 'replay', pair: null }
      if (current.expiresAtMs < request.nowMs) return { outcome: 'expired', pair: null }
      current.revoked = true
      const { pair, rows: minted } = mint(config, request)
      insert(minted)
      return { outcome: 'rotated', pair }
    },
    clear: () => rows.clear(),
  }
}

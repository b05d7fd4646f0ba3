/**
 * Token lifecycle and due dates as the renderer sees them: times, scopes and the local record
 * of issued tokens (SMSGate keeps no list of its own). Pure types; never a token value.
 */
import type { CauseCode } from './causes'
import type { ProviderId } from './model'

/** How a pair came to be: issued with Basic, rotated by a refresh, re-issued after a dead refresh token, adopted from a pasted pair, or minted for someone else (`authdesk tokens issue --print`). */
export const TOKEN_ORIGINS = ['issued', 'refreshed', 'reissued', 'adopted', 'detached'] as const
export type TokenOrigin = (typeof TOKEN_ORIGINS)[number]

export type TokenRecordStatus = 'current' | 'active' | 'superseded' | 'expired' | 'revoked'

/** One token AuthDesk issued or obtained: identifiers and times only. */
export interface TokenRecordView {
  /** The access token's jti (SMSGate's token id). */
  readonly jti: string
  readonly scopes: ReadonlyArray<string>
  readonly origin: TokenOrigin
  readonly issuedAt: string
  readonly expiresAt: string
  /** When its refresh token stops working; null when it has none. */
  readonly refreshExpiresAt: string | null
  readonly ttlRequestedSeconds: number | null
  readonly ttlGrantedSeconds: number
  readonly revokedAt: string | null
  /** A refresh replaced it: its refresh token is spent, its access token lives until it expires. */
  readonly supersededAt: string | null
  readonly status: TokenRecordStatus
}

/** `none`: no AuthDesk-managed pair; `failing`: refreshing it failed (see `failure`). */
export type TokenStatus = 'none' | 'active' | 'expired' | 'revoked' | 'failing'

export interface TokenFailure {
  readonly cause: CauseCode
  readonly message: string
  readonly at: string
  /** No automatic retry will help (e.g. refresh token spent and no Basic credentials). */
  readonly definitive: boolean
}

export interface TokenState {
  readonly accountId: string
  readonly provider: ProviderId
  readonly status: TokenStatus
  /** The managed pair's jti. */
  readonly jti: string | null
  readonly scopes: ReadonlyArray<string>
  /** When the managed access token expires, by the local clock (its `exp` corrected for the provider's clock skew). */
  readonly expiresAt: string | null
  /** When AuthDesk will refresh it (local clock, corrected for the provider's clock skew). */
  readonly refreshAt: string | null
  /** AuthDesk can renew it: it has a refresh token, or the account has Basic credentials to re-issue. */
  readonly refreshable: boolean
  readonly lastRefresh: { readonly at: string; readonly outcome: 'refreshed' | 'reissued' | 'adopted' } | null
  /** The next retry after failed refreshes (backoff with jitter). */
  readonly nextAttemptAt: string | null
  readonly failure: TokenFailure | null
  /** The account has USERNAME and PASSWORD, so tokens can be issued and revoked. */
  readonly canIssue: boolean
  /** Provider clock minus local clock, as measured on token answers. */
  readonly clockSkewMs: number | null
  /** Newest first. */
  readonly records: ReadonlyArray<TokenRecordView>
  /** E.g. "The server capped the TTL to 900 s (asked 3600 s)." */
  readonly warnings: ReadonlyArray<string>
}

/** A deadline the dashboard counts down to. */
export interface Deadline {
  readonly kind: 'token-expiry' | 'token-refresh' | 'rotation-due'
  readonly at: string
}

/** Per account: token times (SMSGate) and the credential rotation due date (every provider). */
export interface AccountDeadlines {
  readonly accountId: string
  readonly provider: ProviderId
  readonly tokenExpiresAt: string | null
  readonly tokenRefreshAt: string | null
  readonly tokenRefreshable: boolean
  readonly lastRotatedAt: string | null
  /** `lastRotatedAt` (or creation) plus the rotation policy. */
  readonly rotationDueAt: string
  readonly rotationPolicyDays: number
  /** The one to show: the token's when there is one, else the rotation. */
  readonly next: Deadline
}

export type KeyRotationOutcome = 'rotated' | 'pending-promoted' | 'kept-old' | 'failed'

/** Authmatech in-app key rotation. */
export interface KeyRotationResult {
  readonly accountId: string
  /** rotated: new key verified and saved, old one forgotten; pending-promoted: a key from an earlier rotation now verified; kept-old: the new key could not be verified, both are kept; failed: nothing changed. */
  readonly outcome: KeyRotationOutcome
  readonly cause: CauseCode
  readonly message: string
  /** A rotated key waits in the keychain for verification. */
  readonly pendingKey: boolean
  readonly lastRotatedAt: string | null
}

/** For a desktop notification (`tokens:notify`; main shows it like `fleet:notify`); never a secret. */
export interface TokenNotice {
  readonly id: string
  readonly kind: 'token.refresh_failed' | 'token.expiring' | 'token.expired'
  readonly accountId: string
  readonly title: string
  readonly body: string
  readonly at: string
}

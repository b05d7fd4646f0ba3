/**
 * The local record of an account's tokens (SMSGate has no list endpoint, so this is the only
 * list): one JSON file per account, non-secret — jtis, scopes, times, revocations, the
 * refresh schedule's inputs and the last failure. The token values live in the keychain item.
 */
import { z } from 'zod'
import { CAUSE_CODES, type CauseCode } from '../../shared/causes'
import { TOKEN_ORIGINS } from '../../shared/tokens'

const iso = z.string().max(40)
const cause = z.custom<CauseCode>((value) => typeof value === 'string' && (CAUSE_CODES as ReadonlyArray<string>).includes(value))

const recordSchema = z.object({
  jti: z.string().max(128),
  /** The refresh token's jti (decoded), so a revoke can be matched to it. */
  refreshJti: z.string().max(128).nullable(),
  /** The pair a refresh replaced. */
  parentJti: z.string().max(128).nullable(),
  scopes: z.array(z.string().max(100)).max(50),
  origin: z.enum(TOKEN_ORIGINS),
  /** Provider clock (`iat`, `exp`). */
  issuedAt: iso,
  expiresAt: iso,
  refreshExpiresAt: iso.nullable(),
  ttlRequestedSeconds: z.number().int().nonnegative().nullable(),
  ttlGrantedSeconds: z.number().int(),
  revokedAt: iso.nullable(),
  supersededAt: iso.nullable(),
})
export type TokenRecord = z.infer<typeof recordSchema>

const fileSchema = z.object({
  v: z.literal(1),
  accountId: z.string().max(64),
  /** The managed pair (its values are in the keychain). `adopted`: it grew from a pair the user pasted, whose TOKEN fingerprint is kept. */
  current: z.object({ jti: z.string().max(128), basis: z.enum(['issued', 'adopted']), adoptedFingerprint: z.string().max(128).nullable() }).nullable(),
  /** The TTL asked when the lineage was issued (refreshes get the server's default). */
  ttlRequestedSeconds: z.number().int().nonnegative().nullable(),
  /** Provider clock minus local clock, last measured on a token answer. */
  skewMs: z.number().nullable(),
  lastRefresh: z.object({ at: iso, outcome: z.enum(['refreshed', 'reissued', 'adopted']) }).nullable(),
  failure: z.object({ cause, message: z.string().max(1000), at: iso, definitive: z.boolean() }).nullable(),
  /** Consecutive failed attempts, for the backoff. */
  failures: z.number().int().nonnegative(),
  nextAttemptAt: iso.nullable(),
  /** A notification was shown for the current failure streak. */
  notifiedAt: iso.nullable(),
  records: z.array(recordSchema).max(1000),
})
export type TokenFile = z.infer<typeof fileSchema>

export function emptyTokenFile(accountId: string): TokenFile {
  return {
    v: 1,
    accountId,
    current: null,
    ttlRequestedSeconds: null,
    skewMs: null,
    lastRefresh: null,
    failure: null,
    failures: 0,
    nextAttemptAt: null,
    notifiedAt: null,
    records: [],
  }
}

export function parseTokenFile(value: unknown): TokenFile | null {
  const parsed = fileSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

export const ms = (time: string | null): number => (time === null ? NaN : Date.parse(time))

/** Something could still authenticate with it: its access token, or its unspent refresh token. */
export function mayStillWork(record: TokenRecord, nowMs: number): boolean {
  if (record.revokedAt !== null) return false
  if (nowMs < ms(record.expiresAt)) return true
  return record.refreshJti !== null && record.supersededAt === null && (record.refreshExpiresAt === null || nowMs < ms(record.refreshExpiresAt))
}

/** Dead tokens kept for the history shown to the user; live ones are always kept. */
export const DEAD_RECORDS_KEPT = 20
export const LIVE_RECORDS_KEPT = 200

/** Drops the oldest dead records (newest first in the result). */
export function prune(file: TokenFile, nowMs: number): TokenFile {
  const newest = [...file.records].sort((a, b) => ms(b.issuedAt) - ms(a.issuedAt))
  const keep = (r: TokenRecord): boolean => r.jti === file.current?.jti || mayStillWork(r, nowMs)
  const live = newest.filter(keep).slice(0, LIVE_RECORDS_KEPT)
  const dead = newest.filter((r) => !keep(r)).slice(0, DEAD_RECORDS_KEPT)
  const kept = new Set([...live, ...dead])
  return { ...file, records: newest.filter((r) => kept.has(r)) }
}

/**
 * Refreshing a managed pair: when the timer says so, when a caller needs the token past its
 * refresh time, or when the user asks. One refresh in flight per account whoever asks; a
 * refresh token refused (replayed, or spent by a refresh whose answer was lost), or none at
 * all (OAuth client credentials), leads to a re-issue with the account's issuing credentials
 * when it has them; other failures back off with jitter.
 */
import { stateOf, type CauseCode } from '../../shared/causes'
import type { AccountView } from '../../shared/model'
import { AppError } from '../errors'
import type { ManagedPair } from './managed-pair'
import { failureNotice } from './notices'
import { ms, type TokenFile, type TokenRecord } from './record-schema'
import { backoffMs, isUsable, refreshAtMs, usableUntilMs } from './timing'
import type { Slot, TokenManager } from './token-manager'
import { adoptPasted } from './token-adopt'
import { canIssue, issuerFieldsText, requireTokenLifecycle } from './token-capability'
import { currentRecord, hasLiveRefresh, nextEventAt, timesOf } from './token-state'

/** Transient failures in a row before the user is told (a definitive one is told at once). */
export const NOTIFY_AFTER_FAILURES = 3

const iso = (value: number): string => new Date(value).toISOString()

function failureError(file: TokenFile): AppError {
  return file.failure ? new AppError(file.failure.cause, file.failure.message) : new AppError('token.expired', 'The token has expired and could not be renewed.')
}

/** Records a failed attempt (backoff, notification) and throws it. */
/** `attempted`: false when nothing was tried because nothing can renew the pair (the user is told it will expire). */
async function fail(m: TokenManager, slot: Slot, account: AccountView, cause: CauseCode, message: string, definitive: boolean, attempted = true): Promise<never> {
  const now = m.now()
  const file = slot.file
  const record = currentRecord(file)
  const failures = file.failures + 1
  let next: number | null = null
  if (!definitive) {
    next = now + backoffMs(failures, m.options.random)
    // While the token still works, one more try before it stops.
    const lastChance = record ? usableUntilMs(timesOf(record), file.skewMs) - 1_000 : -Infinity
    if (lastChance > now) next = Math.min(next, lastChance)
  }
  const usable = record !== null && isUsable(timesOf(record), file.skewMs, now)
  const notify = file.notifiedAt === null && (definitive || failures >= NOTIFY_AFTER_FAILURES || !usable)
  const at = iso(now)
  const failure = { cause, message, at, definitive }
  slot.file = { ...file, failure, failures, nextAttemptAt: next === null ? null : iso(next), notifiedAt: notify ? at : file.notifiedAt }
  await m.write(slot)
  m.schedule(slot)
  m.emit(slot)
  if (notify && record) m.options.events.notify(failureNotice(account, record, failure, attempted, file.skewMs, now))
  throw new AppError(cause, message)
}

type Renewed = { readonly pair: ManagedPair; readonly outcome: 'refreshed' | 'reissued' }

async function renew(m: TokenManager, slot: Slot, account: AccountView, pair: ManagedPair, record: TokenRecord): Promise<Renewed> {
  const deps = await m.apiDeps(account)
  const ttlRequested = slot.file.ttlRequestedSeconds
  let reason = 'The token has no refresh token.'
  let attempted = false
  if (pair.refreshToken !== null && hasLiveRefresh(record, m.now())) {
    attempted = true
    const answer = await requireTokenLifecycle(account).refresh(deps, pair.refreshToken)
    if (answer.ok) {
      const current = slot.file.current!
      const how = { origin: 'refreshed', parent: pair, ttlRequested, basis: current.basis, adoptedFingerprint: current.adoptedFingerprint } as const
      return { pair: await m.persist(slot, answer, how), outcome: 'refreshed' }
    }
    if (answer.cause !== 'token.refresh_failed') return fail(m, slot, account, answer.cause, answer.summary, stateOf(answer.cause) !== 'unknown')
    reason = answer.summary
    // Spent or refused: a retry goes straight to re-issuing.
    slot.file = { ...slot.file, records: slot.file.records.map((r) => (r.jti === record.jti ? { ...r, supersededAt: r.supersededAt ?? iso(m.now()) } : r)) }
  } else if (pair.refreshToken !== null) {
    reason = 'Its refresh token has expired or was refused before.'
  }
  const lifecycle = requireTokenLifecycle(account)
  const needs = issuerFieldsText(lifecycle)
  if (!canIssue(account)) return fail(m, slot, account, 'token.refresh_failed', `${reason} The account has no ${needs} to issue a new one.`, true, attempted)
  const { secrets } = await m.options.vault.readSecrets(account.id, 'token re-issue')
  const grant = lifecycle.issuerGrant({ ...account.fields, ...secrets })
  if (!grant) return fail(m, slot, account, 'credentials.missing', `The account’s ${needs} are not all in the keychain any more: enter them again.`, true)
  grant.secretForms.forEach((form) => m.options.scrubber.remember(form))
  const issued = await lifecycle.issue(deps, grant, { scopes: record.scopes, ttlSeconds: ttlRequested })
  if (!issued.ok) {
    const message = `${reason} Re-issuing with the ${needs} failed too: ${issued.summary}`
    return fail(m, slot, account, issued.cause, message, stateOf(issued.cause) !== 'unknown')
  }
  const how = { origin: 'reissued', parent: pair, ttlRequested, basis: 'issued', adoptedFingerprint: null } as const
  return { pair: await m.persist(slot, issued, how), outcome: 'reissued' }
}

async function runRefresh(m: TokenManager, slot: Slot, force: boolean): Promise<ManagedPair> {
  const id = slot.file.accountId
  const account = await m.account(id)
  const pair = await m.loadPair(slot)
  const record = currentRecord(slot.file)
  if (!pair || !record) return adoptPasted(m, slot, account)
  if (record.revokedAt !== null) throw new AppError('token.rejected', `The token ${record.jti} was revoked: issue a new one.`)
  const dueAt = nextEventAt(slot.file)
  const startedAt = m.now()
  if (!force) {
    // Refreshed meanwhile (by another caller or process), or refreshing cannot help.
    if (dueAt === null) throw failureError(slot.file)
    if (startedAt < dueAt) {
      m.schedule(slot)
      return pair
    }
  }
  const observe = (outcome: 'refreshed' | 'reissued' | 'failed'): void =>
    m.options.events.observed?.({ accountId: id, plannedAtMs: force ? null : dueAt, startedAtMs: startedAt, finishedAtMs: m.now(), outcome })
  try {
    const renewed = await renew(m, slot, account, pair, record)
    observe(renewed.outcome)
    return renewed.pair
  } catch (error) {
    observe('failed')
    throw error
  }
}

/** Refreshes now if it is due (or `force`); joins a refresh already in flight for the account. */
export async function refreshNow(m: TokenManager, id: string, force = false): Promise<ManagedPair> {
  const slot = await m.slot(id)
  if (slot.inflight) return slot.inflight
  const run = m.exclusive(slot, () => runRefresh(m, slot, force))
  slot.inflight = run
  const clear = (): void => {
    if (slot.inflight === run) slot.inflight = null
  }
  run.then(clear, clear)
  return run
}

/**
 * The managed pair, refreshed first when its time has come. Never returns a token that
 * expires within MIN_REMAINING_MS: it throws instead, so no request leaves with it.
 */
export async function ensureFresh(m: TokenManager, id: string): Promise<ManagedPair> {
  const slot = await m.slot(id)
  if (slot.inflight) await slot.inflight.catch(() => undefined)
  const pair = await m.loadPair(slot)
  const record = currentRecord(slot.file)
  if (!pair || !record) throw new AppError('tokens.none', 'This account has no token issued by AuthDesk: issue one first.')
  if (record.revokedAt !== null) throw new AppError('token.rejected', `The token ${record.jti} was revoked: issue a new one.`)
  const { file } = slot
  const now = m.now()
  if (now < refreshAtMs(timesOf(record), file.skewMs)) return pair
  const waiting = file.failure?.definitive === true || (file.nextAttemptAt !== null && now < ms(file.nextAttemptAt))
  // A failed refresh is recorded; the old token may still do until it expires.
  if (!waiting) await refreshNow(m, id).catch(() => undefined)
  const latest = currentRecord(slot.file)
  if (slot.pair && latest && latest.revokedAt === null && isUsable(timesOf(latest), slot.file.skewMs, m.now())) return slot.pair
  throw failureError(slot.file)
}

/** The timer's work for one account. */
export const refreshWhenDue = (m: TokenManager, id: string): Promise<ManagedPair> => refreshNow(m, id)

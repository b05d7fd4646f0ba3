/**
 * When an account is due again, from its history alone (so a restart changes nothing): the
 * regular interval after a check that worked, a growing backoff after failing or unknown
 * ones, never past the interval, never before a Retry-After. Jitter only ever shortens a
 * delay; it comes from a hash of the account and the check, so it is the same every time it
 * is computed, and accounts imported together do not stay in lockstep.
 */
import type { Diagnosis } from '../../shared/diagnosis'

export interface SchedulePolicy {
  readonly intervalMs: number
  /** Delays after the 1st, 2nd, 3rd… consecutive failing/unknown check; the last one repeats. */
  readonly backoffMs: ReadonlyArray<number>
  /** Largest share of a delay that jitter takes off (0.1: up to 10 % sooner). */
  readonly jitter: number
}

const MINUTE = 60_000
export const DEFAULT_INTERVAL_MS = 6 * 60 * MINUTE

export const DEFAULT_POLICY: SchedulePolicy = {
  intervalMs: DEFAULT_INTERVAL_MS,
  backoffMs: [5 * MINUTE, 15 * MINUTE, 60 * MINUTE],
  jitter: 0.1,
}

/** The check says the credential works: the regular interval applies. */
export function worked(diagnosis: Diagnosis): boolean {
  return diagnosis.state === 'healthy' || diagnosis.state === 'degraded'
}

/** Failing or unknown checks in a row, newest first. */
export function retryStepOf(history: ReadonlyArray<Diagnosis>): number {
  const index = history.findIndex(worked)
  return index === -1 ? history.length : index
}

/** A stable number in [0, 1) for a string (FNV-1a). */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) / 2 ** 32
}

/** Base delay for a retry step (0: the interval), before jitter. */
export function baseDelay(step: number, policy: SchedulePolicy): number {
  if (step <= 0 || policy.backoffMs.length === 0) return policy.intervalMs
  return Math.min(policy.intervalMs, policy.backoffMs[Math.min(step, policy.backoffMs.length) - 1]!)
}

export function delayAfter(step: number, policy: SchedulePolicy, seed: string): number {
  return Math.round(baseDelay(step, policy) * (1 - policy.jitter * unitHash(seed)))
}

/** What scheduling needs of a check. */
export interface LastCheck {
  readonly checkedAt: string
  /** The provider asked to wait this long (Retry-After). */
  readonly retryAfterMs?: number
}

export const lastCheckOf = (diagnosis: Diagnosis): LastCheck => ({ checkedAt: diagnosis.checkedAt, retryAfterMs: diagnosis.evidence.retryAfterMs })

/** When the account is due, given its newest check (null: never checked, due now) and the retry step it left. */
export function dueAt(id: string, last: LastCheck | null, step: number, policy: SchedulePolicy): number {
  const checkedAt = last ? Date.parse(last.checkedAt) : Number.NaN
  if (!last || Number.isNaN(checkedAt)) return Number.NEGATIVE_INFINITY
  const delay = delayAfter(step, policy, `${id}|${last.checkedAt}`)
  return checkedAt + Math.max(delay, last.retryAfterMs ?? 0)
}

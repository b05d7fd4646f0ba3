import type { CauseCode } from '@shared/causes'
import type { HealthState } from '@shared/model'

/**
 * What the dashboard shows about one account's last check, derived from the shared
 * `AccountHealth` (its newest diagnosis). Without one every account is `unchecked`.
 */
export interface HealthSummary {
  readonly state: HealthState
  readonly cause: CauseCode | null
  /** A few words for the list, e.g. the cause's title ("Wrong domain"). */
  readonly summary: string
  /** The full sentence (the diagnosis summary, or why the account is not checked), for tooltips and search. */
  readonly detail?: string
  readonly checkedAt: string | null
  /** When a check last passed (null: never), so the longest broken can be shown first. */
  readonly lastHealthyAt?: string | null
  /** A check of this account is running now. */
  readonly checking?: boolean
}

/** A deadline shown as a ticking countdown on the dashboard and in the account detail. */
export interface CountdownTarget {
  readonly kind: 'token-expiry' | 'token-refresh' | 'rotation-due'
  /** ISO time the countdown reaches zero. */
  readonly at: string
}

export const COUNTDOWN_LABELS: Readonly<Record<CountdownTarget['kind'], string>> = {
  'token-expiry': 'Token expires',
  'token-refresh': 'Token refresh',
  'rotation-due': 'Rotation due',
}

/** How near a deadline is: amber within a week (a day for tokens), red once a day (an hour) or less is left, or past. */
export function deadlineUrgency(target: CountdownTarget, now: number): 'ok' | 'soon' | 'due' {
  const left = Date.parse(target.at) - now
  const hour = 3_600_000
  const [soon, due] = target.kind === 'rotation-due' ? [7 * 24 * hour, 24 * hour] : [24 * hour, hour]
  return left <= due ? 'due' : left <= soon ? 'soon' : 'ok'
}

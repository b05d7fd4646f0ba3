import type { CauseCode } from '../../../shared/causes'
import type { HealthState } from '../../../shared/model'

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

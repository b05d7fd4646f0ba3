import type { CauseCode } from '../../../shared/causes'
import type { HealthState } from '../../../shared/model'

/**
 * What the dashboard shows about one account's last check, derived from the shared
 * `AccountHealth` (its newest diagnosis). Without one every account is `unchecked`.
 */
export interface HealthSummary {
  readonly state: HealthState
  readonly cause: CauseCode | null
  /** One line for people, e.g. the diagnosis summary. */
  readonly summary: string
  readonly checkedAt: string | null
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

import type { Diagnosis } from './diagnosis'

/** An account's health as the dashboard shows it. */
export interface AccountHealth {
  readonly id: string
  /** The newest diagnosis; null when the account was never checked (state `unchecked`). */
  readonly latest: Diagnosis | null
  /** When it last authenticated: the newest `healthy` check, if any is in the history. */
  readonly lastHealthyAt: string | null
  readonly lastCheckedAt: string | null
}

/** Progress of one "check all" run, sent after every account. */
export interface CheckProgress {
  readonly runId: string
  readonly total: number
  readonly done: number
  /** Checks that could not run at all (e.g. the secret is unreadable), not failing credentials. */
  readonly failed: number
  readonly finished: boolean
  readonly cancelled: boolean
}

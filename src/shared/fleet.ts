/**
 * Background re-checks of the whole fleet (core/health/scheduler.ts): settings, what the
 * scheduler says about each account, its progress and the notifications it raises. Nothing
 * here carries a secret.
 */
import { z } from 'zod'
import type { AccountHealth, CheckProgress } from './health'
import type { HealthState, ProviderId } from './model'

/** Why an account is not being checked now: it shows as `unchecked` with this reason. */
export const BLOCKED_CODES = [
  // A secret read failed at run time (typically a locked keychain); all keychain accounts wait.
  'keychain.locked',
  // This session has no keychain and the account's secrets live there.
  'keychain.unavailable',
  // The account's secrets are gone (deleted item, or session-only in an earlier session).
  'secrets.missing',
  // Its check may be charged (Groupcall's reserved-number send) and the owner did not allow that in the background.
  'checks.billable',
] as const
export type BlockedCode = (typeof BLOCKED_CODES)[number]

export interface BlockedReason {
  readonly code: BlockedCode
  /** For people; names the fix. */
  readonly message: string
  readonly since: string
}

/** What the scheduler plans for one account. */
export interface AccountSchedule {
  /** When the next background check is due; null while blocked or when background checks are off. */
  readonly nextCheckAt: string | null
  /** Set while the account cannot be checked: show it as `unchecked` with this reason. */
  readonly blocked: BlockedReason | null
  /** Consecutive failing/unknown checks (0: the regular interval applies, else the backoff step). */
  readonly retryStep: number
}

/**
 * `health:list` and `health:changed` carry this (additive: `schedule` is absent where no
 * scheduler runs, e.g. the CLI). The state to show is `unchecked` while `schedule.blocked` is
 * set, else `latest?.state ?? 'unchecked'`.
 */
export type ScheduledHealth = AccountHealth & { readonly schedule?: AccountSchedule }

export function displayedState(health: ScheduledHealth): HealthState {
  // An account left out of background checks by choice still shows its last (manual) check.
  const blocked = health.schedule?.blocked
  return blocked && blocked.code !== 'checks.billable' ? 'unchecked' : (health.latest?.state ?? 'unchecked')
}

export interface FleetSettings {
  readonly enabled: boolean
  /** Regular re-check interval; failures are retried sooner, with backoff, never later than this. */
  readonly intervalMinutes: number
  /** Desktop notifications when an account starts failing or works again. */
  readonly notifications: boolean
}

export const FLEET_INTERVAL_LIMITS = { min: 15, max: 7 * 24 * 60 } as const

/** A change of settings (`fleet:configure`); absent keys stay as they are. */
export const fleetSettingsPatch = z
  .object({
    enabled: z.boolean().optional(),
    intervalMinutes: z.number().int().min(FLEET_INTERVAL_LIMITS.min).max(FLEET_INTERVAL_LIMITS.max).optional(),
    notifications: z.boolean().optional(),
  })
  .strict()

export type FleetSettingsPatch = z.infer<typeof fleetSettingsPatch>

/** One background round: the accounts that came due together, checked within the limits. */
export interface FleetProgress extends CheckProgress {
  /** What started the round: the timer, or the app's start, a wake-up or an unlock (overdue accounts, once each). */
  readonly trigger: 'schedule' | 'resume'
}

export interface ProviderLoad {
  readonly provider: ProviderId
  readonly running: number
  /** Accounts due now and waiting for a slot or for the request budget. */
  readonly waiting: number
  /** The provider asked to wait (429/503 with Retry-After): nothing is sent before this. */
  readonly heldUntil: string | null
}

export interface FleetStatus {
  readonly settings: FleetSettings
  /** False where no scheduler runs (CLI, tests): the settings are kept but nothing is scheduled. */
  readonly active: boolean
  /** Everything waits: the machine sleeps, or the keychain is locked. */
  readonly paused: { readonly reason: 'suspended' | BlockedCode; readonly message: string } | null
  readonly nextCheckAt: string | null
  readonly round: FleetProgress | null
  readonly providers: ReadonlyArray<ProviderLoad>
}

/** A desktop notification, raised once per state change found by a background check. */
export interface FleetNotice {
  readonly id: string
  readonly title: string
  readonly body: string
  readonly accountIds: ReadonlyArray<string>
  readonly kind: 'failing' | 'recovered' | 'mixed'
}

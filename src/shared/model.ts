/** Domain model shared by core, main, preload and renderer. Pure types, no runtime imports. */

export const PROVIDER_IDS = ['groupcall', 'nmbrs', 'smsgate', 'authmatech'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

export const HEALTH_STATES = ['healthy', 'degraded', 'failing', 'unknown', 'unchecked'] as const
export type HealthState = (typeof HEALTH_STATES)[number]

export const ENVIRONMENTS = ['production', 'sandbox', 'test'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

/** What the renderer may know about a secret field: never the value. */
export interface SecretFieldView {
  readonly set: boolean
  /** Keyed hash, stable per install, not reversible. */
  readonly fingerprint: string | null
  /** At most the last 4 characters, the rest masked. */
  readonly maskedTail: string | null
}

export interface AccountView {
  readonly id: string
  readonly label: string
  readonly provider: ProviderId
  readonly environment: Environment
  readonly baseUrl: string | null
  /** Non-secret provider fields (e.g. Nmbrs username, domain). */
  readonly fields: Readonly<Record<string, string>>
  readonly secrets: Readonly<Record<string, SecretFieldView>>
  readonly scopes: ReadonlyArray<string>
  readonly notes: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly lastRotatedAt: string | null
  /** Visible problems found on load (e.g. secret missing from the keychain). */
  readonly problems: ReadonlyArray<string>
}

export type SecretBackendKind = 'keychain' | 'memory'

export interface SecretStorageStatus {
  readonly backend: SecretBackendKind
  /** Whether secrets survive a restart. */
  readonly persistent: boolean
  /** Why this backend is active, in words a user can act on. */
  readonly reason: string
  /** How to get the keychain back, when it is not in use. */
  readonly hint: string | null
}

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly platform: string
  readonly electron: string | null
  readonly node: string
  readonly secretStorage: SecretStorageStatus
}

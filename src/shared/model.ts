/** Domain model shared by core, main, preload and renderer. Pure types, no runtime imports. */

/** The built-in providers (src/core/providers/<id>/), in the registry's order. */
export const PROVIDER_IDS = ['groupcall', 'nmbrs', 'smsgate', 'authmatech'] as const
export type BuiltInProviderId = (typeof PROVIDER_IDS)[number]
/** A built-in provider's id, or a custom definition's (lower-case words joined by dashes). */
export type ProviderId = string
export const PROVIDER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/

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

/**
 * Where an account's secrets are this session: `keychain`; `session` (in memory only, lost
 * on quit, because no keychain was usable); `missing` (the keychain item is gone, or they
 * were session-only in an earlier session); `unavailable` (they are in the keychain, which
 * this session cannot reach); `none` (no secret field is set).
 */
export type SecretsStatus = 'keychain' | 'session' | 'missing' | 'unavailable' | 'none'

export const ACCOUNT_PROBLEM_CODES = [
  'secret.missing',
  'secret.unavailable',
  'secret.session-only',
  'secret.session-ended',
  'metadata.recovered',
  'fields.incomplete',
  'secret.address-changed',
] as const
export type AccountProblemCode = (typeof ACCOUNT_PROBLEM_CODES)[number]

/** A visible problem on one account, with what to do about it. Never contains a secret. */
export interface AccountProblem {
  readonly code: AccountProblemCode
  readonly message: string
}

export interface AccountView {
  readonly id: string
  readonly label: string
  readonly provider: ProviderId
  readonly environment: Environment
  /** A custom base URL saved on the account; null means the environment's default. */
  readonly baseUrl: string | null
  /** The base URL's host is not one of the provider's; the user confirmed it at this time. */
  readonly baseUrlConfirmedAt: string | null
  /** Non-secret provider fields (e.g. Nmbrs USERNAME, DOMAIN), by convention name. */
  readonly fields: Readonly<Record<string, string>>
  /** Secret fields that are set, by convention name. */
  readonly secrets: Readonly<Record<string, SecretFieldView>>
  readonly scopes: ReadonlyArray<string>
  readonly notes: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly lastRotatedAt: string | null
  readonly secretsStatus: SecretsStatus
  /** Visible problems (e.g. secret missing from the keychain, recovered from the keychain). */
  readonly problems: ReadonlyArray<AccountProblem>
}

export const VAULT_NOTICE_CODES = [
  'metadata.restored-from-backup',
  'metadata.unreadable',
  'keychain.migrated',
  'keychain.save-completed',
  'keychain.items-unclaimed',
  'keychain.item-unreadable',
  'keychain.address-bound',
  'metadata.address-mismatch',
] as const
export type VaultNoticeCode = (typeof VAULT_NOTICE_CODES)[number]

/** Something the vault found and handled (or could not) when it loaded. */
export interface VaultNotice {
  readonly code: VaultNoticeCode
  readonly message: string
  readonly at: string
}

export interface VaultStatus {
  readonly storage: SecretStorageStatus
  /** False when the account file and its backup are both unreadable; nothing is written then. */
  readonly writable: boolean
  readonly notices: ReadonlyArray<VaultNotice>
}

export type ImportAction = 'create' | 'replace' | 'skip' | 'invalid'

/** One account found in an import file, as it would be saved; secrets appear only masked. */
export interface ImportCandidateView {
  /** The variable prefix, e.g. `PROD_NMBRS`; becomes the account label. */
  readonly name: string
  readonly provider: ProviderId
  readonly environment: Environment
  readonly baseUrl: string | null
  /** The base URL's host is not one of the provider's (importing confirms it). */
  readonly baseUrlUnlisted: boolean
  readonly fields: Readonly<Record<string, string>>
  readonly secrets: Readonly<Record<string, SecretFieldView>>
  readonly scopes: ReadonlyArray<string>
  readonly action: ImportAction
  /** The account a `replace` or `skip` refers to. */
  readonly existingId: string | null
  readonly problems: ReadonlyArray<{ readonly field: string; readonly message: string }>
}

export interface ImportPreview {
  /** Pass back to `accounts:import` so it imports exactly what was previewed. */
  readonly digest: string
  readonly accounts: ReadonlyArray<ImportCandidateView>
  /** Variables that name a provider but no field of it (likely typos), by name only. */
  readonly ignored: ReadonlyArray<{ readonly variable: string; readonly reason: string }>
}

export interface ImportResult {
  readonly created: ReadonlyArray<AccountView>
  readonly replaced: ReadonlyArray<AccountView>
  readonly skipped: ReadonlyArray<string>
  /** With `skipInvalid`: the accounts left out, each with its problems. */
  readonly invalid?: ReadonlyArray<ImportRejection>
}

export interface ImportRejection {
  readonly name: string
  readonly problems: ReadonlyArray<{ readonly field: string; readonly message: string }>
}

/** What deleting an account did: live SMSGate tokens are revoked first, so none outlives its account. */
export interface AccountRemoval {
  readonly id: string
  readonly revokedTokens: ReadonlyArray<string>
  /** Tokens that could not be revoked (they stay valid until they expire), for people. */
  readonly warnings: ReadonlyArray<string>
}

export type ExportFormat = 'json' | 'env'

/** Non-secret account definitions; secret fields appear by name only (empty in `env`). */
export interface AccountsExport {
  readonly format: ExportFormat
  readonly fileName: string
  readonly content: string
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
  /** The keychain library's own error, when it failed (e.g. `Cannot autolaunch D-Bus…`). */
  readonly error: string | null
}

/** Which certificates credential requests trust, and which TLS overrides are ignored. */
export interface NetworkTrust {
  /** Extra CA files, besides the built-in list: where each came from and how many certificates it holds. */
  readonly extraCaFiles: ReadonlyArray<{ readonly source: 'setting' | 'flag' | 'NODE_EXTRA_CA_CERTS'; readonly path: string; readonly certificates: number }>
  /** The app's saved extra CA file setting; it takes effect at the next start (compare extraCaFiles). */
  readonly savedCaFile: string | null
  /** Extra CA files that could not be used (each names the file, where it was set and the fix). */
  readonly problems: ReadonlyArray<string>
  /** Why NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored, when it is set; else null. */
  readonly ignoredTlsOverride: string | null
  /** Proxy in use for https / http requests ('' when none), and NO_PROXY. Loopback never uses one. */
  readonly proxy: { readonly https: string; readonly http: string; readonly noProxy: string }
}

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly platform: string
  readonly electron: string | null
  readonly node: string
  readonly secretStorage: SecretStorageStatus
  readonly network: NetworkTrust
}

export type WorkspaceKind = 'mine' | 'demo'

export interface WorkspaceInfo {
  /** `demo`: accounts on the built-in provider simulators, never the user's own. */
  readonly active: WorkspaceKind
  /** Base URL of each provider simulator while the Demo workspace is active. */
  readonly simulators: Readonly<Record<BuiltInProviderId, string>> | null
}

/** The running build's own security posture, for the Security screen. */
export interface SecurityPosture {
  /** `electron`: the desktop app; `harness`: the renderer in a browser under the e2e harness. */
  readonly runtime: 'electron' | 'harness'
  /** The window's effective web preferences, read back from Electron; null outside Electron. */
  readonly webPreferences: Readonly<Record<string, string | boolean | null>> | null
  readonly contentSecurityPolicy: string
  readonly ipc: {
    readonly channels: ReadonlyArray<string>
    readonly events: ReadonlyArray<string>
    readonly senderPolicy: string
    readonly validation: string
  }
  readonly electron: string | null
  readonly secretStorage: SecretStorageStatus
  readonly network: NetworkTrust
}

export type FieldShape = 'email' | 'digits' | 'jwt' | 'host' | 'no-spaces'

/** A provider as the renderer sees it: what its account editor asks for. */
export interface ProviderInfo {
  readonly id: ProviderId
  readonly label: string
  /** What the provider's module can do beyond checking: a managed token lifecycle, in-app key rotation. */
  readonly capabilities: {
    readonly tokens: boolean
    readonly keyRotation: boolean
    /** The provider can revoke a token before it expires. */
    readonly revokesTokens: boolean
    /** An issue request may ask for a token lifetime. */
    readonly tokenLifetime: boolean
    /** The fields an account needs for AuthDesk to issue tokens. */
    readonly tokenIssuerFields: ReadonlyArray<string>
  }
  readonly fields: ReadonlyArray<{
    readonly name: string
    readonly label: string
    readonly secret: boolean
    readonly required: boolean
    readonly hint: string
    readonly maxLength: number
    /** The shape core checks the value against, so the editor can warn as the user types. */
    readonly shape: FieldShape | null
    /** A setting with fixed values (offered as a list); a comma list when `multiple`. */
    readonly choices?: ReadonlyArray<string>
    readonly multiple?: boolean
    /** Shown whenever the field has a value. */
    readonly warning?: string
  }>
  readonly environments: ReadonlyArray<{
    readonly id: Environment
    readonly label: string
    readonly baseUrl: string
    readonly hosts: ReadonlyArray<string>
  }>
  readonly scopes: { readonly known: ReadonlyArray<string>; readonly defaults: ReadonlyArray<string> } | null
}

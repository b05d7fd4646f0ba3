/** Support bundle: what goes in, what comes out. No value here is a secret. */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView, SecretBackendKind } from '../../shared/model'
import type { Removal } from './redact/types'

/** One answer the user gave in the troubleshooting wizard. */
export interface WizardTrailStep {
  readonly stepId: string
  readonly answer: string
  readonly at: string
}

/** A proxy variable in use: its name and the proxy's host (never its credentials or path). */
export interface ProxySetting {
  readonly variable: string
  readonly value: string
}

/** Facts about the machine and the app, gathered by `collectEnvironment`. */
export interface EnvironmentFacts {
  readonly appVersion: string
  readonly os: string
  readonly node: string
  readonly electron: string | null
  readonly secretStorage: { readonly backend: SecretBackendKind; readonly persistent: boolean; readonly reason: string }
  readonly proxy: ReadonlyArray<ProxySetting>
  /** IANA name, e.g. `Europe/Amsterdam`. */
  readonly timeZone: string
  /** When the bundle was made (ISO, UTC). */
  readonly generatedAt: string
}

export interface BundleInput {
  /** The masked view: non-secret fields only. */
  readonly account: AccountView
  /** The account's check history, any order; the newest is "the latest diagnosis". Empty: no check has run. */
  readonly diagnoses: ReadonlyArray<Diagnosis>
  readonly wizardTrail: ReadonlyArray<WizardTrailStep>
  readonly environment: EnvironmentFacts
}

export interface BundleOptions {
  /** Every secret the bundle must not contain (the vault's), in any encoding. */
  readonly knownSecrets: ReadonlyArray<string>
  /** Identifiers to replace by consistent pseudonyms: account field names (`USERNAME`) or literal values. */
  readonly mask?: ReadonlyArray<string>
  /** File names or item ids (see `BundleItem`) to leave out. */
  readonly exclude?: ReadonlyArray<string>
}

export interface BundleFile {
  readonly name: string
  readonly mediaType: string
  /** Already redacted. */
  readonly content: string
  /** Where the content was redacted (offsets into `content`, for highlighting). */
  readonly redactions: ReadonlyArray<Removal>
}

/** Something the user can leave out before export, by id. */
export interface BundleItem {
  /** `check:N` (0 = newest), `exchange:N.M`, `wizard:N`, `environment:KEY`, `account:FIELD`. */
  readonly id: string
  readonly file: string
  readonly label: string
}

export interface BundleManifest {
  readonly removals: number
  readonly byKind: Readonly<Record<string, number>>
  readonly files: Readonly<Record<string, ReadonlyArray<Removal>>>
  /** Which identifiers were masked, by what they are (field name or "value N"), never the value. */
  readonly pseudonyms: ReadonlyArray<{ readonly label: string; readonly pseudonym: string }>
  readonly excluded: ReadonlyArray<string>
}

export interface Bundle {
  readonly files: ReadonlyArray<BundleFile>
  readonly items: ReadonlyArray<BundleItem>
  readonly manifest: BundleManifest
}

/** A place where the self-scan found a secret. */
export interface ScanHit {
  readonly file: string
  readonly line: number
  readonly column: number
  /** A secretlint rule id, or `vault-secret` (with how it was encoded). */
  readonly rule: string
}

export interface ScanReport {
  readonly clean: boolean
  readonly hits: ReadonlyArray<ScanHit>
  readonly files: number
  readonly rules: ReadonlyArray<string>
  /** How many vault secrets were looked for. */
  readonly vaultSecrets: number
}

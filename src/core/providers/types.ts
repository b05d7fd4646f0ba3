/**
 * What every provider declares about its credentials: the fields (named as in the CLI's
 * variable convention, spec/cli.md), which of them are secret, and the environments with
 * the hosts a credential may be sent to. It is the part of a provider's module (module.ts)
 * the vault relies on.
 */
import type { Environment, ProviderId } from '../../shared/model'

export interface CredentialField {
  /** As in the variable convention: `USERNAME`, `API_KEY`… */
  readonly name: string
  readonly label: string
  /** Secret values live only in the keychain; the renderer sees set/fingerprint/tail. */
  readonly secret: boolean
  /** Required on its own; combinations (either-or) go in `checkCombination`. */
  readonly required: boolean
  readonly maxLength: number
  /** Shape hint shown next to the input and in error messages. */
  readonly hint: string
  /**
   * Provider-specific shape check on a value that already passed the generic checks
   * (length, control characters, surrounding spaces or quotes). Returns what is wrong, in
   * words that never repeat the value, or null.
   */
  readonly check?: (value: string) => string | null
  /** The values a setting may take (the editor offers them; `check` enforces them). */
  readonly choices?: ReadonlyArray<string>
  /** The value is a comma list of `choices`. */
  readonly multiple?: boolean
  /** Shown next to the field whenever it has a value (e.g. what opting in to plain HTTP means). */
  readonly warning?: string
}

export interface ProviderEnvironment {
  readonly id: Environment
  readonly label: string
  /** The BASE_URL the provider's own clients use in this environment (spec/cli.md). */
  readonly baseUrl: string
  /** Host names a credential of this environment may be sent to (https, default port). */
  readonly hosts: ReadonlyArray<string>
}

export interface ProviderScopes {
  /** Every scope the provider knows; anything else is refused as a typo. */
  readonly known: ReadonlyArray<string>
  /** Scopes a new account requests when none are given. */
  readonly defaults: ReadonlyArray<string>
  /** Scopes the provider adds by itself and that must never be requested. */
  readonly reserved: ReadonlyArray<string>
}

export interface FieldProblem {
  readonly field: string
  readonly message: string
}

export interface ProviderDefinition {
  readonly id: ProviderId
  /** The provider token of the variable convention, e.g. `NMBRS`. */
  readonly envName: string
  readonly label: string
  readonly fields: ReadonlyArray<CredentialField>
  /** The first one is the default. */
  readonly environments: ReadonlyArray<ProviderEnvironment>
  readonly scopes?: ProviderScopes
  /** Rules across fields (e.g. SMSGate: USERNAME + PASSWORD, or TOKEN), given the names that have a value. */
  readonly checkCombination?: (present: ReadonlySet<string>) => FieldProblem | null
  /** Every request path starts with this (Authmatech: `/v1`), so a base URL ending with it would send to `/v1/v1/…`. */
  readonly pathsStartWith?: string
}

export function environmentOf(definition: Pick<ProviderDefinition, 'environments'>, id: Environment): ProviderEnvironment | undefined {
  return definition.environments.find((e) => e.id === id)
}

/**
 * Everything AuthDesk knows about one provider, in one object. Each built-in provider's folder
 * exports one module (`<id>/module.ts`) and the registry lists them; core asks a module for what
 * it can do (its capabilities) instead of naming providers.
 */
import type { CauseCode } from '../../shared/causes'
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import type { ProviderCheck } from '../diagnosis/types'
import type { ProviderBudget } from '../health/provider-budgets'
import type { HttpClient } from '../http/client'
import type { CredentialBinding } from '../http/host-binding'
import type { SimClock } from '../simulators/clock'
import type { ProviderSimulator } from '../simulators/types'
import type { TokenLifecycle } from './token-lifecycle'
import type { ProviderDefinition } from './types'

export interface KeyRotationDeps {
  readonly http: HttpClient
  readonly binding: CredentialBinding
  /** Normalised, no trailing slash. */
  readonly baseUrl: string
  readonly timeoutMs: number
  readonly now: () => number
}

export type KeyRotationOutcome = { readonly ok: true; readonly newKey: string } | { readonly ok: false; readonly cause: CauseCode; readonly summary: string }

/** A provider that issues a new API key in exchange for the current one and a secret only the owner holds. */
export interface KeyRotation {
  /** The secret field that holds the key, and the non-secret field naming the client. */
  readonly keyField: string
  readonly clientField: string
  rotate(deps: KeyRotationDeps, currentKey: string, clientId: string, ownerSecret: string): Promise<KeyRotationOutcome>
}

export interface SupportFact {
  readonly label: string
  readonly value: string
  /** Multi-line text (a body) to show as a block. */
  readonly block?: boolean
}

/** What the provider's support desk asks for, read from the account and its checks (newest first). */
export interface SupportFacts {
  /** One sentence, with where that comes from. */
  readonly asks: string
  facts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): ReadonlyArray<SupportFact>
}

export interface ProviderCapabilities {
  /** A managed token lifecycle (issue, refresh before expiry, revoke, countdown), driven by core/tokens. */
  readonly tokens?: TokenLifecycle
  /** In-app key rotation. */
  readonly keyRotation?: KeyRotation
  /** Why a background check must not run for these fields (a probe that costs money), or null. */
  readonly backgroundCheckRefusal?: (fields: Readonly<Record<string, string>>) => string | null
}

export interface ProviderModule {
  readonly definition: ProviderDefinition
  readonly check: ProviderCheck
  readonly budget: ProviderBudget
  /** The simulator with its seeded scenarios (built-ins: hand-written; custom: generated from the examples). */
  readonly simulator: (clock: SimClock) => ProviderSimulator<object, string>
  readonly capabilities: ProviderCapabilities
  readonly supportFacts?: SupportFacts
  /** `builtin` modules ship in src/core/providers/<id>/; `custom` ones come from a definition file. */
  readonly origin: 'builtin' | 'custom'
}

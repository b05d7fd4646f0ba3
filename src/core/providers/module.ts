/**
 * Everything AuthDesk knows about one provider, in one object. Each built-in provider's folder
 * exports one module; a custom definition file becomes one through custom-providers/module.ts.
 * Core asks a module for what it can do (its capabilities) instead of naming providers.
 */
import type { ProviderCheck } from '../diagnosis/types'
import type { ProviderBudget } from '../health/provider-budgets'
import type { SimClock } from '../simulators/clock'
import type { ProviderSimulator } from '../simulators/types'
import type { ProviderDefinition } from './types'

export interface ProviderCapabilities {
  /**
   * A managed token lifecycle (issue, refresh before expiry, revoke, countdown). The token
   * engine (core/tokens) drives it; SMSGate's JWT pair and OAuth client-credentials implement it.
   */
  readonly tokens?: unknown
  /** In-app key rotation (Authmatech). */
  readonly keyRotation?: unknown
  /** Why a background check must not run for these fields (Groupcall's billable probe), or null. */
  readonly backgroundCheckRefusal?: (fields: Readonly<Record<string, string>>) => string | null
}

export interface ProviderModule {
  readonly definition: ProviderDefinition
  readonly check: ProviderCheck
  readonly budget: ProviderBudget
  /** The simulator with its seeded scenarios (built-ins: hand-written; custom: generated from the examples). */
  readonly simulator: (clock: SimClock) => ProviderSimulator<object, string>
  readonly capabilities: ProviderCapabilities
  /** `builtin` modules ship in src/core/providers/<id>/; `custom` ones come from a definition file. */
  readonly origin: 'builtin' | 'custom'
}

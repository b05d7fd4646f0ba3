/**
 * Whose budget a request spends. Each provider module states its budget (only Authmatech
 * publishes a limit; the others are fair-use ceilings chosen there), and 429s (with or without
 * Retry-After) slow us down further. A budget belongs to one host: the simulators, a private SMSGate server
 * and the provider's cloud never share one.
 */
import type { AccountView, ProviderId } from '../../shared/model'
import type { HttpRequestSpec } from '../http/client'
import { findProviderModule, providerDefinition, providerModule } from '../providers/registry'
import { environmentOf } from '../providers/types'
import type { RateLimit } from './rate-limiter'

export interface ProviderBudget extends RateLimit {
  /** Set where each client has its own budget: the request header and account field naming it. */
  readonly perClient?: { readonly header: string; readonly field: string }
  readonly basis: string
}

const SEPARATOR = ' '

function keyOf(provider: ProviderId, origin: string, client: string | undefined): string {
  return [provider, origin, client ?? ''].join(SEPARATOR)
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}

/** The budget a request spends; null for a request that carries no credential. */
export function requestKey(spec: HttpRequestSpec): string | null {
  const id = spec.binding?.definition.id
  // Custom providers keep to their own definition's budget (custom-providers/request-budget.ts).
  const module = id === undefined ? undefined : findProviderModule(id)
  if (!module || module.origin !== 'builtin') return null
  const provider = module.definition.id
  const perClient = module.budget.perClient
  return keyOf(provider, originOf(spec.url), perClient ? spec.headers[perClient.header] : undefined)
}

/** The budget an account's check spends (its first request's; a later one may go to another host). */
export function accountKey(account: Pick<AccountView, 'provider' | 'baseUrl' | 'environment' | 'fields'>): string {
  const definition = providerDefinition(account.provider)
  const base = account.baseUrl ?? environmentOf(definition, account.environment)?.baseUrl ?? definition.environments[0]!.baseUrl
  const perClient = providerModule(account.provider).budget.perClient
  return keyOf(account.provider, originOf(base), perClient ? account.fields[perClient.field] : undefined)
}

export function providerOfKey(key: string): ProviderId {
  return key.split(SEPARATOR)[0] as ProviderId
}

/** The budget for a key, with the limits given (tests lower them) or the table's. */
export function budgetLookup(overrides: Partial<Record<ProviderId, RateLimit>> = {}): (key: string) => RateLimit {
  return (key) => {
    const provider = providerOfKey(key)
    return overrides[provider] ?? providerModule(provider).budget
  }
}

/**
 * How many requests each provider gets, and whose budget a request spends. Only Authmatech
 * publishes a limit (1,000 requests per minute per client, dossier §6); for the others the
 * figures are fair-use ceilings chosen here, and their 429s (with or without Retry-After)
 * slow us down further. A budget belongs to one host: the simulators, a private SMSGate server
 * and the provider's cloud never share one.
 */
import { PROVIDER_IDS, type AccountView, type ProviderId } from '../../shared/model'
import type { HttpRequestSpec } from '../http/client'
import { providerDefinition } from '../providers/registry'
import { environmentOf } from '../providers/types'
import type { RateLimit } from './rate-limiter'

export interface ProviderBudget extends RateLimit {
  /** Set where each client has its own budget: the request header and account field naming it. */
  readonly perClient?: { readonly header: string; readonly field: string }
  readonly basis: string
}

const MINUTE = 60_000

export const PROVIDER_BUDGETS: { readonly [P in ProviderId]: ProviderBudget } = {
  groupcall: { limit: 300, windowMs: MINUTE, basis: 'not documented; its probe is a real send request, so the lowest ceiling' },
  nmbrs: { limit: 600, windowMs: MINUTE, basis: 'not documented (SOAP "fair use")' },
  smsgate: { limit: 600, windowMs: MINUTE, basis: 'not documented (the cloud proxy limits are unknown)' },
  authmatech: {
    limit: 1000,
    windowMs: MINUTE,
    perClient: { header: 'x-client-id', field: 'CLIENT_ID' },
    basis: 'documented: 1,000 requests per minute per client (429 "Rate limit exceeded.")',
  },
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
  const provider = PROVIDER_IDS.find((p) => p === id)
  if (!provider) return null
  const perClient = PROVIDER_BUDGETS[provider].perClient
  return keyOf(provider, originOf(spec.url), perClient ? spec.headers[perClient.header] : undefined)
}

/** The budget an account's check spends (its first request's; a later one may go to another host). */
export function accountKey(account: Pick<AccountView, 'provider' | 'baseUrl' | 'environment' | 'fields'>): string {
  const definition = providerDefinition(account.provider)
  const base = account.baseUrl ?? environmentOf(definition, account.environment)?.baseUrl ?? definition.environments[0]!.baseUrl
  const perClient = PROVIDER_BUDGETS[account.provider].perClient
  return keyOf(account.provider, originOf(base), perClient ? account.fields[perClient.field] : undefined)
}

export function providerOfKey(key: string): ProviderId {
  return key.split(SEPARATOR)[0] as ProviderId
}

/** The budget for a key, with the limits given (tests lower them) or the table's. */
export function budgetLookup(overrides: Partial<Record<ProviderId, RateLimit>> = {}): (key: string) => RateLimit {
  return (key) => {
    const provider = providerOfKey(key)
    return overrides[provider] ?? PROVIDER_BUDGETS[provider]
  }
}

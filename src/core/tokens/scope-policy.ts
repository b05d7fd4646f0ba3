/**
 * Which scopes a new token asks for: least privilege by default (what the account declares it
 * needs, else the provider's defaults), never a scope the provider adds itself, never a typo.
 */
import type { AccountView } from '../../shared/model'
import { AppError } from '../errors'
import { providerDefinition } from '../providers/registry'
import { providerLabelOf, requireTokenLifecycle } from './token-capability'

export interface ScopeChoice {
  readonly scopes: ReadonlyArray<string>
  readonly warnings: ReadonlyArray<string>
}

export const allScopesWarning = (allScope: string): string => `${allScope} grants every scope, including managing tokens: give the token only the scopes its user needs.`

export function chooseScopes(account: AccountView, requested: ReadonlyArray<string> | undefined): ScopeChoice {
  const { allScope } = requireTokenLifecycle(account)
  const label = providerLabelOf(account)
  const rules = providerDefinition(account.provider).scopes ?? { known: [], defaults: [], reserved: [] }
  const asked = [...new Set((requested ?? []).map((s) => s.trim()).filter(Boolean))]
  const scopes = asked.length > 0 ? asked : account.scopes.length > 0 ? [...account.scopes] : [...rules.defaults]
  const reserved = scopes.filter((s) => rules.reserved.includes(s))
  if (reserved.length > 0)
    throw new AppError('tokens.scope-reserved', `${reserved.join(', ')} is added by ${label} itself to refresh tokens; do not ask for it.`, { field: 'scopes' })
  const unknown = scopes.filter((s) => !rules.known.includes(s))
  if (unknown.length > 0) {
    const shown = unknown.map((s) => s.slice(0, 40)).join(', ')
    throw new AppError('tokens.scope-unknown', `${label} has no scope ${shown} (a typo would be issued anyway and fail later with 403). Known scopes: ${rules.known.filter((s) => !rules.reserved.includes(s)).join(', ')}.`, { field: 'scopes' })
  }
  const warnings: string[] = []
  if (allScope !== null && scopes.includes(allScope)) warnings.push(allScopesWarning(allScope))
  const beyond = asked.length > 0 && account.scopes.length > 0 ? scopes.filter((s) => !account.scopes.includes(s) && s !== allScope) : []
  if (beyond.length > 0) warnings.push(`Asks for more than the account declares it needs: ${beyond.join(', ')}.`)
  return { scopes, warnings }
}

export const MAX_TTL_SECONDS = 30 * 86_400

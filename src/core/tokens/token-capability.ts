import type { AccountView } from '../../shared/model'
import { AppError } from '../errors'
import { findProviderModule } from '../providers/registry'
import type { TokenLifecycle } from '../providers/token-lifecycle'

/** The account's provider's token lifecycle, or null when it has none. */
export function tokenLifecycleOf(account: Pick<AccountView, 'provider'>): TokenLifecycle | null {
  return findProviderModule(account.provider)?.capabilities.tokens ?? null
}

export function requireTokenLifecycle(account: Pick<AccountView, 'provider' | 'label'>): TokenLifecycle {
  const lifecycle = tokenLifecycleOf(account)
  if (!lifecycle) throw new AppError('tokens.unsupported', `"${account.label}" has no token lifecycle (its provider issues no tokens); its rotation due date is tracked instead.`)
  return lifecycle
}

/** The account has what issuing needs (non-secret values, stored secrets), known without reading the keychain. */
export function canIssue(account: Pick<AccountView, 'provider' | 'fields' | 'secrets'>): boolean {
  const lifecycle = tokenLifecycleOf(account)
  return lifecycle !== null && lifecycle.issuerFields.every((name) => Boolean(account.fields[name]) || account.secrets[name]?.set === true)
}

/** "USERNAME and PASSWORD", "CLIENT_ID and CLIENT_SECRET". */
export const issuerFieldsText = (lifecycle: TokenLifecycle): string => lifecycle.issuerFields.join(' and ')

export const providerLabelOf = (account: Pick<AccountView, 'provider'>): string => findProviderModule(account.provider)?.definition.label ?? account.provider

/** A token that has not expired by `nowMs` (no `exp`: it never expires). */
export const unexpiredAt = (exp: number | undefined, nowMs: number): boolean => exp === undefined || nowMs <= exp * 1000

import type { ProviderInfo } from '../../shared/model'
import { PROVIDERS } from './registry'
import type { ProviderDefinition } from './types'

/** A definition without its functions, for the renderer. */
export function toProviderInfo(definition: ProviderDefinition): ProviderInfo {
  return {
    id: definition.id,
    label: definition.label,
    fields: definition.fields.map(({ name, label, secret, required, hint, maxLength }) => ({ name, label, secret, required, hint, maxLength })),
    environments: definition.environments.map(({ id, label, baseUrl, hosts }) => ({ id, label, baseUrl, hosts })),
    scopes: definition.scopes ? { known: definition.scopes.known, defaults: definition.scopes.defaults } : null,
  }
}

export function listProviders(): ReadonlyArray<ProviderInfo> {
  return Object.values(PROVIDERS).map(toProviderInfo)
}

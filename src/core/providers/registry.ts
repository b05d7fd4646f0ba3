import type { ProviderId } from '../../shared/model'
import { definition as authmatech } from './authmatech/definition'
import { definition as groupcall } from './groupcall/definition'
import { definition as nmbrs } from './nmbrs/definition'
import { definition as smsgate } from './smsgate/definition'
import type { ProviderDefinition } from './types'

/** Every provider; adding one is one folder and one line here. */
export const PROVIDERS: { readonly [P in ProviderId]: ProviderDefinition } = {
  groupcall,
  nmbrs,
  smsgate,
  authmatech,
}

export function providerDefinition(id: ProviderId): ProviderDefinition {
  return PROVIDERS[id]
}

/** By the convention's provider token (`NMBRS`), case-insensitive. */
export function providerByEnvName(token: string): ProviderDefinition | undefined {
  return Object.values(PROVIDERS).find((p) => p.envName === token.toUpperCase())
}

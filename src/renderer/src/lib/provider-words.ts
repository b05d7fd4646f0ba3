/** Words about a provider, from its ProviderInfo. Pure. */
import type { ProviderInfo } from '@shared/model'

/** "username and password": the fields that issue tokens, by their labels. */
export const issuerWords = (provider: Pick<ProviderInfo, 'fields' | 'capabilities'>): string =>
  provider.capabilities.tokenIssuerFields.map((name) => provider.fields.find((f) => f.name === name)?.label.toLowerCase() ?? name).join(' and ')

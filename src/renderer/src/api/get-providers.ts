import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ProviderId, ProviderInfo } from '@shared/model'
import { call } from '../lib/call'

/** The providers, their fields, environments and scopes (fixed for the life of the app). */
export const providersQuery = queryOptions({
  queryKey: ['providers'],
  queryFn: () => call(window.authdesk.providers.list()),
  staleTime: Infinity,
})

export const useProviders = () => useQuery(providersQuery)

/** One provider's facts, once the list has loaded. */
export const useProvider = (id: ProviderId): ProviderInfo | undefined => providerById(useProviders().data, id)

export function providerById(providers: ReadonlyArray<ProviderInfo> | undefined, id: ProviderId): ProviderInfo | undefined {
  return providers?.find((p) => p.id === id)
}

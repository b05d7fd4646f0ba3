import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ProviderAddResult } from '@shared/provider-catalog'
import { providersQuery } from '@renderer/api/get-providers'
import { call } from '@renderer/lib/call'

export const providerCatalogQuery = queryOptions({
  queryKey: ['providers', 'catalog'],
  queryFn: () => call(window.authdesk.providers.catalog()),
})

export const useProviderCatalog = () => useQuery(providerCatalogQuery)

/** After a change the editor's provider list is stale too. */
function useRefreshProviders() {
  const client = useQueryClient()
  return () => Promise.all([client.invalidateQueries({ queryKey: providerCatalogQuery.queryKey }), client.invalidateQueries({ queryKey: providersQuery.queryKey })])
}

export function useAddProvider() {
  const refresh = useRefreshProviders()
  return useMutation({
    mutationFn: (text: string): Promise<ProviderAddResult> => call(window.authdesk.providers.add({ text })),
    onSuccess: async (result) => {
      if (result.ok) await refresh()
    },
  })
}

export function useRemoveProvider() {
  const refresh = useRefreshProviders()
  return useMutation({
    mutationFn: (id: string) => call(window.authdesk.providers.remove({ id })),
    onSuccess: () => refresh(),
  })
}

import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** The active vault's storage, whether it can be written, and what it found when it loaded. */
export const vaultStatusQuery = queryOptions({
  queryKey: ['accounts', 'status'],
  queryFn: () => call(window.authdesk.accounts.status()),
})

export const useVaultStatus = () => useQuery(vaultStatusQuery)

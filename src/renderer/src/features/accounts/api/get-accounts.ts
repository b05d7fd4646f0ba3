import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** Every account of the active workspace (masked views: no secret values). */
export const accountsQuery = queryOptions({
  queryKey: ['accounts', 'list'],
  queryFn: () => call(window.authdesk.accounts.list()),
})

export const useAccounts = () => useQuery(accountsQuery)

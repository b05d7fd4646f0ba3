import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** An account's past checks, newest first. */
export const historyQuery = (id: string) =>
  queryOptions({
    queryKey: ['health', 'history', id],
    queryFn: () => call(window.authdesk.health.history({ id })),
  })

export const useHistory = (id: string) => useQuery(historyQuery(id))

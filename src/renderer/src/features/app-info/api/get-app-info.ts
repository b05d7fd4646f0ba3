import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

export const appInfoQuery = queryOptions({
  queryKey: ['app', 'info'],
  queryFn: () => call(window.authdesk.app.info()),
  staleTime: Infinity,
})

export const useAppInfo = () => useQuery(appInfoQuery)

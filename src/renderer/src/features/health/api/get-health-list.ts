import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** Every account's newest diagnosis and scheduling facts; kept current by `health:changed`. */
export const healthListQuery = queryOptions({
  queryKey: ['health', 'list'],
  queryFn: () => call(window.authdesk.health.list()),
})

export const useHealthList = () => useQuery(healthListQuery)

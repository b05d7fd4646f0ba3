import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

export const securityPostureQuery = queryOptions({
  queryKey: ['app', 'security'],
  queryFn: () => call(window.authdesk.app.security()),
  staleTime: Infinity,
})

export const useSecurityPosture = () => useQuery(securityPostureQuery)

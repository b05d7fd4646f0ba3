import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** The scheduler's settings, pause, next check, current round and per-provider load; kept current by the fleet events. */
export const fleetStatusQuery = queryOptions({
  queryKey: ['fleet', 'status'],
  queryFn: () => call(window.authdesk.fleet.status()),
})

export const useFleetStatus = () => useQuery(fleetStatusQuery)

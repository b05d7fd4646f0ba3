import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** Every account's deadlines: token refresh/expiry (SMSGate) and the rotation due date. */
export const dueQuery = queryOptions({
  queryKey: ['tokens', 'due'],
  queryFn: () => call(window.authdesk.tokens.due()),
})

export const useDue = () => useQuery(dueQuery)

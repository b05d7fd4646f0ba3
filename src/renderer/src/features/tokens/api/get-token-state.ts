import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '../../../lib/call'

/** An SMSGate account's token lifecycle: times, scopes and the local record of issued tokens (never a token). */
export const tokenStateQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['tokens', 'state', accountId],
    queryFn: () => call(window.authdesk.tokens.list({ accountId })),
  })

export const useTokenState = (accountId: string) => useQuery(tokenStateQuery(accountId))

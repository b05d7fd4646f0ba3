import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import type { TokenState } from '../../../../../shared/tokens'
import { call } from '../../../lib/call'

/**
 * An SMSGate account's token state (`tokens:list`: whether AuthDesk can issue or renew a token;
 * never a token), for the wizard's token fixes. Same key as the token panel's query, so both
 * show the one state that `tokens:changed` keeps current.
 */
export const tokenStateQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['tokens', 'state', accountId],
    queryFn: () => call(window.authdesk.tokens.list({ accountId })),
  })

/** Only SMSGate accounts have a token lifecycle: pass `enabled` false for the others. */
export const useTokenState = (accountId: string, enabled: boolean) => useQuery({ ...tokenStateQuery(accountId), enabled })

/** After a token fix: the new state as answered, and what it changes (deadlines, the account, its health once re-tested). */
export async function storeTokenFix(client: QueryClient, state: TokenState): Promise<void> {
  client.setQueryData(tokenStateQuery(state.accountId).queryKey, state)
  await Promise.all([
    client.invalidateQueries({ queryKey: ['tokens', 'due'] }),
    client.invalidateQueries({ queryKey: ['accounts'] }),
    client.invalidateQueries({ queryKey: ['health'] }),
  ])
}

/**
 * An account's token lifecycle (providers with the tokens capability) over
 * `window.authdesk.tokens` (never a token): the state query and the calls that answer with a
 * new state. Shared by the token panel and the wizard's token fixes, so both show the one state
 * that `tokens:changed` keeps current.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { RequestOf } from '@shared/contract'
import type { TokenState } from '@shared/tokens'
import { call } from '../lib/call'

export const tokenStateQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['tokens', 'state', accountId],
    queryFn: () => call(window.authdesk.tokens.list({ accountId })),
  })

/** Only accounts whose provider has the tokens capability have a token lifecycle: pass `enabled` false for the others. */
export const useTokenState = (accountId: string, enabled = true) => useQuery({ ...tokenStateQuery(accountId), enabled })

/** A state a token call answered with; the due dates, the account and its health may have changed with it. */
export async function storeTokenState(client: QueryClient, state: TokenState): Promise<void> {
  client.setQueryData(tokenStateQuery(state.accountId).queryKey, state)
  await Promise.all([
    client.invalidateQueries({ queryKey: ['tokens', 'due'] }),
    client.invalidateQueries({ queryKey: ['accounts'] }),
    client.invalidateQueries({ queryKey: ['health'] }),
  ])
}

export type IssueTokenRequest = RequestOf<'tokens:issue'>

/** Issues a new managed pair (it replaces and revokes the current one); the request names scopes and a TTL only. */
export function useIssueToken() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (request: IssueTokenRequest) => call(window.authdesk.tokens.issue(request)),
    onSuccess: (state) => storeTokenState(client, state),
  })
}

/** Renews the managed pair now (core re-issues with Basic when its refresh token no longer works). */
export function useRefreshToken() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (accountId: string) => call(window.authdesk.tokens.refresh({ accountId })),
    onSuccess: (state) => storeTokenState(client, state),
  })
}

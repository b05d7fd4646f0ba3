import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { RequestOf } from '../../../../../shared/contract'
import { call } from '../../../lib/call'
import { tokenStateQuery } from './get-token-state'

export type IssueTokenRequest = RequestOf<'tokens:issue'>

/** Issues a new managed pair (it replaces and revokes the current one); the request names scopes and a TTL only. */
export function useIssueToken() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (request: IssueTokenRequest) => call(window.authdesk.tokens.issue(request)),
    onSuccess: (state) => {
      client.setQueryData(tokenStateQuery(state.accountId).queryKey, state)
      return client.invalidateQueries({ queryKey: ['tokens', 'due'] })
    },
  })
}

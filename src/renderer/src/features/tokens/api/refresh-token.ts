import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '../../../lib/call'
import { tokenStateQuery } from './get-token-state'

/** Refreshes the managed token now instead of at its refresh time. */
export function useRefreshToken() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (accountId: string) => call(window.authdesk.tokens.refresh({ accountId })),
    onSuccess: (state) => {
      client.setQueryData(tokenStateQuery(state.accountId).queryKey, state)
      return client.invalidateQueries({ queryKey: ['tokens', 'due'] })
    },
  })
}

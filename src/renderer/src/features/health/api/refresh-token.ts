import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '../../../lib/call'
import { storeTokenFix } from './get-token-state'

/** The wizard's "Refresh the token now": renews the managed pair (core re-issues with Basic when its refresh token no longer works). */
export function useRefreshTokenFix() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (accountId: string) => call(window.authdesk.tokens.refresh({ accountId })),
    onSuccess: (state) => storeTokenFix(client, state),
  })
}

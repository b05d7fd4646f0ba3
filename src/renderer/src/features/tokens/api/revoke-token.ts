import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'
import { storeTokenState } from '@renderer/api/token-state'

/** Revokes one token by its id (its refresh token goes with it), or all of the account's when none is given. */
export function useRevokeToken() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ accountId, jti }: { readonly accountId: string; readonly jti?: string }) => call(window.authdesk.tokens.revoke({ accountId, jti })),
    onSuccess: (state) => storeTokenState(client, state),
  })
}

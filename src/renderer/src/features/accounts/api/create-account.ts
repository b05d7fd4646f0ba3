import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { RequestOf } from '@shared/contract'
import { call } from '@renderer/lib/call'
import { useSecretAction } from '@renderer/lib/use-secret-action'

export type CreateAccountRequest = RequestOf<'accounts:create'>

/** Creates an account; the request holds secrets, so it goes through useSecretAction. */
export function useCreateAccount() {
  const client = useQueryClient()
  const create = useCallback(
    async (request: CreateAccountRequest) => {
      const account = await call(window.authdesk.accounts.create(request))
      await client.invalidateQueries({ queryKey: ['accounts'] })
      return account
    },
    [client],
  )
  return useSecretAction(create)
}

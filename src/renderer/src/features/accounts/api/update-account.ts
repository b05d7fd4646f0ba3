import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { RequestOf } from '@shared/contract'
import { call } from '@renderer/lib/call'
import { useSecretAction } from '@renderer/lib/use-secret-action'

export type UpdateAccountRequest = RequestOf<'accounts:update'>

/** Saves changes to an account: in `fields`, a value replaces and null clears. */
export function useUpdateAccount() {
  const client = useQueryClient()
  const update = useCallback(
    async (request: UpdateAccountRequest) => {
      const account = await call(window.authdesk.accounts.update(request))
      await client.invalidateQueries({ queryKey: ['accounts'] })
      return account
    },
    [client],
  )
  return useSecretAction(update)
}

import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { RequestOf } from '@shared/contract'
import { call } from '@renderer/lib/call'
import { useSecretAction } from '@renderer/lib/use-secret-action'

export type RotateKeyRequest = RequestOf<'accounts:rotate-key'>

/** Authmatech key rotation; the request carries the client secret, so it goes through useSecretAction. */
export function useRotateKey() {
  const client = useQueryClient()
  const rotate = useCallback(
    async (request: RotateKeyRequest) => {
      const result = await call(window.authdesk.accounts.rotateKey(request))
      await Promise.all([client.invalidateQueries({ queryKey: ['accounts'] }), client.invalidateQueries({ queryKey: ['tokens', 'due'] })])
      return result
    },
    [client],
  )
  return useSecretAction(rotate)
}

import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { RequestOf } from '@shared/contract'
import { call } from '@renderer/lib/call'
import { useSecretAction } from '@renderer/lib/use-secret-action'

export type ImportRequest = RequestOf<'accounts:import'>

/** Imports exactly what the preview with `digest` showed, or nothing. */
export function useImportAccounts() {
  const client = useQueryClient()
  const importAccounts = useCallback(
    async (request: ImportRequest) => {
      const result = await call(window.authdesk.accounts.import(request))
      await client.invalidateQueries({ queryKey: ['accounts'] })
      return result
    },
    [client],
  )
  return useSecretAction(importAccounts)
}

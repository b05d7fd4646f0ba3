import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Diagnosis } from '@shared/diagnosis'
import { call } from '@renderer/lib/call'
import { useCheckRun } from '../stores/check-run'

/**
 * Checks one account now (a real call to the provider). The list updates from the
 * `health:changed` event; the account's history is refetched here. While it runs, the
 * account is in the `checking` set, so every view of it can say so.
 */
export function useCheckAccount(): (id: string) => Promise<Diagnosis> {
  const client = useQueryClient()
  const setChecking = useCheckRun((s) => s.setChecking)
  return useCallback(
    async (id: string) => {
      setChecking(id, true)
      try {
        return await call(window.authdesk.health.check({ id }))
      } finally {
        setChecking(id, false)
        await client.invalidateQueries({ queryKey: ['health', 'history', id] })
      }
    },
    [client, setChecking],
  )
}

import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { dueQuery } from '../api/get-due'
import { tokenStateQuery } from '@renderer/api/token-state'

/** Due dates are refetched at most this often while tokens change (a refresh wave over many accounts). */
const DUE_REFETCH_MS = 500

/**
 * `tokens:changed` carries the account's new token state: the panel takes it as is and the
 * dashboard's deadlines are refetched; `accounts:changed` refetches the deadlines too
 * (accounts added, removed or rotated).
 */
export function useTokenEvents(): void {
  const client = useQueryClient()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const refetchDue = (): void => {
      timer ??= setTimeout(() => {
        timer = undefined
        void client.invalidateQueries({ queryKey: dueQuery.queryKey })
      }, DUE_REFETCH_MS)
    }
    const offTokens = window.authdesk.events.onTokensChanged(({ accountId, state }) => {
      client.setQueryData(tokenStateQuery(accountId).queryKey, state)
      refetchDue()
    })
    const offAccounts = window.authdesk.events.onAccountsChanged(refetchDue)
    return () => {
      if (timer !== undefined) clearTimeout(timer)
      offTokens()
      offAccounts()
    }
  }, [client])
}

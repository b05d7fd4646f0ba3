import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { isWorkspaceScoped } from '../lib/query-keys'
import { workspaceQuery } from '../features/workspace/api/get-workspace'
import { useNavigation } from './stores/navigation'

/**
 * Keeps react-query in step with main: `accounts:changed` refetches the account queries;
 * `workspace:changed` resets every workspace-scoped query, so no account of the previous
 * workspace is ever shown under the new one.
 */
export function useIpcEvents(): void {
  const client = useQueryClient()
  const leaveWorkspaceScreens = useNavigation((s) => s.leaveWorkspaceScreens)
  useEffect(() => {
    const offAccounts = window.authdesk.events.onAccountsChanged(() => void client.invalidateQueries({ queryKey: ['accounts'] }))
    const offWorkspace = window.authdesk.events.onWorkspaceChanged((info) => {
      client.setQueryData(workspaceQuery.queryKey, info)
      leaveWorkspaceScreens()
      void client.resetQueries({ predicate: (query) => isWorkspaceScoped(query.queryKey) })
    })
    return () => {
      offAccounts()
      offWorkspace()
    }
  }, [client, leaveWorkspaceScreens])
}

import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { WorkspaceKind } from '@shared/model'
import { call } from '@renderer/lib/call'
import { workspaceQuery } from './get-workspace'

/** Switches between My accounts and the Demo; the `workspace:changed` event resets the rest. */
export function useSwitchWorkspace() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (to: WorkspaceKind) => call(window.authdesk.workspace.switch({ to })),
    onSuccess: (info) => client.setQueryData(workspaceQuery.queryKey, info),
  })
}

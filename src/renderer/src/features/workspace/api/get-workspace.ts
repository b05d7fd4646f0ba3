import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

export const workspaceQuery = queryOptions({
  queryKey: ['workspace', 'info'],
  queryFn: () => call(window.authdesk.workspace.info()),
  staleTime: Infinity,
})

export const useWorkspace = () => useQuery(workspaceQuery)

import type { QueryKey } from '@tanstack/react-query'

/**
 * Query keys whose first part is listed here describe the app, not the workspace shown: they
 * survive a workspace switch. Every other query is workspace-scoped and is reset on a switch
 * (providers too: the Demo has a provider of its own).
 */
const APP_SCOPED = new Set<unknown>(['app', 'workspace', 'knowledge'])

export function isWorkspaceScoped(key: QueryKey): boolean {
  return !APP_SCOPED.has(key[0])
}

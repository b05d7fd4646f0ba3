/**
 * SMSGate JWT scopes and the scope each third-party endpoint requires (dossier §2 and §5,
 * read from the server's per-area `permissions.go` files at the cited commit).
 */

/** Wildcard: satisfies every check except exact ones (only `/auth/token/refresh` is exact). */
export const SCOPE_ALL = 'all:any'
/** System scope the server puts on refresh tokens; clients do not request it. */
export const SCOPE_TOKENS_REFRESH = 'tokens:refresh'

export const SMSGATE_SCOPES = [
  SCOPE_ALL,
  'messages:send',
  'messages:read',
  'messages:list',
  'messages:cancel',
  'messages:export',
  'devices:list',
  'devices:delete',
  'inbox:list',
  'inbox:refresh',
  'webhooks:list',
  'webhooks:write',
  'webhooks:delete',
  'settings:read',
  'settings:write',
  'logs:read',
  'tokens:manage',
  SCOPE_TOKENS_REFRESH,
] as const
export type SmsGateScope = (typeof SMSGATE_SCOPES)[number]

export interface EndpointScope {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Relative to the API root (`…/3rdparty/v1`); `:name` is a path parameter. */
  readonly path: string
  readonly scope: SmsGateScope
  /** `all:any` does not satisfy an exact check. */
  readonly exact?: boolean
}

/**
 * Every authenticated endpoint of `/3rdparty/v1`. The legacy `/message` and `/device` groups
 * are aliases of `/messages` and `/devices` with the same scopes.
 */
export const ENDPOINT_SCOPES = [
  { method: 'POST', path: '/auth/token', scope: 'tokens:manage' },
  { method: 'POST', path: '/auth/token/refresh', scope: SCOPE_TOKENS_REFRESH, exact: true },
  { method: 'DELETE', path: '/auth/token/:jti', scope: 'tokens:manage' },
  { method: 'GET', path: '/messages', scope: 'messages:list' },
  { method: 'POST', path: '/messages', scope: 'messages:send' },
  { method: 'GET', path: '/messages/:id', scope: 'messages:read' },
  { method: 'DELETE', path: '/messages/:id', scope: 'messages:cancel' },
  { method: 'POST', path: '/messages/inbox/export', scope: 'messages:export' },
  { method: 'GET', path: '/devices', scope: 'devices:list' },
  { method: 'DELETE', path: '/devices/:id', scope: 'devices:delete' },
  { method: 'GET', path: '/inbox', scope: 'inbox:list' },
  { method: 'POST', path: '/inbox/refresh', scope: 'inbox:refresh' },
  { method: 'GET', path: '/settings', scope: 'settings:read' },
  { method: 'PATCH', path: '/settings', scope: 'settings:write' },
  { method: 'PUT', path: '/settings', scope: 'settings:write' },
  { method: 'GET', path: '/webhooks', scope: 'webhooks:list' },
  { method: 'POST', path: '/webhooks', scope: 'webhooks:write' },
  { method: 'DELETE', path: '/webhooks/:id', scope: 'webhooks:delete' },
  { method: 'GET', path: '/logs', scope: 'logs:read' },
] as const satisfies ReadonlyArray<EndpointScope>

export type EndpointRow = (typeof ENDPOINT_SCOPES)[number]
type KeyOf<Row> = Row extends { readonly method: infer M extends string; readonly path: infer P extends string } ? `${M} ${P}` : never
/** `METHOD /path` of each row (not the cross product of methods and paths). */
export type EndpointKey = KeyOf<EndpointRow>

export const endpointKey = (row: EndpointScope): EndpointKey => `${row.method} ${row.path}` as EndpointKey

export function grantsScope(granted: ReadonlyArray<string>, required: string, exact = false): boolean {
  return granted.some((scope) => scope === required || (!exact && scope === SCOPE_ALL))
}

/** The server's 403 message text. */
export const scopeRequiredMessage = (scope: string): string => `scope required: ${scope}`

/** The scope named in a 403 `scope required: X` message, or null for any other text. */
export function scopeFromMessage(message: string): string | null {
  const match = /^scope required: (\S+)$/.exec(message)
  return match?.[1] ?? null
}

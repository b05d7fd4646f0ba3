/**
 * `/auth/token` endpoints (dossier §4, server `handlers/thirdparty/auth.go`).
 */
import type { SimResponse } from '../../simulators/types'
import { effectiveTtl, type RouteContext, type RouteHandler } from './simulator-state'
import type { IssuedPair } from './simulator-tokens'
import { errorResponse, goTypeError, isUnsignedInteger, json, parseJsonBody, rfc3339, statusOnly, unauthorized, validatorError } from './simulator-wire'

const disabled = (): SimResponse => errorResponse(501, 'token service disabled, contact your administrator')

/** smsgateway.TokenResponse, in its field order; `refresh_token` is `omitempty`. */
function tokenResponse(pair: IssuedPair): Record<string, string> {
  return {
    id: pair.id,
    token_type: 'Bearer',
    access_token: pair.accessToken,
    ...(pair.refreshToken === null ? {} : { refresh_token: pair.refreshToken }),
    expires_at: rfc3339(pair.expiresAt * 1000),
  }
}

type TokenRequest = { readonly ok: true; readonly ttl: number; readonly scopes: ReadonlyArray<string> } | { readonly ok: false; readonly message: string }

/** Decodes and validates `{ttl?, scopes}` in the server's order: JSON types first, then validator tags. */
function readTokenRequest(body: Readonly<Record<string, unknown>>): TokenRequest {
  const { ttl, scopes } = body
  if (ttl !== undefined && ttl !== null && !isUnsignedInteger(ttl)) {
    return { ok: false, message: `failed to parse body: ${goTypeError(ttl, 'TokenRequest.ttl', 'uint64')}` }
  }
  if (scopes !== undefined && scopes !== null && !Array.isArray(scopes)) {
    return { ok: false, message: `failed to parse body: ${goTypeError(scopes, 'TokenRequest.scopes', '[]string')}` }
  }
  const list: ReadonlyArray<unknown> | null = Array.isArray(scopes) ? scopes : null
  const wrongType = list?.find((scope) => typeof scope !== 'string')
  if (wrongType !== undefined) return { ok: false, message: `failed to parse body: ${goTypeError(wrongType, 'TokenRequest.scopes', 'string')}` }
  if (list === null) return { ok: false, message: validatorError('TokenRequest', 'Scopes', 'required') }
  if (list.length === 0) return { ok: false, message: validatorError('TokenRequest', 'Scopes', 'min') }
  const empty = list.indexOf('')
  if (empty >= 0) return { ok: false, message: validatorError('TokenRequest', `Scopes[${empty}]`, 'required') }
  return { ok: true, ttl: typeof ttl === 'number' ? ttl : 0, scopes: list as ReadonlyArray<string> }
}

const refreshTtl = ({ options }: RouteContext): number | null => (options.refreshTokens ? options.refreshTtlSeconds : null)

export const issueToken: RouteHandler = (context) => {
  const body = parseJsonBody(context.request, 'smsgateway.TokenRequest')
  if (!body.ok) return body.response
  const request = readTokenRequest(body.value)
  if (!request.ok) return errorResponse(400, request.message)
  const jwt = context.server.jwt
  if (jwt === null) return disabled()
  const pair = context.state.tokens.issue(jwt, {
    userId: context.user.username,
    scopes: request.scopes,
    nowMs: context.nowMs,
    accessTtlSeconds: effectiveTtl(context.options, request.ttl),
    refreshTtlSeconds: refreshTtl(context),
  })
  return json(201, tokenResponse(pair))
}

/**
 * Rotation: the presented refresh token is marked used and a new pair is stored. A replayed
 * token never gets here (the auth step already refuses revoked jtis); an access token that
 * somehow carries `tokens:refresh` has no `original_scopes` and is refused like the server does.
 */
export const refreshToken: RouteHandler = (context) => {
  const { claims, server, options } = context
  if (server.jwt === null) return disabled()
  if (claims?.jti === undefined || claims.user_id === undefined || !claims.original_scopes?.length) return unauthorized()
  const { pair } = context.state.tokens.rotate(server.jwt, claims.jti, {
    userId: claims.user_id,
    scopes: claims.original_scopes,
    nowMs: context.nowMs,
    // The new access token gets the server's TTL, not the originally requested one.
    accessTtlSeconds: effectiveTtl(options, 0),
    refreshTtlSeconds: refreshTtl(context) ?? options.refreshTtlSeconds,
  })
  return pair === null ? unauthorized() : json(options.refreshStatus, tokenResponse(pair))
}

/** 204 whether or not the jti exists or belongs to the caller (no 404). */
export const revokeToken: RouteHandler = (context) => {
  if (context.server.jwt === null) return disabled()
  context.state.tokens.revoke(context.params.jti ?? '', context.user.username)
  return statusOnly(204)
}

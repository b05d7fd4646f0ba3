/**
 * The phone app's built-in Local server, modelled on capcom6/android-sms-gateway
 * (`modules/localserver`: WebService.kt, AuthRoutes.kt, JwtService.kt, ScopeAuthorization.kt).
 * Read from the app's code [code]: Basic or JWT on every route but `/health`; 401 with an empty
 * body and a Basic challenge; 403 `{"message":"Insufficient permissions"}`; only `/device`, not
 * `/devices`; tokens issued 201 and refreshed 200, issuer `me.capcom.smsgateway`, no `sub`;
 * refresh tokens rotate and a replay is 401. Guessed [guess]: the device's fields beyond id and
 * name, the 202 body of a send, and the user name (the app generates one per install).
 */
import { randomBytes } from 'node:crypto'
import type { SimRequest, SimResponse } from '../../simulators/types'
import { decodeJwt, hasValidHs256Signature, signHs256 } from './jwt'
import { INSUFFICIENT_PERMISSIONS, LOCAL_SERVER_ISSUER } from './mode'
import { SCOPE_ALL, SCOPE_TOKENS_REFRESH } from './scopes'
import { newId } from './simulator-tokens'
import { header, json, rfc3339 } from './simulator-wire'

/** Where the phone's server is mounted on the simulator's origin (a real phone: `http://<phone-ip>:8080`). */
export const PHONE_PATH = '/phone'
export const PHONE_USER = { username: 'sms', password: 'Ph0ne-l0cal-pw1' } as const
const DEVICE = { id: 'Ph0neL0calServerDev01', name: 'Google/panther' }
const ACCESS_TTL_SECONDS = 24 * 3600
const REFRESH_TTL_SECONDS = 30 * 24 * 3600

interface Caller {
  readonly scopes: ReadonlyArray<string>
  readonly basic: boolean
  readonly claims: Readonly<Record<string, unknown>> | null
}

export interface PhonePair {
  readonly accessToken: string
  readonly refreshToken: string
}

export interface PhoneServer {
  handle(request: SimRequest, rest: string, nowMs: number): SimResponse
  /** Issues a pair as `POST /auth/token` would. */
  issue(scopes: ReadonlyArray<string>, nowMs: number): PhonePair & { readonly id: string; readonly expiresAtMs: number }
}

const challenge = (): SimResponse => ({ status: 401, headers: { 'www-authenticate': 'Basic realm="Access to SMS Gateway", charset="UTF-8"' } })
const forbidden = (): SimResponse => json(403, { message: INSUFFICIENT_PERMISSIONS })
const notFound = (): SimResponse => ({ status: 404 })

function basicCaller(value: string): Caller | null {
  const decoded = Buffer.from(value, 'base64').toString('utf8')
  return decoded === `${PHONE_USER.username}:${PHONE_USER.password}` ? { scopes: [SCOPE_ALL], basic: true, claims: null } : null
}

export function createPhoneServer(): PhoneServer {
  const secret = randomBytes(32).toString('hex')
  const revoked = new Set<string>()
  /** Refresh tokens not yet used; one is removed when it is rotated. */
  const liveRefresh = new Set<string>()

  function issue(scopes: ReadonlyArray<string>, nowMs: number) {
    const iat = Math.floor(nowMs / 1000)
    const id = newId()
    const refreshId = newId()
    const accessToken = signHs256({ jti: id, iss: LOCAL_SERVER_ISSUER, iat, exp: iat + ACCESS_TTL_SECONDS, scopes, token_use: 'access' }, secret)
    const refreshToken = signHs256(
      { jti: refreshId, iss: LOCAL_SERVER_ISSUER, iat, exp: iat + REFRESH_TTL_SECONDS, scopes: [SCOPE_TOKENS_REFRESH], original_scopes: scopes, token_use: 'refresh' },
      secret,
    )
    liveRefresh.add(refreshId)
    return { id, accessToken, refreshToken, expiresAtMs: (iat + ACCESS_TTL_SECONDS) * 1000 }
  }

  function bearerCaller(token: string, nowMs: number): Caller | null {
    const decoded = decodeJwt(token)
    if (decoded === null || !hasValidHs256Signature(decoded, secret)) return null
    const { payload } = decoded
    if (payload.iss !== LOCAL_SERVER_ISSUER || typeof payload.exp !== 'number' || payload.exp * 1000 <= nowMs) return null
    if (typeof payload.jti !== 'string' || revoked.has(payload.jti)) return null
    const scopes = Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === 'string') : []
    return { scopes, basic: false, claims: payload }
  }

  function authenticate(request: SimRequest, nowMs: number): Caller | null {
    const authorization = header(request, 'authorization') ?? ''
    const [scheme, value] = [authorization.slice(0, authorization.indexOf(' ')).toLowerCase(), authorization.slice(authorization.indexOf(' ') + 1)]
    if (scheme === 'basic') return basicCaller(value)
    if (scheme === 'bearer') return bearerCaller(value, nowMs)
    return null
  }

  /** ScopeAuthorization.kt: Basic passes every non-exact check; `all:any` too. */
  const allows = (caller: Caller, scope: string, exact = false): boolean =>
    exact ? !caller.basic && caller.scopes.length === 1 && caller.scopes[0] === scope : caller.basic || caller.scopes.includes(SCOPE_ALL) || caller.scopes.includes(scope)

  const pairBody = (pair: ReturnType<typeof issue>) => ({
    id: pair.id,
    token_type: 'Bearer',
    access_token: pair.accessToken,
    expires_at: rfc3339(pair.expiresAtMs),
    refresh_token: pair.refreshToken,
  })

  function refresh(caller: Caller, nowMs: number): SimResponse {
    const claims = caller.claims
    const jti = typeof claims?.jti === 'string' ? claims.jti : ''
    if (claims?.token_use !== 'refresh' || jti === '') return json(401, { message: 'Unauthorized' })
    if (!liveRefresh.delete(jti)) return json(401, { message: 'refresh token replay detected' })
    const scopes = Array.isArray(claims.original_scopes) ? claims.original_scopes.filter((s): s is string => typeof s === 'string') : []
    return json(200, pairBody(issue(scopes, nowMs)))
  }

  function route(request: SimRequest, rest: string, caller: Caller, nowMs: number): SimResponse {
    const key = `${request.method.toUpperCase()} ${rest.replace(/\/+$/, '') || '/'}`
    if (key === 'GET /') return json(200, { status: 'ok', model: 'Pixel 7' })
    if (key === 'GET /device') {
      if (!allows(caller, 'devices:list')) return forbidden()
      const at = new Date(nowMs).toISOString()
      return json(200, [{ id: DEVICE.id, name: DEVICE.name, createdAt: at, updatedAt: at, lastSeen: at, simCards: [{ slotIndex: 0, simNumber: 1 }] }])
    }
    if (key === 'POST /message' || key === 'POST /messages') {
      if (!allows(caller, 'messages:send')) return forbidden()
      return json(202, { id: newId(), deviceId: DEVICE.id, state: 'Pending', isHashed: false, isEncrypted: false, recipients: [], states: {} })
    }
    if (key === 'POST /auth/token') {
      if (!allows(caller, 'tokens:manage')) return forbidden()
      const body = JSON.parse(request.body || '{}') as { scopes?: unknown }
      const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : []
      if (scopes.length === 0) return json(400, { message: 'scopes must not be empty' })
      return json(201, pairBody(issue(scopes, nowMs)))
    }
    if (key === 'POST /auth/token/refresh') return allows(caller, SCOPE_TOKENS_REFRESH, true) ? refresh(caller, nowMs) : forbidden()
    const revoke = /^DELETE \/auth\/token\/([^/]+)$/.exec(key)
    if (revoke) {
      if (!allows(caller, 'tokens:manage')) return forbidden()
      revoked.add(revoke[1]!)
      return { status: 204 }
    }
    return notFound()
  }

  return {
    issue,
    handle(request, rest, nowMs) {
      if (request.method === 'GET' && rest.replace(/\/+$/, '') === '/health') return json(200, { status: 'pass', version: '1.64.0', checks: {} })
      let caller: Caller | null
      try {
        caller = authenticate(request, nowMs)
      } catch {
        caller = null
      }
      if (caller === null) return challenge()
      try {
        return route(request, rest, caller, nowMs)
      } catch {
        return json(400, { message: 'Bad request' })
      }
    },
  }
}

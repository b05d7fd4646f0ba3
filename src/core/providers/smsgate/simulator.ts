/**
 * A local fake of the SMSGate (android-sms-gateway) third-party API, faithful to the server
 * code the dossier cites (providers/smsgate.md). Three servers share one origin:
 *   - the cloud, at `/3rdparty/v1` (or `/api/3rdparty/v1` with the `apiPrefix` option);
 *   - a private server at `/private/api/3rdparty/v1` with its own JWT secret;
 *   - a private server without JWT at `/nojwt/api/3rdparty/v1`.
 *   - the phone app's Local server at `/phone` (simulator-phone.ts).
 * Health endpoints need no credentials: `/health*` at the root and under each API root.
 * Documented [code] vs guessed: see providers/smsgate.md in docs; what the server code does not
 * settle (cloud TTLs, the cloud's proxy) follows the server's defaults [guess].
 */
import { randomBytes } from 'node:crypto'
import type { ProviderSimulator, SimContext, SimRequest, SimResponse } from '../../simulators/types'
import { decodeJwt, hasValidHs256Signature, isExpiredAt, peekSmsGateClaims, readSmsGateClaims, type SmsGateClaims } from './jwt'
import { ENDPOINT_SCOPES, SCOPE_ALL, endpointKey, grantsScope, scopeRequiredMessage, type EndpointRow, type EndpointScope } from './scopes'
import { ROUTE_HANDLERS, health, isHealthPath } from './simulator-api-routes'
import {
  CLOUD_PATH,
  NOJWT_PATH,
  PRIVATE_PATH,
  SEED_USERS,
  buildScenarios,
  seedTokens,
  type SeedUser,
  type SeededTokens,
} from './simulator-scenarios'
import { DEFAULT_OPTIONS, userKey, type ServerConfig, type SimState, type SmsGateSimOptions } from './simulator-state'
import { createPhoneServer, PHONE_PATH, type PhonePair, type PhoneServer } from './simulator-phone'
import { createTokenStore, type JwtConfig } from './simulator-tokens'
import { errorResponse, header, matchPath, notFound, unauthorized } from './simulator-wire'

export type { SmsGateSimOptions } from './simulator-state'

export interface CreateSmsGateSimulatorOptions {
  /** Clock for seeding (pre-issued tokens, device timestamps); requests use `SimContext.now()`. */
  readonly now?: () => number
}

const LINK = '</.well-known/api-catalog>; rel="api-catalog"'
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

interface Caller {
  readonly user: SeedUser
  readonly scopes: ReadonlyArray<string>
  readonly claims: SmsGateClaims | null
}

interface World {
  readonly secrets: { readonly cloud: string; readonly private: string }
  readonly state: SimState
  readonly seeded: SeededTokens
  readonly phone: PhoneServer
  readonly phoneTokens: { readonly full: PhonePair; readonly sendOnly: PhonePair }
}

/** "Basic " / "Bearer " prefix test as the middlewares do it: case-insensitive, and something must follow. */
function credentialAfter(scheme: string, authorization: string): string | null {
  const prefix = `${scheme} `
  return authorization.length > prefix.length && authorization.slice(0, prefix.length).toLowerCase() === prefix ? authorization.slice(prefix.length) : null
}

/** Go's base64.StdEncoding: padding required, CR/LF ignored. Returns `[username, password]`. */
function decodeBasic(value: string): readonly [string, string] | null {
  const compact = value.replace(/[\r\n]/g, '')
  if (!STRICT_BASE64.test(compact)) return null
  const decoded = Buffer.from(compact, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon < 0 ? null : [decoded.slice(0, colon), decoded.slice(colon + 1)]
}

const findUser = (server: ServerConfig, username: string): SeedUser | undefined =>
  SEED_USERS.find((user) => user.mount === server.mount && user.username === username)

function basicCaller(server: ServerConfig, value: string): Caller | null {
  const pair = decodeBasic(value)
  const user = pair === null ? undefined : findUser(server, pair[0])
  return user !== undefined && pair !== null && user.password === pair[1] ? { user, scopes: [SCOPE_ALL], claims: null } : null
}

/** golang-jwt v5 with HS256 only, `exp` required, `iat`/`nbf` checked, no leeway; then the revocation table and the user. */
function bearerCaller(server: ServerConfig, token: string, state: SimState, nowMs: number): Caller | null {
  if (server.jwt === null) return null
  const decoded = decodeJwt(token)
  if (decoded === null || !hasValidHs256Signature(decoded, server.jwt.secret)) return null
  const claims = readSmsGateClaims(decoded.payload)
  if (claims?.exp === undefined || isExpiredAt(claims, nowMs) || claims.iss !== server.jwt.issuer) return null
  if ((claims.iat !== undefined && nowMs < claims.iat * 1000) || (claims.nbf !== undefined && nowMs < claims.nbf * 1000)) return null
  if (state.tokens.isRevoked(claims.jti ?? '')) return null
  const user = findUser(server, claims.user_id ?? '')
  return user === undefined ? null : { user, scopes: claims.scopes ?? [], claims }
}

function authenticate(server: ServerConfig, request: SimRequest, state: SimState, nowMs: number): Caller | null {
  const authorization = header(request, 'authorization') ?? ''
  const basic = credentialAfter('basic', authorization)
  if (basic !== null) return basicCaller(server, basic)
  const bearer = credentialAfter('bearer', authorization)
  return bearer === null ? null : bearerCaller(server, bearer, state, nowMs)
}

/** The legacy `/message` and `/device` groups are registered with the same handlers. */
function canonicalPath(rest: string): string {
  return rest.replace(/^\/(message|device)(?=\/|$)/i, (_, group: string) => `/${group.toLowerCase()}s`)
}

function isServed(row: EndpointRow, options: Readonly<SmsGateSimOptions>): boolean {
  if (row.path === '/auth/token/refresh') return options.refreshTokens
  return options.inboxEndpoints || !row.path.startsWith('/inbox')
}

function findRoute(method: string, rest: string, options: Readonly<SmsGateSimOptions>) {
  const path = canonicalPath(rest)
  for (const row of ENDPOINT_SCOPES) {
    if (row.method !== method.toUpperCase() || !isServed(row, options)) continue
    const params = matchPath(row.path, path)
    if (params !== null) return { row, params }
  }
  return null
}

function locate(servers: ReadonlyArray<ServerConfig>, path: string): { server: ServerConfig; rest: string } | null {
  const lower = path.toLowerCase()
  for (const server of servers) {
    const prefix = server.prefix.toLowerCase()
    if (lower === prefix || lower.startsWith(`${prefix}/`)) return { server, rest: path.slice(prefix.length) }
  }
  return null
}

const withLink = (response: SimResponse): SimResponse => ({ ...response, headers: { ...response.headers, link: LINK } })

export function createSmsGateSimulator(init: CreateSmsGateSimulatorOptions = {}): ProviderSimulator<SmsGateSimOptions> {
  const clock = init.now ?? Date.now
  const options: SmsGateSimOptions = { ...DEFAULT_OPTIONS }
  const jwtConfig = (secret: string): JwtConfig => ({ secret, issuer: options.issuer })

  function seed(): World {
    const secrets = { cloud: randomBytes(32).toString('hex'), private: randomBytes(32).toString('hex') }
    const nowMs = clock()
    const tokens = createTokenStore()
    const devices = new Map(SEED_USERS.map((user) => [userKey(user), [...user.devices]]))
    const ttl = { accessSeconds: DEFAULT_OPTIONS.defaultTtlSeconds, refreshSeconds: DEFAULT_OPTIONS.refreshTtlSeconds }
    const seeded = seedTokens(tokens, jwtConfig(secrets.cloud), nowMs, ttl)
    const phone = createPhoneServer()
    const phoneTokens = { full: phone.issue(['devices:list', 'messages:send'], nowMs), sendOnly: phone.issue(['messages:send'], nowMs) }
    return { secrets, state: { tokens, devices, messages: new Map(), seededAtMs: nowMs }, seeded, phone, phoneTokens }
  }
  let world = seed()

  const cloudPath = (): string => (options.apiPrefix ? `/api${CLOUD_PATH}` : CLOUD_PATH)
  const servers = (): ReadonlyArray<ServerConfig> => [
    { mount: 'cloud', prefix: cloudPath(), jwt: options.jwtEnabled ? jwtConfig(world.secrets.cloud) : null },
    { mount: 'private', prefix: PRIVATE_PATH, jwt: jwtConfig(world.secrets.private) },
    { mount: 'nojwt', prefix: NOJWT_PATH, jwt: null },
  ]

  /** Order as the server's middleware: health, then Basic → JWT → user required, then route and scope. */
  function serve(server: ServerConfig, rest: string, request: SimRequest, nowMs: number): SimResponse {
    if (request.method === 'GET' && isHealthPath(rest)) return health()
    const caller = authenticate(server, request, world.state, nowMs)
    if (caller === null) return unauthorized()
    const route = findRoute(request.method, rest, options)
    if (route === null) return notFound()
    const { scope, exact } = route.row as EndpointScope
    if (!grantsScope(caller.scopes, scope, exact === true)) return errorResponse(403, scopeRequiredMessage(scope))
    return ROUTE_HANDLERS[endpointKey(route.row)]({
      request,
      params: route.params,
      user: caller.user,
      claims: caller.claims,
      server,
      nowMs,
      state: world.state,
      options,
    })
  }

  function handle(request: SimRequest, context: SimContext): SimResponse {
    if (request.method === 'GET' && isHealthPath(request.path)) return health()
    const lower = request.path.toLowerCase()
    if (lower === PHONE_PATH || lower.startsWith(`${PHONE_PATH}/`)) return world.phone.handle(request, request.path.slice(PHONE_PATH.length), context.now())
    const found = locate(servers(), request.path)
    return found === null ? notFound() : withLink(serve(found.server, found.rest, request, context.now()))
  }

  function accountOf(request: SimRequest): string | null {
    const authorization = header(request, 'authorization') ?? ''
    const basic = credentialAfter('basic', authorization)
    if (basic !== null) return decodeBasic(basic)?.[0] ?? null
    const bearer = credentialAfter('bearer', authorization)
    // The phone's tokens carry no `sub`: one phone, one account.
    return bearer === null ? null : (peekSmsGateClaims(bearer)?.sub ?? (request.path.startsWith(PHONE_PATH) ? 'phone' : null))
  }

  return {
    id: 'smsgate',
    baseUrlPath: cloudPath,
    scenarios: () => buildScenarios(world.seeded, cloudPath(), world.phoneTokens),
    accountOf,
    handle,
    options,
    setOptions: (patch) => void Object.assign(options, patch),
    reset: () => {
      Object.assign(options, DEFAULT_OPTIONS)
      world = seed()
    },
  }
}

/**
 * Authmatech's server API on loopback (host root, `/v1/api/**`). Every answer is the
 * `{success, messages[], data}` envelope. Order of checks, as a Spring filter chain would run
 * them: headers (401) → per-client rate limit (429) → routing (404/405) → the endpoint.
 */
import type { ProviderSimulator, SimRequest, SimResponse } from '../../simulators/types'
import { AUTHMATECH_TEXT, failureEnvelope, withoutNullMembers } from './envelope'
import { AUTHMATECH_ROUTES, type Reply } from './simulator-routes'
import { AUTHMATECH_SCENARIOS } from './simulator-scenarios'
import { keyAccepted, seedClients, takeBudget, type ClientState } from './simulator-state'

export interface AuthmatechSimOptions {
  /** Default per-client budget, requests per sliding minute of `context.now()` (A-RL: 1,000). */
  readonly rateLimitPerMinute: number
  /** Retry-After on the provider's own 429: not mentioned anywhere (§6), so null (absent) by default. */
  readonly retryAfterSeconds: number | null
  /** How long a rotated-away key keeps working. No grace period is documented, so 0 by default. */
  readonly rotationGraceMs: number
  /**
   * A valid-looking request with an unknown X-CLIENT-ID: 401 as documented for "missing or
   * invalid" headers (A-API-AUTH), or the documented 404 sample "Client not found." (A-ERR).
   */
  readonly unknownClientId: 'unauthorized' | 'client-not-found'
  /** Leave null message members out, as the OpenAPI samples do (A-VN), instead of A-TEST's full form. */
  readonly omitNullMembers: boolean
}

export const AUTHMATECH_SIM_DEFAULTS: AuthmatechSimOptions = {
  rateLimitPerMinute: 1_000,
  retryAfterSeconds: null,
  rotationGraceMs: 0,
  unknownClientId: 'unauthorized',
  omitNullMembers: false,
}

const API_PREFIX = '/v1/api/'
const unauthorized: Reply = { status: 401, envelope: failureEnvelope(401, AUTHMATECH_TEXT.unauthorized) }
const notFound = (message: string): Reply => ({ status: 404, envelope: failureEnvelope(404, message, 'resource_not_found') })
// Unknown paths: same code as an unknown id (A-ERR "unknown resource id or path"); the text is inferred.
const pathNotFound = notFound('Resource not found.')

function header(request: SimRequest, name: string): string {
  const value = request.headers[name]
  return typeof value === 'string' ? value : ''
}

type Auth = { readonly kind: 'ok'; readonly client: ClientState } | { readonly kind: 'refused'; readonly reply: Reply }

export function createAuthmatechSimulator(): ProviderSimulator<AuthmatechSimOptions> {
  let options: AuthmatechSimOptions = { ...AUTHMATECH_SIM_DEFAULTS }
  let clients = seedClients()

  function respond({ status, envelope }: Reply, headers: Record<string, string> = {}): SimResponse {
    const body = options.omitNullMembers ? withoutNullMembers(envelope) : envelope
    return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
  }

  /** Both headers are compared exactly: no trimming, no case folding of values. */
  function authenticate(request: SimRequest, now: number): Auth {
    const apiKey = header(request, 'x-api-key')
    const clientId = header(request, 'x-client-id')
    if (apiKey === '' || clientId === '') return { kind: 'refused', reply: unauthorized }
    const client = clients.get(clientId)
    if (!client) {
      const reply = options.unknownClientId === 'client-not-found' ? notFound(AUTHMATECH_TEXT.clientNotFound) : unauthorized
      return { kind: 'refused', reply }
    }
    return keyAccepted(client, apiKey, now, options.rotationGraceMs) ? { kind: 'ok', client } : { kind: 'refused', reply: unauthorized }
  }

  function rateLimited(): SimResponse {
    const retryAfter = options.retryAfterSeconds
    const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter) }
    return respond({ status: 429, envelope: failureEnvelope(429, AUTHMATECH_TEXT.rateLimited) }, headers)
  }

  function route(request: SimRequest, client: ClientState, now: number): SimResponse {
    const matches = AUTHMATECH_ROUTES.map((r) => ({ route: r, match: r.pattern.exec(request.path) })).filter((m) => m.match !== null)
    if (matches.length === 0) return respond(pathNotFound)
    const hit = matches.find((m) => m.route.method === request.method)
    if (!hit || !hit.match) {
      const allow = [...new Set(matches.map((m) => m.route.method))].join(', ')
      const message = `Request method '${request.method}' is not supported.`
      return respond({ status: 405, envelope: failureEnvelope(405, message) }, { allow })
    }
    return respond(hit.route.handle({ request, client, now, params: hit.match.slice(1) }))
  }

  return {
    id: 'authmatech',
    baseUrlPath: () => '',
    scenarios: () => AUTHMATECH_SCENARIOS,
    accountOf: (request) => header(request, 'x-client-id') || null,
    handle(request, context) {
      if (!request.path.startsWith(API_PREFIX)) return respond(pathNotFound)
      const now = context.now()
      const auth = authenticate(request, now)
      if (auth.kind === 'refused') return respond(auth.reply)
      // Only requests that carry the account's valid headers count against its budget (A-RL).
      const budget = auth.client.seed.budgetPerMinute ?? options.rateLimitPerMinute
      if (!takeBudget(auth.client, now, budget)) return rateLimited()
      auth.client.totalRequests += 1
      return route(request, auth.client, now)
    },
    get options() {
      return options
    },
    setOptions(patch) {
      options = { ...options, ...patch }
    },
    reset() {
      options = { ...AUTHMATECH_SIM_DEFAULTS }
      clients = seedClients()
    },
  }
}

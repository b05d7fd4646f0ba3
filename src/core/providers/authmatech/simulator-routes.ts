/**
 * The authenticated Authmatech endpoints the simulator serves. Each handler gets a client that
 * already passed the header check and the rate limit. The 400 texts for product, balance and
 * validation problems are not documented (authmatech.md §10); the ones here are inferred.
 */
import type { SimRequest } from '../../simulators/types'
import {
  AUTHMATECH_PATHS,
  AUTHMATECH_TEXT,
  failureEnvelope,
  successEnvelope,
  type AuthmatechEnvelope,
  type AuthmatechProductsData,
  type AuthmatechStatus,
} from './envelope'
import { AUTHMATECH_PRODUCTS, AUTHMATECH_SIM_TRANSACTIONS, simulatedProof } from './simulator-scenarios'
import { balanceExpired, recordUse, rotateKey, type ClientState } from './simulator-state'

export interface Reply {
  readonly status: AuthmatechStatus
  readonly envelope: AuthmatechEnvelope
}

export interface RouteInput {
  readonly request: SimRequest
  readonly client: ClientState
  readonly now: number
  /** Path parameters captured by the route pattern. */
  readonly params: ReadonlyArray<string>
}

export interface Route {
  readonly method: 'GET' | 'POST'
  readonly pattern: RegExp
  handle(input: RouteInput): Reply
}

export const AUTHMATECH_TEXT_INFERRED = {
  productNotEnabled: (product: string) => `Product ${product} is not enabled for this client.`,
  insufficientBalance: 'Insufficient balance.',
  balanceExpired: 'Balance has expired.',
  invalidMobile: 'Invalid mobile number. Use E.164 format, e.g. +962791234567.',
  malformedJson: 'Malformed JSON request.',
  required: (field: string) => `${field} is required.`,
  invalidServiceType: 'Invalid serviceType.',
  transactionNotFound: 'Transaction not found.',
} as const

export const SERVICE_TYPES: ReadonlyArray<string> = ['REGISTRATION', 'LOGIN', 'RESET_PASS', 'UPDATE_DETAILS', 'TRANSACTION']
const E164 = /^\+[1-9]\d{7,14}$/
const T = AUTHMATECH_TEXT_INFERRED

const ok = (data: unknown): Reply => ({ status: 200, envelope: successEnvelope(data) })
const badRequest = (message: string, code: 'INVALID_MOBILE_NUMBER' | null = null): Reply => ({
  status: 400,
  envelope: failureEnvelope(400, message, code),
})

type JsonBody = { readonly kind: 'ok'; readonly value: Readonly<Record<string, unknown>> } | { readonly kind: 'bad'; readonly reply: Reply }

/** JSON object bodies only. A missing or other Content-Type is a 400 per the docs' error table (§5, §9). */
function jsonBody(request: SimRequest): JsonBody {
  const contentType = request.headers['content-type'] ?? ''
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (mediaType !== 'application/json') {
    return { kind: 'bad', reply: badRequest(`Content-Type '${contentType || 'application/octet-stream'}' is not supported.`) }
  }
  try {
    const value: unknown = JSON.parse(request.body)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { kind: 'ok', value: value as Record<string, unknown> }
  } catch {
    // falls through to the 400 below
  }
  return { kind: 'bad', reply: badRequest(T.malformedJson) }
}

const text = (body: Readonly<Record<string, unknown>>, name: string): string => {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

/** Product gate, then balance: both are 400s told apart only by the message. */
function chargeVerify(client: ClientState, now: number): Reply | null {
  if (!client.seed.products.includes('VERIFY')) return badRequest(T.productNotEnabled('VERIFY'))
  if (balanceExpired(client, now)) return badRequest(T.balanceExpired)
  if (client.balance <= 0) return badRequest(T.insufficientBalance)
  client.balance -= 1
  recordUse(client, 'VERIFY')
  return null
}

function verdict(request: SimRequest, mobileNumber: string, validNumber: boolean): Reply {
  if (request.query.get('maskMobile') !== 'true') return ok({ validNumber })
  // The masked field's name was not captured (§3); `maskedMobileNumber` is our guess.
  return ok({ validNumber, maskedMobileNumber: `********${mobileNumber.slice(-2)}` })
}

function verify({ request, client, now, params }: RouteInput): Reply {
  const body = jsonBody(request)
  if (body.kind === 'bad') return body.reply
  const mobileNumber = text(body.value, 'mobileNumber')
  if (mobileNumber === '') return badRequest(T.required('mobileNumber'))
  if (!E164.test(mobileNumber)) return badRequest(T.invalidMobile, 'INVALID_MOBILE_NUMBER')
  const transactionId = params[0]
  const proof = text(body.value, 'encryptedMobileNumber')
  if (transactionId === undefined && proof === '') return badRequest(T.required('encryptedMobileNumber'))
  const serviceType = body.value['serviceType']
  if (serviceType !== undefined && !SERVICE_TYPES.includes(String(serviceType))) return badRequest(T.invalidServiceType)
  const captured = transactionId === undefined ? undefined : AUTHMATECH_SIM_TRANSACTIONS[transactionId]
  if (transactionId !== undefined && captured === undefined) {
    return { status: 404, envelope: failureEnvelope(404, T.transactionNotFound, 'resource_not_found') }
  }
  const refused = chargeVerify(client, now)
  if (refused) return refused
  const validNumber = captured === undefined ? proof === simulatedProof(mobileNumber) : captured === mobileNumber
  return verdict(request, mobileNumber, validNumber)
}

function products({ client }: RouteInput): Reply {
  const data: AuthmatechProductsData = {
    products: AUTHMATECH_PRODUCTS.map((product) => ({ product, enabled: client.seed.products.includes(product) })),
  }
  return ok(data)
}

/** The usage schema was not captured (§10); this one is the simulator's. */
function usage({ client }: RouteInput): Reply {
  const expiresAt = client.seed.balanceExpiresAt
  return ok({
    totalRequests: client.totalRequests,
    byProduct: Object.fromEntries(AUTHMATECH_PRODUCTS.map((p) => [p, client.usage.get(p) ?? 0])),
    balance: { remaining: client.balance, expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString() },
  })
}

/**
 * Rotation needs the client secret in the body (`{secretKey}`, A-ROT) on top of the headers.
 * A wrong secret is answered like any bad credential (401; not documented). 200 rather than
 * 201: only onboarding and first-key generation are documented as 201.
 */
function rotate({ request, client, now }: RouteInput): Reply {
  const body = jsonBody(request)
  if (body.kind === 'bad') return body.reply
  const secretKey = text(body.value, 'secretKey')
  if (secretKey === '') return badRequest(T.required('secretKey'))
  if (secretKey !== client.seed.secretKey) return { status: 401, envelope: failureEnvelope(401, AUTHMATECH_TEXT.unauthorized) }
  return ok({ newApiKey: rotateKey(client, now) })
}

const exact = (path: string): RegExp => new RegExp(`^${path.replaceAll('/', '\\/')}$`)

export const AUTHMATECH_ROUTES: ReadonlyArray<Route> = [
  { method: 'GET', pattern: exact(AUTHMATECH_PATHS.products), handle: products },
  { method: 'GET', pattern: exact(AUTHMATECH_PATHS.usage), handle: usage },
  { method: 'POST', pattern: exact(AUTHMATECH_PATHS.verify), handle: verify },
  { method: 'POST', pattern: /^\/v1\/api\/verify\/([^/]+)$/, handle: verify },
  { method: 'POST', pattern: exact(AUTHMATECH_PATHS.rotateKey), handle: rotate },
  { method: 'POST', pattern: exact(AUTHMATECH_PATHS.rotateOwnKey), handle: rotate },
]

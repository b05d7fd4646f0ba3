/**
 * Authmatech's response envelope `{success, messages[], data}` and its wire constants, shared
 * by the simulator and the probe (shared/providers/authmatech.md §2–§5). Pure.
 */
import { z } from 'zod'

export const AUTHMATECH_PATHS = {
  products: '/v1/api/me/products',
  usage: '/v1/api/me/usage',
  verify: '/v1/api/verify',
  rotateKey: '/v1/api/clients/rotate-key',
  rotateOwnKey: '/v1/api/me/api-key/rotate',
} as const

/** Header names as documented; node lower-cases them on receipt. */
export const AUTHMATECH_HEADERS = { apiKey: 'X-API-KEY', clientId: 'X-CLIENT-ID', sdkToken: 'X-SDK-TOKEN' } as const

export function authmatechAuthHeaders(apiKey: string, clientId: string): Readonly<Record<string, string>> {
  return { [AUTHMATECH_HEADERS.apiKey]: apiKey, [AUTHMATECH_HEADERS.clientId]: clientId, Accept: 'application/json' }
}

export const AUTHMATECH_MESSAGE_TYPES = ['SUCCESS', 'FAILURE', 'INFO', 'WARNING'] as const
export type AuthmatechMessageType = (typeof AUTHMATECH_MESSAGE_TYPES)[number]

/** HTTP status → the status name mirrored in `messages[].httpStatus` (Spring's HttpStatus names). */
export const AUTHMATECH_STATUS_NAMES = {
  200: 'OK',
  201: 'CREATED',
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
} as const
export type AuthmatechStatus = keyof typeof AUTHMATECH_STATUS_NAMES
export type AuthmatechFailureStatus = Exclude<AuthmatechStatus, 200 | 201>

export const AUTHMATECH_ERROR_CODES = ['resource_not_found', 'resource_already_exists', 'INVALID_MOBILE_NUMBER', 'internal_server_error'] as const
export type AuthmatechErrorCode = (typeof AUTHMATECH_ERROR_CODES)[number]

/** Documented literal texts. */
export const AUTHMATECH_TEXT = {
  unauthorized: 'Unauthorized',
  rateLimited: 'Rate limit exceeded.',
  clientNotFound: 'Client not found.',
} as const

export interface AuthmatechMessage {
  readonly type: AuthmatechMessageType
  readonly code: string | null
  readonly message: string | null
  readonly httpStatus: string
  readonly technical: boolean
  readonly arguments: Readonly<Record<string, unknown>> | null
}

export interface AuthmatechEnvelope<Data = unknown> {
  readonly success: boolean
  readonly messages: ReadonlyArray<AuthmatechMessage>
  readonly data: Data | null
}

export function successEnvelope<Data>(data: Data, status: 200 | 201 = 200): AuthmatechEnvelope<Data> {
  const message: AuthmatechMessage = {
    type: 'SUCCESS',
    code: null,
    message: null,
    httpStatus: AUTHMATECH_STATUS_NAMES[status],
    technical: false,
    arguments: null,
  }
  return { success: true, messages: [message], data }
}

/** A failure: `data` null, one FAILURE message. 401 and 429 carry no code (documented). */
export function failureEnvelope(status: AuthmatechFailureStatus, message: string, code: AuthmatechErrorCode | null = null): AuthmatechEnvelope<never> {
  const entry: AuthmatechMessage = {
    type: 'FAILURE',
    code,
    message,
    httpStatus: AUTHMATECH_STATUS_NAMES[status],
    technical: status === 500,
    arguments: null,
  }
  return { success: false, messages: [entry], data: null }
}

/** The OpenAPI samples' form: message members that are null are left out (A-VN). */
export function withoutNullMembers<Data>(envelope: AuthmatechEnvelope<Data>): unknown {
  const messages = envelope.messages.map((m) => Object.fromEntries(Object.entries(m).filter(([, value]) => value !== null)))
  return { ...envelope, messages }
}

/** Lenient parse for the probe: accepts both the full and the null-omitting form. */
export const authmatechMessageSchema = z.object({
  type: z.string(),
  code: z.string().nullish(),
  message: z.string().nullish(),
  httpStatus: z.string().nullish(),
  technical: z.boolean().nullish(),
  arguments: z.record(z.string(), z.unknown()).nullish(),
})
export const authmatechEnvelopeSchema = z.object({
  success: z.boolean(),
  messages: z.array(authmatechMessageSchema),
  data: z.unknown().optional(),
})
export type ParsedAuthmatechEnvelope = z.infer<typeof authmatechEnvelopeSchema>

/** `GET /v1/api/me/products` data. The real schema was not captured; this shape is the simulator's. */
export interface AuthmatechProductsData {
  readonly products: ReadonlyArray<{ readonly product: string; readonly enabled: boolean }>
}

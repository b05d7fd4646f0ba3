/**
 * Wire details the SMSGate server gets from its framework (fiber v2 + go-infra-fx) rather than
 * from its own handlers: response shapes, body parsing and its error texts, route matching.
 */
import type { SimRequest, SimResponse } from '../../simulators/types'

const JSON_TYPE = 'application/json'
const TEXT_TYPE = 'text/plain; charset=utf-8'

export function json(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): SimResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) }
}

/** The framework error handler's body: `{"message": "<text>"}`. */
export const errorResponse = (status: number, message: string): SimResponse => json(status, { message })

export const unauthorized = (): SimResponse => errorResponse(401, 'Unauthorized')

/** Unmatched routes end in go-infra-fx's status-code middleware: plain text. */
export const notFound = (): SimResponse => ({ status: 404, headers: { 'content-type': TEXT_TYPE }, body: 'Not Found' })

/** fiber's `SendStatus`: 204 has no body; other codes carry their status text. */
export function statusOnly(status: 202 | 204, headers: Readonly<Record<string, string>> = {}): SimResponse {
  if (status === 204) return { status, headers }
  return { status, headers: { 'content-type': TEXT_TYPE, ...headers }, body: 'Accepted' }
}

/** Go's time.Time JSON for a whole-second UTC instant, e.g. `2026-08-22T10:15:00Z`. */
export const rfc3339 = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

export function header(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export type BodyResult =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly response: SimResponse }

const badBody = (reason: string): BodyResult => ({ ok: false, response: errorResponse(400, `failed to parse body: ${reason}`) })

function jsonKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'boolean' ? 'bool' : typeof value
}

/** encoding/json's type-mismatch text, e.g. `json: cannot unmarshal string into Go struct field TokenRequest.ttl of type uint64`. */
export function goTypeError(value: unknown, field: string, goType: string): string {
  const kind = typeof value === 'number' ? `number ${value}` : jsonKind(value)
  return `json: cannot unmarshal ${kind} into Go struct field ${field} of type ${goType}`
}

/** go-playground/validator's text for a failed tag. */
export const validatorError = (struct: string, field: string, tag: string): string =>
  `Key: '${struct}.${field}' Error:Field validation for '${field}' failed on the '${tag}' tag`

/**
 * fiber's BodyParser: only a `…json` content type is decoded (anything else is 422, which the
 * handlers turn into `failed to parse body: Unprocessable Entity`), then encoding/json.
 */
export function parseJsonBody(request: SimRequest, goStruct: string): BodyResult {
  const contentType = (header(request, 'content-type') ?? '').toLowerCase().split(';')[0]?.trim() ?? ''
  if (!contentType.endsWith('json')) return badBody('Unprocessable Entity')
  if (request.body.trim() === '') return badBody('unexpected end of JSON input')
  let value: unknown
  try {
    value = JSON.parse(request.body)
  } catch {
    return badBody('invalid character in JSON input')
  }
  if (value === null) return { ok: true, value: {} }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return badBody(`json: cannot unmarshal ${jsonKind(value)} into Go value of type ${goStruct}`)
  }
  return { ok: true, value: value as Readonly<Record<string, unknown>> }
}

export const isUnsignedInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/**
 * Matches `path` against route patterns (`/messages/:id`) the way fiber does by default:
 * case-insensitive static segments, an optional trailing slash.
 */
export function matchPath(pattern: string, path: string): Readonly<Record<string, string>> | null {
  const want = pattern.split('/').filter(Boolean)
  const got = path.replace(/\/+$/, '').split('/').filter(Boolean)
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? ''
    if (segment.startsWith(':')) params[segment.slice(1)] = decodePathSegment(actual)
    else if (segment.toLowerCase() !== actual.toLowerCase()) return null
  }
  return params
}

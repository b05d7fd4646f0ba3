/**
 * HS256 JWTs as the SMSGate server issues them (golang-jwt v5, dossier §3): signing, a
 * decode that does not verify (for a probe that must tell expired from rejected and read the
 * scopes), and signature checking. Pure apart from node:crypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type JsonObject = Readonly<Record<string, unknown>>

export interface DecodedJwt {
  readonly header: JsonObject
  readonly payload: JsonObject
  /** `header.payload` as sent: the bytes the signature covers. */
  readonly signingInput: string
  readonly signature: Buffer
}

/** Claims of an SMSGate token; each is present only when the payload holds it with the right type. */
export interface SmsGateClaims {
  readonly jti?: string
  readonly iss?: string
  readonly sub?: string
  /** Seconds since the epoch. */
  readonly iat?: number
  readonly exp?: number
  readonly nbf?: number
  readonly user_id?: string
  readonly scopes?: ReadonlyArray<string>
  /** Only on refresh tokens: the access scopes a refresh re-issues. */
  readonly original_scopes?: ReadonlyArray<string>
}

// golang-jwt decodes segments with base64.RawURLEncoding: no padding, URL alphabet only.
const SEGMENT = /^[A-Za-z0-9_-]*$/

function decodeSegment(segment: string): Buffer | null {
  if (!SEGMENT.test(segment) || segment.length % 4 === 1) return null
  return Buffer.from(segment, 'base64url')
}

function parseObject(bytes: Buffer | null): JsonObject | null {
  if (bytes === null) return null
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null
  } catch {
    return null
  }
}

const encodeSegment = (text: string): string => Buffer.from(text, 'utf8').toString('base64url')
const hmac = (secret: string, input: string): Buffer => createHmac('sha256', secret).update(input).digest()

/** Splits and decodes a compact JWT without checking anything but its shape; null when it is not one. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]
  const header = parseObject(decodeSegment(headerPart))
  const payload = parseObject(decodeSegment(payloadPart))
  const signature = decodeSegment(signaturePart)
  if (header === null || payload === null || signature === null) return null
  return { header, payload, signingInput: `${headerPart}.${payloadPart}`, signature }
}

/** Signs `payload` (key order kept) with the header golang-jwt writes: `{"alg":"HS256","typ":"JWT"}`. */
export function signHs256(payload: JsonObject, secret: string): string {
  const input = `${encodeSegment(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${encodeSegment(JSON.stringify(payload))}`
  return `${input}.${hmac(secret, input).toString('base64url')}`
}

/** True when the token names HS256 (the only method the server accepts) and `secret` made its signature. */
export function hasValidHs256Signature(decoded: DecodedJwt, secret: string): boolean {
  if (decoded.header.alg !== 'HS256') return false
  const expected = hmac(secret, decoded.signingInput)
  return expected.length === decoded.signature.length && timingSafeEqual(expected, decoded.signature)
}

const isStringArray = (value: unknown): value is ReadonlyArray<string> =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

type Reader<T> = (value: unknown) => value is T
const isString: Reader<string> = (value): value is string => typeof value === 'string'
const isNumber: Reader<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value)

const CLAIM_READERS = {
  jti: isString,
  iss: isString,
  sub: isString,
  iat: isNumber,
  exp: isNumber,
  nbf: isNumber,
  user_id: isString,
  scopes: isStringArray,
  original_scopes: isStringArray,
} as const

/**
 * Reads the SMSGate claims. Returns null when a known claim has the wrong type, which the
 * server's strict decoding would also refuse (e.g. `exp` as a string); absent claims stay absent.
 */
export function readSmsGateClaims(payload: JsonObject): SmsGateClaims | null {
  const claims: Record<string, unknown> = {}
  for (const [name, read] of Object.entries(CLAIM_READERS)) {
    const value = payload[name]
    if (value === undefined || value === null) continue
    if (!(read as Reader<unknown>)(value)) return null
    claims[name] = value
  }
  return claims as SmsGateClaims
}

/** The claims of a token string, unverified; null when it is not a JWT or its claims are mistyped. */
export function peekSmsGateClaims(token: string): SmsGateClaims | null {
  const decoded = decodeJwt(token)
  return decoded === null ? null : readSmsGateClaims(decoded.payload)
}

/** golang-jwt v5 without leeway: expired once the clock is past `exp`. */
export const isExpiredAt = (claims: SmsGateClaims, nowMs: number): boolean =>
  claims.exp !== undefined && nowMs > claims.exp * 1000

/**
 * Reading a SendMessage_V3 request body the way the simulator's (presumed ASP.NET) binder
 * would: JSON only, property names matched case-insensitively unless strict casing is on.
 */
import { GROUPCALL_PROBE_NUMBER } from './wire'

export type JsonObject = Readonly<Record<string, unknown>>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A property by its documented name; other casings only when `strict` is off. */
export function fieldOf(obj: JsonObject, name: string, strict: boolean): unknown {
  if (Object.hasOwn(obj, name)) return obj[name]
  if (strict) return undefined
  const lower = name.toLowerCase()
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower)
  return key === undefined ? undefined : obj[key]
}

/** A string property; numbers are accepted as a .NET binder would convert them (`CustomerId: 1469`). */
export function textOf(obj: JsonObject, name: string, strict: boolean): string | undefined {
  const value = fieldOf(obj, name, strict)
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

export type ParsedBody =
  | { readonly kind: 'ok'; readonly root: JsonObject; readonly items: ReadonlyArray<unknown> }
  | { readonly kind: 'unsupported-media-type'; readonly mediaType: string }
  | { readonly kind: 'invalid-json' }
  | { readonly kind: 'no-message-data' }

const JSON_MEDIA_TYPES: ReadonlySet<string> = new Set(['application/json', 'text/json'])

/** Media type without parameters; an absent header is what ASP.NET reports as octet-stream. */
export function mediaTypeOf(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  return type === '' ? 'application/octet-stream' : type
}

export function parseSendBody(body: string, contentType: string | undefined, strict: boolean): ParsedBody {
  // An empty body never reaches a formatter: the action just sees no data.
  if (body.trim() === '') return { kind: 'no-message-data' }
  const mediaType = mediaTypeOf(contentType)
  if (!JSON_MEDIA_TYPES.has(mediaType)) return { kind: 'unsupported-media-type', mediaType }
  let root: unknown
  try {
    root = JSON.parse(body)
  } catch {
    return { kind: 'invalid-json' }
  }
  if (!isObject(root)) return { kind: 'invalid-json' }
  const items = fieldOf(root, 'messageData', strict)
  return Array.isArray(items) ? { kind: 'ok', root, items } : { kind: 'no-message-data' }
}

/** CustomerId of the first `messageData` item, leniently, for per-account faults. */
export function firstCustomerId(body: string): string | null {
  try {
    const root: unknown = JSON.parse(body)
    if (!isObject(root)) return null
    const items = fieldOf(root, 'messageData', false)
    const first: unknown = Array.isArray(items) ? items[0] : undefined
    return isObject(first) ? (textOf(first, 'CustomerId', false) ?? null) : null
  } catch {
    return null
  }
}

export type Channel = 'sms' | 'email'

export interface RecipientRules {
  readonly strict: boolean
  /** Accept G-SMS's plain-string recipients (`["+447700900123"]`) as well as objects. */
  readonly stringRecipients: boolean
  /** The whole Ofcom drama range 07700 900000–900999 is undeliverable, or only the probe number. */
  readonly reservedNumbers: 'drama-range' | 'probe-number-only'
}

const E164 = /^\+[1-9]\d{7,14}$/
const DRAMA_RANGE = /^\+447700900\d{3}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function isDeliverableMobile(number: string, rules: RecipientRules): boolean {
  if (!E164.test(number)) return false
  return rules.reservedNumbers === 'drama-range' ? !DRAMA_RANGE.test(number) : number !== GROUPCALL_PROBE_NUMBER
}

/**
 * Whether one recipient resolves to a usable address on this channel. A contact identified by
 * id (`Id` > 0, `ExternalId`, `MessengerId`, `IdaasId`) is assumed to exist with both addresses;
 * otherwise the channel's own address field decides (the documented priority order otherwise
 * makes no difference to reachability in the simulator).
 */
export function isReachable(recipient: unknown, channel: Channel, rules: RecipientRules): boolean {
  if (typeof recipient === 'string') {
    if (!rules.stringRecipients) return false
    return channel === 'sms' ? isDeliverableMobile(recipient, rules) : EMAIL.test(recipient)
  }
  if (!isObject(recipient)) return false
  const id = fieldOf(recipient, 'Id', rules.strict)
  if (typeof id === 'number' && id > 0) return true
  const byIdentity = ['ExternalId', 'MessengerId', 'IdaasId'].some((name) => (textOf(recipient, name, rules.strict) ?? '') !== '')
  if (byIdentity) return true
  if (channel === 'email') return EMAIL.test(textOf(recipient, 'EmailAddress', rules.strict) ?? '')
  return isDeliverableMobile(textOf(recipient, 'MobileNumber', rules.strict) ?? '', rules)
}

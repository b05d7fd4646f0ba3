/**
 * Removes credentials from what a transcript keeps of an exchange: authentication headers,
 * and credential members of JSON and SOAP/XML bodies. The scrubber then removes any remembered
 * secret value that is still left anywhere (a last line of defence, not the mechanism).
 */
import { REDACTED, type SecretScrubber } from '../secret-scrubber'

const SECRET_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-sdk-token'])

/** Body members that carry credentials on the providers' wires, compared case-insensitively. */
const SECRET_MEMBERS: ReadonlySet<string> = new Set([
  'password',
  'partnerkey',
  'token',
  'access_token',
  'refresh_token',
  'apikey',
  'api_key',
  'newapikey',
  'secretkey',
  'secret',
  'client_secret',
  'authorization',
])

const XML_MEMBER = /<((?:[\w-]+:)?(Password|Token|PartnerKey|ApiKey|Secret))(\s[^>]*)?>[\s\S]*?(<\/\1>|$)/gi
/** A credential member in JSON that did not parse (cut short, or broken): its string value, closed or not. */
const JSON_MEMBER = /"(password|partnerkey|token|access_token|refresh_token|apikey|api_key|newapikey|secretkey|secret|client_secret)"(\s*:\s*)"(?:[^"\\]|\\.)*("|$)/gi

const MAX_BODY_CHARS = 8192

export function redactHeaders(headers: Readonly<Record<string, string>>, scrubber: SecretScrubber): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    out[lower] = SECRET_HEADERS.has(lower) ? REDACTED : scrubber.scrub(value)
  }
  return out
}

function redactJsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJsonValue)
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const [key, member] of Object.entries(value)) {
    out[key] = SECRET_MEMBERS.has(key.toLowerCase()) && member !== null && member !== '' ? REDACTED : redactJsonValue(member)
  }
  return out
}

/** Cheap pre-test: most bodies carry no credential member, and need no parse. */
const ANY_SECRET_MEMBER = new RegExp(`"(${[...SECRET_MEMBERS].join('|')})"`, 'i')

function redactJson(text: string): string | null {
  const trimmed = text.trimStart()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null
  if (!ANY_SECRET_MEMBER.test(text)) return text
  try {
    return JSON.stringify(redactJsonValue(JSON.parse(text)))
  } catch {
    return null
  }
}

/** A body as a transcript may keep it: credential members removed, secrets scrubbed, length capped. */
export function redactBody(body: string | null | undefined, scrubber: SecretScrubber): string | null {
  if (body === null || body === undefined || body === '') return null
  const structured =
    redactJson(body) ??
    body
      .replace(JSON_MEMBER, (_m, key: string, colon: string) => `"${key}"${colon}"${REDACTED}"`)
      .replace(XML_MEMBER, (_m, tag: string, _local: string, attrs: string | undefined) => `<${tag}${attrs ?? ''}>${REDACTED}</${tag}>`)
  const scrubbed = scrubber.scrub(structured)
  return scrubbed.length > MAX_BODY_CHARS ? `${scrubbed.slice(0, MAX_BODY_CHARS)}… [${scrubbed.length - MAX_BODY_CHARS} more characters]` : scrubbed
}

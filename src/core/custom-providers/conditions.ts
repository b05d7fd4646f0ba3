/**
 * Whether a response meets a rule's `when`: every condition given must hold (AND). Status
 * entries are codes, ranges or classes; JSON conditions hold when any selected value passes
 * (`not` negates the whole condition); regexes see at most the first 64 KiB of a body. Field
 * conditions read the account's non-secret fields only: a secret never reaches a rule.
 */
import { parseJsonPath, selectJson } from './json-path'
import type { FieldCondition, HeaderCondition, JsonCondition, When } from './schema'

export const REGEX_INPUT_LIMIT = 64 * 1024

export interface ConditionInput {
  readonly status: number
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** The provider's clock (local clock corrected by the skew seen), ms since the epoch. */
  readonly now: number
  /** The account's environment. */
  readonly environment: string
  /** The account's non-secret field values, by field name. */
  readonly fields: Readonly<Record<string, string>>
}

export interface StatusRange {
  readonly from: number
  readonly to: number
}

export function statusRanges(status: When['status']): ReadonlyArray<StatusRange> | null {
  if (status === undefined) return null
  return (Array.isArray(status) ? status : [status]).map((entry) => {
    if (typeof entry === 'number') return { from: entry, to: entry }
    const text = entry.trim().toLowerCase()
    if (/^[1-5]xx$/.test(text)) return { from: Number(text[0]) * 100, to: Number(text[0]) * 100 + 99 }
    const [from, to = from] = text.split('-').map((part) => Number(part.trim()))
    return { from: from!, to: to! }
  })
}

export function compileRegex(pattern: string, ignoreCase = false): RegExp {
  return new RegExp(pattern, ignoreCase ? 'iu' : 'u')
}

/** A field value read as a list: comma-separated items, trimmed, empty ones dropped. */
export function listItems(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter(Boolean)
}

const fieldValue = (fields: ConditionInput['fields'], name: string): string => (Object.hasOwn(fields, name) ? fields[name]! : '')

const same = (a: string, b: string, ignoreCase: boolean | undefined): boolean => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b)

function parseBody(body: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) }
  } catch {
    return { ok: false }
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

function valuePasses(value: unknown, c: JsonCondition, now: number, fields: ConditionInput['fields']): boolean {
  if (c.equals !== undefined && value !== c.equals) return false
  if (c.inField !== undefined && !(typeof value === 'string' && listItems(fieldValue(fields, c.inField)).some((item) => same(item, value, c.ignoreCase)))) return false
  if (c.oneOf !== undefined && !c.oneOf.includes(value as never)) return false
  if (c.type !== undefined && typeOf(value) !== c.type) return false
  if (c.matches !== undefined && !(typeof value === 'string' && compileRegex(c.matches, c.ignoreCase).test(value.slice(0, REGEX_INPUT_LIMIT)))) return false
  const numeric = [c.lessThan, c.atMost, c.greaterThan, c.atLeast].some((n) => n !== undefined)
  if (numeric) {
    if (typeof value !== 'number') return false
    if (c.lessThan !== undefined && !(value < c.lessThan)) return false
    if (c.atMost !== undefined && !(value <= c.atMost)) return false
    if (c.greaterThan !== undefined && !(value > c.greaterThan)) return false
    if (c.atLeast !== undefined && !(value >= c.atLeast)) return false
  }
  if (c.before !== undefined || c.after !== undefined) {
    const at = typeof value === 'string' ? Date.parse(value) : NaN
    if (Number.isNaN(at)) return false
    if (c.before !== undefined && !(at <= now)) return false
    if (c.after !== undefined && !(at > now)) return false
  }
  return true
}

function jsonHolds(document: unknown, c: JsonCondition, now: number, fields: ConditionInput['fields']): boolean {
  const values = selectJson(document, parseJsonPath(c.path))
  const onlyExists = Object.keys(c).every((key) => key === 'path' || key === 'exists' || key === 'not')
  const holds = onlyExists ? values.length > 0 === (c.exists ?? true) : (c.exists === false ? values.length === 0 : values.some((v) => valuePasses(v, c, now, fields)))
  return c.not ? !holds : holds
}

function headerHolds(headers: Readonly<Record<string, string>>, c: HeaderCondition): boolean {
  const value = headers[c.name.toLowerCase()]
  let holds = value !== undefined
  if (c.exists === false) holds = value === undefined
  else if (value !== undefined) {
    if (c.equals !== undefined) holds = c.ignoreCase ? value.toLowerCase() === c.equals.toLowerCase() : value === c.equals
    if (holds && c.matches !== undefined) holds = compileRegex(c.matches, c.ignoreCase).test(value)
  }
  return c.not ? !holds : holds
}

/** An empty value is a field without a value: only `exists: false` (or `not`) holds for it. */
function fieldHolds(given: string, c: FieldCondition): boolean {
  const value = given.trim()
  let holds = value !== ''
  if (c.exists === false) holds = value === ''
  else if (holds) {
    if (c.equals !== undefined) holds = same(value, c.equals, c.ignoreCase)
    if (holds && c.oneOf !== undefined) holds = c.oneOf.some((option) => same(value, option, c.ignoreCase))
    if (holds && c.includes !== undefined) holds = listItems(value).some((item) => same(item, c.includes!, c.ignoreCase))
    if (holds && c.matches !== undefined) holds = compileRegex(c.matches, c.ignoreCase).test(value)
  }
  return c.not ? !holds : holds
}

function bodyHolds(body: string, c: NonNullable<When['body']>): boolean {
  const text = body.slice(0, REGEX_INPUT_LIMIT)
  let holds = true
  if (c.contains !== undefined) holds = c.ignoreCase ? text.toLowerCase().includes(c.contains.toLowerCase()) : text.includes(c.contains)
  if (holds && c.matches !== undefined) holds = compileRegex(c.matches, c.ignoreCase).test(text)
  return c.not ? !holds : holds
}

export function whenHolds(when: When, input: ConditionInput): boolean {
  if (when.environment !== undefined && when.environment !== input.environment) return false
  const ranges = statusRanges(when.status)
  if (ranges && !ranges.some((r) => input.status >= r.from && input.status <= r.to)) return false
  if (when.fields && !Object.entries(when.fields).every(([name, c]) => fieldHolds(fieldValue(input.fields, name), c))) return false
  if (when.headers && !when.headers.every((c) => headerHolds(input.headers, c))) return false
  if (when.body && !bodyHolds(input.body, when.body)) return false
  if (when.json && when.json.length > 0) {
    const parsed = parseBody(input.body)
    if (!parsed.ok) return false
    if (!when.json.every((c) => jsonHolds(parsed.value, c, input.now, input.fields))) return false
  }
  return true
}

/**
 * Copy-paste hygiene for credential fields, checked as the user types. Warnings describe the
 * problem and never repeat the value (it may be a secret). Core checks again on save; these
 * only catch the common mistakes early.
 */
import type { ProviderInfo } from '@shared/model'

export type FieldInfo = ProviderInfo['fields'][number]

const JWT = /^(?:bearer\s+)?[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/i
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const URL_LIKE = /^https?:\/\//i
const ENV_LINE = /^(?:export\s+)?[A-Z][A-Z0-9_]{2,}\s*=/
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u200b-\u200d\u2028\u2029\ufeff]/

const mentions = (field: FieldInfo, ...words: string[]): boolean => {
  const text = `${field.name} ${field.label} ${field.hint}`.toLowerCase()
  return words.some((w) => text.includes(w))
}

const expectsJwt = (field: FieldInfo): boolean => mentions(field, 'jwt')
const expectsEmail = (field: FieldInfo): boolean => mentions(field, 'e-mail', 'email')
const expectsDigits = (field: FieldInfo): boolean => mentions(field, 'numeric')

/** What looks wrong with `value` for `field`; `others` are the provider's other fields. */
export function hygieneWarnings(value: string, field: FieldInfo, others: ReadonlyArray<FieldInfo>): string[] {
  if (value === '') return []
  const warnings: string[] = []
  const trimmed = value.trim()
  if (value !== trimmed) warnings.push('Starts or ends with a space or line break. Remove it: providers compare the value exactly.')
  if (/[\r\n]/.test(trimmed)) warnings.push('Contains a line break. Paste the value on one line.')
  if (/\t/.test(value)) warnings.push('Contains a tab. Check the copy-paste.')
  if (INVISIBLE.test(value)) warnings.push('Contains an invisible character (such as a zero-width or non-breaking space). Type or paste the value again.')
  if (/^(["'`]).*\1$/s.test(trimmed) && trimmed.length >= 2) warnings.push('Is wrapped in quotes. Paste the value without them.')
  if (ENV_LINE.test(trimmed)) warnings.push('Looks like a whole .env line (NAME=value). Paste only the value, or use Import from .env.')
  if (/^bearer\s/i.test(trimmed)) warnings.push('Starts with "Bearer ". Paste the token alone, without the prefix.')
  if (URL_LIKE.test(trimmed)) warnings.push('Looks like a URL. Addresses go in Base URL, not in a credential field.')

  const jwtField = others.find((f) => f !== field && expectsJwt(f))
  if (JWT.test(trimmed) && !expectsJwt(field))
    warnings.push(`Looks like a JWT, but ${field.label} does not take one.${jwtField ? ` Tokens go in ${jwtField.label}.` : ''}`)
  if (expectsJwt(field) && !JWT.test(trimmed) && !/^bearer\s/i.test(trimmed))
    warnings.push('Does not look like a JWT: expected three base64url parts separated by dots.')

  const emailField = others.find((f) => f !== field && expectsEmail(f))
  if (EMAIL.test(trimmed) && !expectsEmail(field))
    warnings.push(`Looks like an e-mail address, but ${field.label} does not take one.${emailField ? ` The e-mail goes in ${emailField.label}.` : ''}`)
  if (expectsEmail(field) && !EMAIL.test(trimmed)) warnings.push('Expected an e-mail address (name@example.com).')
  if (expectsDigits(field) && !/^\d+$/.test(trimmed)) warnings.push('Expected digits only.')
  if (!field.secret && !expectsEmail(field) && /\s/.test(trimmed) && !/[\r\n]/.test(trimmed)) warnings.push('Contains a space. Identifiers rarely do: check the copy-paste.')
  if (value.length > field.maxLength) warnings.push(`Is longer than ${field.maxLength} characters, the most this field takes.`)
  return warnings
}


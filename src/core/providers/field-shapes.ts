/**
 * Value-shape checks shared by the provider definitions. Each returns what is wrong without
 * repeating the value (it may be a secret), or null when the value is fine.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const DIGITS = /^[0-9]+$/
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const NO_INNER_SPACE = /^\S+$/
const E164 = /^\+[1-9][0-9]{6,14}$/
/** A DNS label, or a host name made of them. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i

export function email(value: string): string | null {
  return EMAIL.test(value) ? null : 'must be an e-mail address (name@example.com)'
}

export function digits(value: string): string | null {
  return DIGITS.test(value) ? null : 'must contain digits only'
}

export function noSpaces(value: string): string | null {
  return NO_INNER_SPACE.test(value) ? null : 'must not contain spaces'
}

export function jwt(value: string): string | null {
  if (/^bearer\s/i.test(value)) return 'must be the token alone, without the "Bearer " prefix'
  return JWT.test(value) ? null : 'must be a JWT: three base64url parts separated by dots'
}

export function hostName(value: string): string | null {
  return HOST_NAME.test(value) ? null : 'must be a host name such as acme or acme.nmbrs.nl (letters, digits, dots and dashes)'
}

/** International phone numbers: `+`, country code, subscriber number; no spaces or dashes. */
export function e164(value: string): string | null {
  return E164.test(value) ? null : 'must be an E.164 phone number such as +447700900123 (a +, the country code, no spaces or dashes)'
}

/** A setting that takes one of `choices` (any case). */
export function oneOf(choices: ReadonlyArray<string>): (value: string) => string | null {
  const known = new Set(choices.map((c) => c.toLowerCase()))
  return (value) => (known.has(value.trim().toLowerCase()) ? null : `must be one of ${choices.join(', ')}`)
}

/** A setting that takes a comma list of `choices` (any case). */
export function listOf(choices: ReadonlyArray<string>): (value: string) => string | null {
  const known = new Set(choices.map((c) => c.toLowerCase()))
  return (value) => {
    const items = value.split(',').map((v) => v.trim()).filter(Boolean)
    const unknown = items.filter((v) => !known.has(v.toLowerCase()))
    return unknown.length === 0 ? null : `must be a comma list of ${choices.join(', ')} (${unknown.length} unknown)`
  }
}

/** A comma list setting as upper-case items. */
export function listSetting(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim().toUpperCase()).filter(Boolean)
}

/** An opt-in setting: `yes` (or `true`, `on`, `1`) turns it on. */
export function isOn(value: string | undefined): boolean {
  return ['yes', 'true', 'on', '1'].includes((value ?? '').trim().toLowerCase())
}

export const YES_NO = ['yes', 'no'] as const

/**
 * The literal forms of a known secret the matcher looks for: the value itself (matched without
 * regard to ASCII case or whitespace), form-encoded (`+` for a space), and base64/base64url at
 * all three byte alignments (so the secret is found inside a longer blob, e.g. a Basic
 * credential). A `user:secret` pair adds its own base64 forms, which also catch a short secret.
 * Escaped forms (JSON, entities, percent-encoding, and mixes of them) are not listed: the
 * decoded views (decoded-view.ts) undo them, and the matcher runs over those views too.
 */
import type { SecretEncoding } from './types'
import { MIN_SECRET_LENGTH, secretCore } from './values'

export interface SecretVariant {
  readonly text: string
  readonly encoding: SecretEncoding
}

/**
 * The base64 characters fully determined by `bytes` when they start `align` bytes into a blob:
 * a secret inside a longer base64 blob shows up as one of these three cores.
 */
export function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = []
  for (let align = 0; align < 3; align++) {
    const encoded = Buffer.concat([Buffer.alloc(align), bytes, Buffer.alloc(2)]).toString('base64')
    const first = Math.ceil((align * 8) / 6)
    const last = Math.floor(((align + bytes.length) * 8) / 6)
    cores.push(encoded.slice(first, last))
  }
  return cores
}

const toUrlSafe = (b64: string): string => b64.replace(/\+/g, '-').replace(/\//g, '_')

/** Every variant of a secret worth matching; `full`: also base64 (vault secrets, not values found in the text). */
export function secretVariants(secret: string, full = true, minLength = MIN_SECRET_LENGTH): SecretVariant[] {
  const core = secretCore(secret.trim())
  if (core.length < minLength) return []
  const out = new Map<string, SecretEncoding>()
  const put = (text: string, encoding: SecretEncoding): void => {
    if (text.length >= minLength && !out.has(text)) out.set(text, encoding)
  }
  put(core, 'raw')
  if (core.includes(' ')) put(core.replace(/ /g, '+'), 'form')
  if (full && core.length >= MIN_SECRET_LENGTH) {
    for (const b64 of base64Cores(Buffer.from(core, 'utf8'))) {
      put(b64, 'base64')
      put(toUrlSafe(b64), 'base64url')
    }
  }
  return [...out].map(([text, encoding]) => ({ text, encoding }))
}

/** Longest secret whose pair gets its own forms: longer ones are tokens, never sent as a Basic pair, and their own base64 forms find the blob anyway. */
const MAX_PAIRED_SECRET = 128

/** `user:secret` in base64 and base64url (a match is widened to the whole blob, padding included). */
export function pairVariants(user: string, secret: string): SecretVariant[] {
  const u = user.trim()
  const s = secret.trim()
  if (u === '' || s === '' || u.length > 256 || s.length > MAX_PAIRED_SECRET) return []
  const b64 = Buffer.from(`${u}:${s}`, 'utf8').toString('base64').replace(/=+$/, '')
  return [
    { text: b64, encoding: 'base64' },
    { text: toUrlSafe(b64), encoding: 'base64url' },
  ]
}

/**
 * The ways a known secret can be written in text: raw, JSON-escaped (once and twice, as in a
 * HAR's postData), URL- and form-encoded, XML-escaped, and base64/base64url at all three byte
 * alignments (so the secret is found inside a longer blob, e.g. a Basic credential). Line breaks
 * inside any of these are handled by the matcher, not here.
 */
import type { SecretEncoding } from './types'
import { MIN_SECRET_LENGTH, secretCore } from './values'

export interface SecretVariant {
  readonly text: string
  readonly encoding: SecretEncoding
}

const jsonEscape = (s: string): string => JSON.stringify(s).slice(1, -1)
const asciiJsonEscape = (s: string): string => jsonEscape(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

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

/** Every variant of a secret worth matching; `full`: also base64 (vault secrets, not values found in the text). */
export function secretVariants(secret: string, full = true): SecretVariant[] {
  const core = secretCore(secret.trim())
  if (core.length < MIN_SECRET_LENGTH) return []
  const out = new Map<string, SecretEncoding>()
  const put = (text: string, encoding: SecretEncoding): void => {
    if (text.length >= MIN_SECRET_LENGTH && !out.has(text)) out.set(text, encoding)
  }
  put(core, 'raw')
  put(jsonEscape(core), 'json')
  put(jsonEscape(core).replace(/\//g, '\\/'), 'json')
  put(asciiJsonEscape(core), 'json')
  put(jsonEscape(jsonEscape(core)), 'json-twice')
  put(encodeURIComponent(core), 'url')
  put(encodeURIComponent(core).replace(/%20/g, '+'), 'form')
  put(encodeURI(core), 'url')
  put(xmlEscape(core), 'xml')
  if (full) {
    for (const b64 of base64Cores(Buffer.from(core, 'utf8'))) {
      put(b64, 'base64')
      put(b64.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url')
    }
  }
  return [...out].map(([text, encoding]) => ({ text, encoding }))
}

/** Helpers shared by the passes: what a removed value looks like and how to remove it. */
import type { Finding, PassOutput, RedactionKind } from './types'

/** How far a value may run: every search for its end is bounded, so one long line cannot make redaction quadratic. */
export const MAX_VALUE_LENGTH = 16_384

/** Minimum length of a value worth looking for elsewhere in the text (shorter ones are too common). */
export const MIN_SECRET_LENGTH = 6

const JWT_SHAPE = /^(eyJ[A-Za-z0-9_-]+)\.(eyJ[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/

/** Values that are already masked or are references to a secret, not the secret itself. */
const PLACEHOLDER = /^(?:\[[^\]]*\]|\*+|•+|x{3,}|\.{3}|…|<[^<>]*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{[^}]*\}\}|%[A-Za-z_]+%|(?:redacted|masked|hidden|null|undefined|none|true|false))$/i

export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || PLACEHOLDER.test(value.trim())
}

/** Where the signature of a JWT written at [start, end) is, or null when it is not a signed JWT. */
export function jwtParts(text: string, start: number, end: number): { readonly claimsEnd: number; readonly signatureStart: number } | null {
  if (end - start < 20 || text.charCodeAt(start) !== 101 /* e */) return null
  const m = JWT_SHAPE.exec(text.slice(start, end))
  if (!m) return null
  const claimsEnd = start + m[1]!.length + 1 + m[2]!.length
  return { claimsEnd, signatureStart: claimsEnd + 1 }
}

/** The part of a secret worth matching: a JWT's signature (its header and claims are kept everywhere). */
export function secretCore(value: string): string {
  const m = JWT_SHAPE.exec(value)
  return m ? m[3]! : value
}

/**
 * Records the removal of the value at [start, end): a JWT loses only its signature (its header
 * and claims are kept for support), anything else goes whole. The value, as `decoded`, is also
 * looked for elsewhere in the text.
 */
export function removeValue(out: PassOutput, text: string, start: number, end: number, kind: RedactionKind, field?: string, decoded?: string): void {
  if (end <= start) return
  const jwt = jwtParts(text, start, end)
  if (jwt) {
    out.keep.push({ start, end: jwt.claimsEnd })
    const signatureKind: RedactionKind = kind === 'authorization-bearer' ? 'authorization-bearer-signature' : kind
    add(out, { start: jwt.signatureStart, end, kind: signatureKind, field })
    remember(out, text.slice(jwt.signatureStart, end))
    return
  }
  add(out, { start, end, kind, field })
  remember(out, decoded ?? text.slice(start, end))
}

export function add(out: PassOutput, finding: Finding): void {
  if (finding.end > finding.start) out.findings.push(finding)
}

/** Looks for a removed value elsewhere in the text too, if it looks like a credential (a plain word would cost readability). */
export function remember(out: PassOutput, value: string): void {
  const v = value.trim()
  if (credentialLike(v, MIN_SECRET_LENGTH)) out.discovered.add(v)
}

/**
 * The end of a JSON string whose opening quote is just before `from`, written `depth` levels
 * deep inside other JSON strings (0: plain JSON; 1: `\"…\"` inside a string). Returns the index
 * of the closing quote's first backslash (or of the quote at depth 0), or -1 within `limit`.
 */
export function jsonStringEnd(text: string, from: number, depth: number, limit = MAX_VALUE_LENGTH): number {
  const max = Math.min(text.length, from + limit)
  const period = 2 ** (depth + 1)
  for (let i = from; i < max; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) return -1
    if (c !== 34 /* " */) continue
    let run = 0
    while (i - run - 1 >= from && text.charCodeAt(i - run - 1) === 92) run++
    if (run >= depth && (run - depth) % period === 0) return i - depth
  }
  return -1
}

/** Unescapes a JSON string body written `depth` levels deep; falls back to the raw text. */
export function unescapeJson(raw: string, depth: number): string {
  let value = raw
  for (let d = 0; d <= depth; d++) {
    if (!value.includes('\\')) return value
    try {
      value = JSON.parse(`"${value}"`) as string
    } catch {
      return value
    }
  }
  return value
}

/** The end of a value that runs to the end of its line (an unterminated string cut short in a log or a truncated body). */
export function lineEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_VALUE_LENGTH)
  const n = text.slice(from, limit).indexOf('\n')
  const end = n < 0 ? limit : from + n
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end
}

/** Index of `needle` in [from, to), or -1. */
export function indexWithin(text: string, needle: string, from: number, to: number): number {
  const i = text.slice(from, to).indexOf(needle)
  return i < 0 ? -1 : from + i
}

/** A value that looks like a credential rather than a word: long enough, with a digit, a symbol or mixed case. */
export function credentialLike(value: string, minLength = 8): boolean {
  const v = value.replace(/[.,:;!?]+$/, '')
  if (v.length < minLength || isPlaceholder(v)) return false
  return /\d/.test(v) || /[^A-Za-z]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v.slice(1)))
}

/**
 * Widens a removal so it never starts or ends inside an escape: a replacement after a lone
 * backslash (`\[redacted]`), or before the rest of `\u002B`, `&#x2F;` or `%2F`, would leave
 * invalid JSON or a broken entity behind. The widened range still holds only the secret's
 * characters and the escapes around them.
 */
import type { Finding } from './types'

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
const hexAt = (text: string, from: number, count: number): boolean => {
  for (let i = from; i < from + count; i++) if (!isHex(text.charCodeAt(i))) return false
  return true
}
const ENTITY = /^&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);$/

/** Backslashes just before `at`. */
function backslashesBefore(text: string, at: number): number {
  let n = 0
  while (at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === 92) n++
  return n
}

/** The escape (`\x`, `\uXXXX`, `&…;`, `%XX`) that covers `at` with `at` strictly inside it, or null. */
function escapeAround(text: string, at: number): { start: number; end: number } | null {
  for (let back = 1; back <= 5 && at - back >= 0; back++) {
    const from = at - back
    if (text.charCodeAt(from) !== 92 || backslashesBefore(text, from) % 2 === 1) continue
    if (text.charCodeAt(from + 1) === 117 /* u */ && hexAt(text, from + 2, 4) && from + 6 > at) return { start: from, end: from + 6 }
    if (back === 1) return { start: from, end: from + 2 }
  }
  for (let back = 1; back <= 2 && at - back >= 0; back++) {
    const from = at - back
    if (text.charCodeAt(from) === 37 /* % */ && hexAt(text, from + 1, 2)) return { start: from, end: from + 3 }
  }
  let amp = at - 1
  while (amp >= 0 && at - amp <= 10 && text.charCodeAt(amp) !== 38) amp--
  if (amp >= 0 && at - amp <= 10 && text.charCodeAt(amp) === 38) {
    const close = text.slice(amp, amp + 11).indexOf(';') + amp
    if (close >= at && close > amp && ENTITY.test(text.slice(amp, close + 1))) return { start: amp, end: close + 1 }
  }
  return null
}

export function snapToEscapes(text: string, f: Finding): Finding {
  const before = escapeAround(text, f.start)
  const after = escapeAround(text, f.end)
  if (!before && !after) return f
  return { ...f, start: before ? before.start : f.start, end: after ? after.end : f.end }
}

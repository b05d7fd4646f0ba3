/**
 * The last pass: long random-looking tokens nobody named. A token is a run of base64/base62/hex
 * characters, 20 or more long; it goes when its character entropy is high and its letters and
 * digits are interleaved the way random strings are. Kept: numbers, UUIDs and other dashed hex
 * ids, words joined by `_`/`-` (`SMSGATE_REFRESH_TOKEN`, `test_account_2025`), CamelCase names,
 * file paths and URLs (judged segment by segment), and values of id-like names (`"id":`,
 * `MessageId`, `jti`, `…Hash`), which support needs.
 */
import { ID_CONTEXT } from './field-names'
import type { Finding, Range } from './types'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DASHED_HEX = /^(?=.*-)[0-9a-f-]+$/i
const HEX = /^[0-9a-f]+$/i
const MIN_LENGTH = 20

const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isLower = (c: number): boolean => c >= 97 && c <= 122
const isUpper = (c: number): boolean => c >= 65 && c <= 90

const counts = new Int32Array(128)

function entropy(s: string): number {
  counts.fill(0)
  for (let i = 0; i < s.length; i++) counts[s.charCodeAt(i) & 127]!++
  let h = 0
  for (let i = 0; i < 128; i++) {
    const c = counts[i]!
    if (c > 0) {
      const p = c / s.length
      h -= p * Math.log2(p)
    }
  }
  return h
}

/** Changes between lower case, upper case, digit and symbol from one character to the next. */
function classChanges(s: string): number {
  const cls = (c: number): number => (isLower(c) ? 0 : isUpper(c) ? 1 : isDigit(c) ? 2 : 3)
  let changes = 0
  for (let i = 1; i < s.length; i++) if (cls(s.charCodeAt(i)) !== cls(s.charCodeAt(i - 1))) changes++
  return changes
}

/** A word, a CamelCase name, a number, or a word with a number on one end (`V3`, `3rdparty`, `account2025`). */
function wordyPart(p: string): boolean {
  let letterDigit = 0
  let lowerUpper = 0
  for (let i = 1; i < p.length; i++) {
    const a = p.charCodeAt(i - 1)
    const b = p.charCodeAt(i)
    if (isDigit(a) !== isDigit(b)) letterDigit++
    if (isLower(a) && isUpper(b)) lowerUpper++
  }
  return letterDigit <= 1 && lowerUpper < p.length / 5
}

/** Every part between `_`/`-` is wordy: an identifier such as `SMSGATE_REFRESH_TOKEN`, not a random string. */
const wordParts = (s: string): boolean => s.split(/[_-]+/).every(wordyPart)

const randomHex = (s: string): boolean => s.length >= 32 && /\d/.test(s) && /[a-f]/i.test(s) && entropy(s) >= 3

export function looksRandom(segment: string): boolean {
  const s = segment.replace(/=+$/, '')
  if (s.length < MIN_LENGTH || /^\d+$/.test(s) || UUID.test(s) || DASHED_HEX.test(s)) return false
  if (HEX.test(s)) return randomHex(s)
  // A prefix and a hex secret (`shpat_0f3a…`): hex alone never reaches the entropy base62 needs.
  if (s.split(/[_-]+/).some((part) => HEX.test(part) && randomHex(part))) return true
  if (wordParts(s)) return false
  const h = entropy(s)
  const needed = Math.min(4.3, Math.log2(s.length) - 0.85)
  if (h < needed) return false
  const hasDigit = /\d/.test(s)
  const hasLower = /[a-z]/.test(s)
  const hasUpper = /[A-Z]/.test(s)
  if (Number(hasDigit) + Number(hasLower) + Number(hasUpper) < 2) return false
  return classChanges(s) / s.length >= (hasDigit ? 0.2 : 0.3)
}

// Indexed by any UTF-16 code unit, so no read is out of bounds.
const TOKEN_CHAR = new Uint8Array(65_536)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') TOKEN_CHAR[c.charCodeAt(0)] = 1

/** Walks the sorted, merged `covered` ranges alongside the tokens (both in text order). */
export function entropyPass(text: string, covered: ReadonlyArray<Range>): Finding[] {
  const findings: Finding[] = []
  let k = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    // A run of base64/base62/hex characters, with up to two `=` of padding (so `NAME=value` is two runs).
    if (TOKEN_CHAR[text.charCodeAt(i)] !== 1) continue
    const start = i
    while (i < n && TOKEN_CHAR[text.charCodeAt(i)] === 1) i++
    if (i - start < MIN_LENGTH) continue
    let end = i
    for (let pad = 0; pad < 2 && text.charCodeAt(end) === 61; pad++) end++
    while (k < covered.length && covered[k]!.end <= start) k++
    if (k < covered.length && covered[k]!.start < end) continue
    if (ID_CONTEXT.test(text.slice(Math.max(0, start - 48), start))) continue
    const token = text.slice(start, end)
    if (!token.includes('/')) {
      if (looksRandom(token)) findings.push({ start, end, kind: 'high-entropy' })
      continue
    }
    // A path or URL keeps its ordinary segments; a base64 blob that happens to hold a `/` goes whole.
    const pathLike = token.startsWith('/') || /[:.~]/.test(text[start - 1] ?? '')
    let at = start
    let flagged = false
    for (const segment of token.split('/')) {
      if (looksRandom(segment)) {
        flagged = true
        if (pathLike) findings.push({ start: at, end: at + segment.length, kind: 'high-entropy' })
      }
      at += segment.length + 1
    }
    if (flagged && !pathLike) findings.push({ start, end, kind: 'high-entropy' })
  }
  return findings
}

/**
 * The values the engine looks for literally: the known secrets (every form, see encodings.ts,
 * in the text and in its decoded views, see decoded-view.ts), values a structural pass removed
 * elsewhere in the same text, and the identifiers the user chose to mask (replaced by a
 * consistent pseudonym). One matcher per 2,048 patterns, built once per set of values.
 * A truncation (`…`, `...`, either end of the text) that leaves 8 or more characters of a
 * secret's start before it, or of its end after it, loses those too.
 */
import { decodedViews, type DecodedView } from './decoded-view'
import { pairVariants, secretVariants } from './encodings'
import { matchForm, MIN_CUT_PREFIX, MultiMatcher } from './multi-matcher'
import type { Finding, SecretEncoding } from './types'
import { MIN_SECRET_LENGTH } from './values'

interface Target {
  readonly role: 'known' | 'repeat' | 'pseudonym'
  readonly encoding: SecretEncoding
  readonly replacement?: string
}

/** At most this many values found in one text are looked for again (bounds the matcher's size). */
const MAX_DISCOVERED = 512

export const pseudonymFor = (index: number): string => `[masked-${index + 1}]`

/** Distinct, trimmed, non-empty values in their first order, so pseudonym numbers are stable for one list. */
export function distinctValues(values: ReadonlyArray<string>): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= 2))]
}

interface Entry {
  readonly text: string
  readonly target: Target
}

/** What the matcher compares: ASCII case and whitespace do not count. */
const foldKey = (text: string): string => matchForm(text).replace(/[A-Z]/g, (c) => c.toLowerCase())

/** Adds entries whose folded text is new. */
function collect(into: Entry[], seen: Set<string>, entries: Iterable<Entry>): Entry[] {
  for (const entry of entries) {
    const key = foldKey(entry.text)
    if (key.length < 2 || seen.has(key)) continue
    seen.add(key)
    into.push(entry)
  }
  return into
}

/** Patterns per matcher: keeps each transition table small (a few MB); a huge vault just gets several. */
const PATTERNS_PER_MATCHER = 2048

const ELLIPSIS = /…|\.\.\./g

export interface KnownSets {
  readonly secrets: ReadonlyArray<string>
  readonly pseudonyms?: ReadonlyArray<string>
  /** `user:secret` pairs whose base64 forms are secret too (Basic credentials). */
  readonly pairs?: ReadonlyArray<readonly [string, string]>
  /** Shortest secret looked for (default 6); shorter ones only raw. */
  readonly minLength?: number
  /** A JWT goes whole (outputs), not only its signature (bundles keep header and claims for support). */
  readonly wholeTokens?: boolean
}

export class KnownValues {
  private matchers: MultiMatcher[] | null = null
  /** The end of every secret (8+ characters, folded), by its first 8 characters: what is left after a cut at the start. */
  private tails: Map<string, string[]> | null = null
  /** The longest pattern, as the matcher reads it. */
  private readonly longest: number

  private constructor(
    private readonly entries: ReadonlyArray<Entry>,
    private readonly seen: ReadonlySet<string>,
  ) {
    let longest = 0
    for (const key of seen) longest = Math.max(longest, key.length)
    this.longest = longest
  }

  static create(secrets: ReadonlyArray<string>, pseudonyms: ReadonlyArray<string>): KnownValues {
    return KnownValues.of({ secrets, pseudonyms })
  }

  static of(sets: KnownSets): KnownValues {
    const entries: Entry[] = []
    const seen = new Set<string>()
    const known = (encoding: SecretEncoding): Target => ({ role: 'known', encoding })
    for (const secret of sets.secrets) {
      if (sets.wholeTokens) collect(entries, seen, [{ text: secret.trim(), target: known('raw') }])
      collect(entries, seen, secretVariants(secret, true, sets.minLength).map((v) => ({ text: v.text, target: known(v.encoding) })))
    }
    for (const [user, secret] of sets.pairs ?? []) collect(entries, seen, pairVariants(user, secret).map((v) => ({ text: v.text, target: known(v.encoding) })))
    distinctValues(sets.pseudonyms ?? []).forEach((value, index) => {
      const target: Target = { role: 'pseudonym', encoding: 'raw', replacement: pseudonymFor(index) }
      const forms = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), value.replace(/&/g, '&amp;')]
      collect(entries, seen, forms.map((text) => ({ text, target })))
    })
    return new KnownValues(entries, seen)
  }

  get size(): number {
    return this.entries.length
  }

  /** These values plus `discovered` (values removed elsewhere in this text). */
  withDiscovered(discovered: Iterable<string>): KnownValues {
    const extra: Entry[] = []
    let count = 0
    for (const value of discovered) {
      if (count++ >= MAX_DISCOVERED) break
      for (const v of secretVariants(value, false)) extra.push({ text: v.text, target: { role: 'repeat', encoding: v.encoding } })
    }
    if (extra.length === 0) return this
    const seen = new Set(this.seen)
    return new KnownValues(collect([...this.entries], seen, extra), seen)
  }

  find(text: string): Finding[] {
    const findings: Finding[] = []
    if (this.entries.length === 0) return findings
    this.matchers ??= Array.from({ length: Math.ceil(this.entries.length / PATTERNS_PER_MATCHER) }, (_, k) =>
      new MultiMatcher(this.entries.slice(k * PATTERNS_PER_MATCHER, (k + 1) * PATTERNS_PER_MATCHER).map((e) => e.text)),
    )
    this.scanLayer(text, text, null, findings)
    this.tailsAfterCuts(text, null, findings)
    for (const view of decodedViews(text, this.longest)) {
      this.scanLayer(text, view.text, view, findings)
      this.tailsAfterCuts(view.text, view, findings)
    }
    return findings
  }

  /** Scans `layer` (the text itself, or one of its decoded views) and records findings as ranges of `text`. */
  private scanLayer(text: string, layer: string, view: DecodedView | null, findings: Finding[]): void {
    const cuts: number[] = []
    const scans = this.matchers!.map((matcher) => matcher.scan(layer, cuts))
    scans.forEach((found, k) => {
      for (let i = 0; i < found.length; i += 3) this.record(text, layer, view, found[i]!, found[i + 1]!, this.entries[k * PATTERNS_PER_MATCHER + found[i + 2]!]!, findings)
    })
    for (let i = 0; i < cuts.length; i += 2) {
      const start = cuts[i]!
      const end = cuts[i + 1]!
      // A whole value that ends at the cut was recorded as itself (a pseudonym stays a pseudonym).
      if (scans.some((found) => found.some((v, j) => j % 3 === 1 && v === end && found[j - 1] === start))) continue
      const at = view ? view.toParent(start, end) : { start, end }
      findings.push({ ...at, kind: 'known-secret-encoded', encoding: 'cut' })
    }
  }

  private record(text: string, layer: string, view: DecodedView | null, start: number, end: number, entry: Entry, findings: Finding[]): void {
    const target = entry.target
    if (target.role === 'pseudonym') {
      if (!view && layer.slice(start, end).toLowerCase() === entry.text.toLowerCase() && boundary(layer, start - 1) && boundary(layer, end))
        findings.push({ start, end, kind: 'pseudonym', replacement: target.replacement })
      return
    }
    if (view) {
      // Decoding only shrinks text: a match as long as its origin holds no escape, and the layer below found it already.
      const origin = view.toParent(start, end)
      if (origin.end - origin.start === end - start) return
    }
    const base64 = target.encoding === 'base64' || target.encoding === 'base64url'
    const range = base64 ? base64Run(layer, start, end) : { start, end }
    const at = view ? view.toParent(range.start, range.end) : range
    const encoding: SecretEncoding | undefined = view && !base64 ? 'escaped' : target.encoding === 'raw' ? undefined : target.encoding
    const kind = target.role === 'repeat' ? 'repeated-secret' : spansWhitespace(layer, start, end) ? 'known-secret-split' : encoding ? 'known-secret-encoded' : 'known-secret'
    findings.push({ ...at, kind, encoding })
  }

  /** After a cut (the start of `text`, `…`, `...`): the end of a known secret, 8+ characters of it; `text` is the text itself or one of its views. */
  private tailsAfterCuts(text: string, view: DecodedView | null, findings: Finding[]): void {
    const tails = this.tailIndex()
    if (tails.size === 0) return
    const tailAt = (at: number): void => {
      const key = text.slice(at, at + MIN_CUT_PREFIX).toLowerCase()
      const best = tails.get(key)?.find((tail) => text.slice(at, at + tail.length).toLowerCase() === tail)
      if (best) findings.push({ ...(view ? view.toParent(at, at + best.length) : { start: at, end: at + best.length }), kind: 'known-secret-encoded', encoding: 'cut' })
    }
    tailAt(text.length - text.trimStart().length)
    for (const m of text.matchAll(ELLIPSIS)) {
      let at = m.index + m[0].length
      while (at < text.length && /\s/.test(text[at]!)) at++
      tailAt(at)
    }
  }

  private tailIndex(): Map<string, string[]> {
    if (this.tails) return this.tails
    const tails = new Map<string, string[]>()
    for (const { text, target } of this.entries) {
      if (target.role !== 'known' || target.encoding !== 'raw' || text.length < MIN_SECRET_LENGTH + 1) continue
      const folded = foldKey(text)
      for (let from = 1; folded.length - from >= MIN_CUT_PREFIX; from++) {
        const tail = folded.slice(from)
        const key = tail.slice(0, MIN_CUT_PREFIX)
        const list = tails.get(key)
        if (list) list.push(tail)
        else tails.set(key, [tail])
      }
    }
    for (const list of tails.values()) list.sort((a, b) => b.length - a.length)
    this.tails = tails
    return tails
  }
}

function spansWhitespace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || (c >= 9 && c <= 13)) return true
  }
  return false
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const boundary = (text: string, at: number): boolean => at < 0 || at >= text.length || !isWordChar(text.charCodeAt(at))

const isBase64Char = (c: number): boolean => isWordChar(c) || c === 43 || c === 47 || c === 95 || c === 45

/** The whole base64 blob (on its lines) around a match: its edge characters carry bits of the secret too. */
function base64Run(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  while (s > 0 && isBase64Char(text.charCodeAt(s - 1))) s--
  while (e < text.length && isBase64Char(text.charCodeAt(e))) e++
  for (let pad = 0; pad < 2 && text.charCodeAt(e) === 61; pad++) e++
  return { start: s, end: e }
}

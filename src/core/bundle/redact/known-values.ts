/**
 * The values the engine looks for literally: the vault's secrets (every encoding), values a
 * structural pass removed elsewhere in the same text (raw, JSON- and URL-encoded), and the
 * identifiers the user chose to mask (replaced by a consistent pseudonym). One matcher, one pass.
 */
import { secretVariants } from './encodings'
import { MultiMatcher } from './multi-matcher'
import type { Finding, SecretEncoding } from './types'

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

/** Adds entries whose ASCII-folded text is new (the matcher folds ASCII case). */
function collect(into: Entry[], seen: Set<string>, entries: Iterable<Entry>): Entry[] {
  for (const entry of entries) {
    const key = entry.text.replace(/[A-Z]/g, (c) => c.toLowerCase())
    if (entry.text.length < 2 || seen.has(key)) continue
    seen.add(key)
    into.push(entry)
  }
  return into
}

/** Patterns per matcher: keeps each transition table small (a few MB); a huge vault just gets several. */
const PATTERNS_PER_MATCHER = 2048

export class KnownValues {
  private matchers: MultiMatcher[] | null = null

  private constructor(
    private readonly entries: ReadonlyArray<Entry>,
    private readonly seen: ReadonlySet<string>,
  ) {}

  static create(secrets: ReadonlyArray<string>, pseudonyms: ReadonlyArray<string>): KnownValues {
    const entries: Entry[] = []
    const seen = new Set<string>()
    for (const secret of secrets) collect(entries, seen, secretVariants(secret).map((v) => ({ text: v.text, target: { role: 'known', encoding: v.encoding } })))
    distinctValues(pseudonyms).forEach((value, index) => {
      const target: Target = { role: 'pseudonym', encoding: 'raw', replacement: pseudonymFor(index) }
      const forms = [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), value.replace(/&/g, '&amp;')]
      collect(entries, seen, forms.map((text) => ({ text, target })))
    })
    return new KnownValues(entries, seen)
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
    this.matchers ??= Array.from({ length: Math.ceil(this.entries.length / PATTERNS_PER_MATCHER) }, (_, k) =>
      new MultiMatcher(this.entries.slice(k * PATTERNS_PER_MATCHER, (k + 1) * PATTERNS_PER_MATCHER).map((e) => e.text)),
    )
    const findings: Finding[] = []
    this.matchers.forEach((matcher, k) => this.collect(text, matcher.scan(text), k * PATTERNS_PER_MATCHER, findings))
    return findings
  }

  private collect(text: string, found: ReadonlyArray<number>, offset: number, findings: Finding[]): void {
    for (let i = 0; i < found.length; i += 3) {
      const start = found[i]!
      const end = found[i + 1]!
      const target = this.entries[offset + found[i + 2]!]!.target
      const split = spansBreak(text, start, end)
      if (target.role === 'pseudonym') {
        if (!split && boundary(text, start - 1) && boundary(text, end)) findings.push({ start, end, kind: 'pseudonym', replacement: target.replacement })
        continue
      }
      const kind = target.role === 'repeat' ? 'repeated-secret' : split ? 'known-secret-split' : target.encoding !== 'raw' ? 'known-secret-encoded' : 'known-secret'
      const encoding = target.encoding === 'raw' ? undefined : target.encoding
      if (target.encoding === 'base64' || target.encoding === 'base64url') findings.push({ ...base64Run(text, start, end), kind, encoding })
      else findings.push({ start, end, kind, encoding })
    }
  }
}

function spansBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || c === 13) return true
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

/** Merges the passes' findings (overlaps become one removal) and writes the redacted text and its manifest. */
import { REDACTED, type Finding, type Range, type RedactionKind, type RedactResult, type Removal } from './types'

/** When findings overlap, the merged removal is reported as the kind with the highest rank. */
const RANK: Readonly<Record<RedactionKind, number>> = {
  'private-key': 9,
  'known-secret': 8,
  'known-secret-encoded': 8,
  'known-secret-split': 8,
  'authorization-basic': 7,
  'authorization-bearer': 7,
  'authorization-bearer-signature': 7,
  'authorization-other': 7,
  'json-field': 6,
  'xml-field': 6,
  header: 6,
  query: 6,
  form: 6,
  assignment: 6,
  cookie: 6,
  'url-userinfo': 6,
  'jwt-signature': 6,
  'repeated-secret': 5,
  'high-entropy': 3,
  pseudonym: 1,
}

const byStart = (a: Finding, b: Finding): number => a.start - b.start || b.end - a.end

/** Sorted by start; overlapping findings merged into their union. Sorts `findings` in place. */
export function mergeFindings(findings: Finding[]): Finding[] {
  findings.sort(byStart)
  const merged: Finding[] = []
  let last: Finding | undefined
  for (const f of findings) {
    if (!last || f.start >= last.end) {
      merged.push(f)
      last = f
      continue
    }
    // Inside the last one and no higher rank: nothing changes.
    if (f.end <= last.end && RANK[f.kind] <= RANK[last.kind]) continue
    const end = Math.max(last.end, f.end)
    const top = RANK[f.kind] > RANK[last.kind] ? f : last
    // A pseudonym survives a merge only if it covers the whole union; any secret turns it into a removal.
    const pseudonyms = last.kind === 'pseudonym' && f.kind === 'pseudonym'
    const replacement = pseudonyms ? (last.end >= end ? last.replacement : f.start === last.start && f.end === end ? f.replacement : REDACTED) : undefined
    last = { start: last.start, end, kind: top.kind, field: top.field, encoding: top.encoding, replacement }
    merged[merged.length - 1] = last
  }
  return merged
}

/** The union of two sorted lists of ranges, sorted and merged (for walking alongside a text). */
export function coveredRanges(a: ReadonlyArray<Range>, b: ReadonlyArray<Range>): Range[] {
  const out: Range[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!
    const last = out[out.length - 1]
    if (last && next.start <= last.end) {
      if (next.end > last.end) out[out.length - 1] = { start: last.start, end: next.end }
    } else out.push(next)
  }
  return out
}

export function applyFindings(text: string, merged: ReadonlyArray<Finding>): RedactResult {
  const parts: string[] = []
  const spans: Range[] = []
  let at = 0
  let outLength = 0
  for (const f of merged) {
    const replacement = f.replacement ?? REDACTED
    parts.push(text.slice(at, f.start), replacement)
    outLength += f.start - at
    spans.push({ start: outLength, end: outLength + replacement.length })
    outLength += replacement.length
    at = f.end
  }
  parts.push(text.slice(at))
  const output = parts.join('')
  let line = 1
  let lineStart = 0
  let nextBreak = output.indexOf('\n')
  const manifest = merged.map((f, i): Removal => {
    const span = spans[i]!
    while (nextBreak >= 0 && nextBreak < span.start) {
      line++
      lineStart = nextBreak + 1
      nextBreak = output.indexOf('\n', lineStart)
    }
    const removal: { -readonly [K in keyof Removal]: Removal[K] } = { kind: f.kind, where: { line, column: span.start - lineStart + 1 }, output: span, length: f.end - f.start }
    if (f.field !== undefined) removal.field = f.field
    if (f.encoding !== undefined) removal.encoding = f.encoding
    return removal
  })
  return { text: output, manifest }
}

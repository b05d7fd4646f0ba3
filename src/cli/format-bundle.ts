/** Human-readable output of `authdesk redact` and `authdesk bundle`: counts and places, never values. */
import type { ScanReport } from '../core/bundle/types'
import type { WrittenBundle } from '../core/bundle/write-bundle'

/** `3 json-field, 1 authorization-basic` (most frequent first). */
export function formatCounts(byKind: Readonly<Record<string, number>>): string {
  return Object.entries(byKind)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ')
}

export function countByKind(kinds: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const k of kinds) counts[k] = (counts[k] ?? 0) + 1
  return counts
}

export function formatScanHits(scan: ScanReport): string {
  return scan.hits.map((h) => `  ${h.file}:${h.line}:${h.column}  ${h.rule}\n`).join('')
}

export function formatWritten(written: WrittenBundle, removals: number, byKind: Readonly<Record<string, number>>, notes: ReadonlyArray<string>): string {
  const lines = [
    `Wrote ${written.path} (${written.bytes} bytes): ${written.files.join(', ')}`,
    removals === 0 ? 'Nothing needed removing.' : `Removed ${removals} value(s): ${formatCounts(byKind)}. Each is listed in redactions.json (place and kind, never the value).`,
    `Secret scan: clean (${written.scan.rules.length - 1} secretlint rules, ${written.scan.vaultSecrets} vault secret(s), ${written.scan.files} files).`,
    ...notes.map((n) => `Note: ${n}`),
  ]
  return `${lines.join('\n')}\n`
}

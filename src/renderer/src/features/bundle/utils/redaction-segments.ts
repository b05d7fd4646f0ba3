import type { BundleRedactionView } from '@shared/bundle'

export type Segment = { readonly text: string; readonly redaction: null } | { readonly text: string; readonly redaction: BundleRedactionView }

/**
 * Splits a file's content into plain text and the redacted spans (offsets from core), for
 * highlighting. Overlapping or out-of-range spans are clipped; the text is never altered. Pure.
 */
export function redactionSegments(content: string, redactions: ReadonlyArray<BundleRedactionView>): Segment[] {
  const spans = [...redactions].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)
  const segments: Segment[] = []
  let at = 0
  for (const span of spans) {
    const start = Math.max(at, Math.min(span.start, content.length))
    const end = Math.min(span.end, content.length)
    if (end <= start) continue
    if (start > at) segments.push({ text: content.slice(at, start), redaction: null })
    segments.push({ text: content.slice(start, end), redaction: span })
    at = end
  }
  if (at < content.length || segments.length === 0) segments.push({ text: content.slice(at), redaction: null })
  return segments
}

/** `12.3 kB` */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

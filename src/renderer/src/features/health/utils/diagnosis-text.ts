/** Words for a diagnosis's evidence, clock skew and transcript. Pure: provider text is passed through as text. */
import type { DiagnosisEvidence, TranscriptEntry } from '@shared/diagnosis'
import { formatDuration } from '@renderer/lib/format-time'

export interface FactRow {
  readonly label: string
  readonly value: string
  /** Shown in the monospace face (codes, steps). */
  readonly mono?: boolean
  /** Text the provider sent (rendered as text, marked so people know who said it). */
  readonly fromProvider?: boolean
}

export function evidenceRows(evidence: DiagnosisEvidence): FactRow[] {
  const rows: FactRow[] = [{ label: 'Probe step', value: evidence.step, mono: true }]
  if (evidence.status !== undefined) rows.push({ label: 'HTTP status', value: String(evidence.status), mono: true })
  if (evidence.providerCode) rows.push({ label: 'Provider code', value: evidence.providerCode, mono: true, fromProvider: true })
  if (evidence.providerMessage) rows.push({ label: 'Provider message', value: evidence.providerMessage, fromProvider: true })
  if (evidence.field) rows.push({ label: 'Field', value: evidence.field, mono: true })
  if (evidence.attempts !== undefined && evidence.attempts > 1) rows.push({ label: 'Attempts', value: `${evidence.attempts} (retried)` })
  if (evidence.retryAfterMs !== undefined) rows.push({ label: 'Provider asked to wait', value: formatDuration(evidence.retryAfterMs) })
  if (evidence.possibleInterception) rows.push({ label: 'TLS', value: 'The certificate’s issuer is not trusted: this looks like TLS interception by a proxy or security software.' })
  return rows
}

/** Above this the provider's clock is worth a warning (the diagnosis reports `clock.skew` itself when it matters). */
const NOTABLE_SKEW_MS = 2_000

/** "SMSGate's clock is 3 s ahead of this computer's", or null when no Date header was seen. */
export function skewText(skewMs: number | null, provider: string): { readonly text: string; readonly notable: boolean } | null {
  if (skewMs === null) return null
  const notable = Math.abs(skewMs) >= NOTABLE_SKEW_MS
  if (!notable) return { text: `${provider}’s clock agrees with this computer’s (within ${NOTABLE_SKEW_MS / 1000} s).`, notable }
  return { text: `${provider}’s clock is ${formatDuration(Math.abs(skewMs))} ${skewMs > 0 ? 'ahead of' : 'behind'} this computer’s.`, notable }
}

const headerLines = (headers: Readonly<Record<string, string>>): string[] => Object.entries(headers).map(([name, value]) => `${name}: ${value}`)

/** The request as text: request line, headers, blank line, body. */
export function requestText(entry: TranscriptEntry): string {
  return [`${entry.method} ${entry.url}`, ...headerLines(entry.requestHeaders), ...(entry.requestBody ? ['', entry.requestBody] : [])].join('\n')
}

/** The response (or the transport error) as text. */
export function responseText(entry: TranscriptEntry): string {
  const lines: string[] = []
  if (entry.status !== null) lines.push(`HTTP ${entry.status}`, ...headerLines(entry.responseHeaders))
  if (entry.responseBody) lines.push('', entry.responseBody)
  if (entry.error) lines.push(...(lines.length ? [''] : []), `Error ${entry.error.code}: ${entry.error.message}`)
  return lines.length ? lines.join('\n') : 'No answer.'
}

export function exchangeTitle(entry: TranscriptEntry): string {
  const outcome = entry.status !== null ? String(entry.status) : (entry.error?.code ?? 'no answer')
  return `${entry.method} ${entry.url} → ${outcome}`
}

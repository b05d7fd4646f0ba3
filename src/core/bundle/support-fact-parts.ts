/**
 * The pieces each provider's support facts are made of (providers/<id>/support-facts.ts): the
 * deciding exchange, its status and request line, the account's fields, the check history.
 * Values are not redacted here: the whole report is redacted afterwards.
 */
import type { Diagnosis, TranscriptEntry } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import { providerDefinition } from '../providers/registry'
import { environmentOf } from '../providers/types'
import { formatLocal } from './time-format'

export const NO_CHECK = 'not available: no check has run yet'

/** The exchange that decided the diagnosis: the last attempt of the deciding step. */
export function decidingExchange(d: Diagnosis): TranscriptEntry | undefined {
  const ofStep = d.transcript.filter((e) => e.step === d.evidence.step)
  return ofStep[ofStep.length - 1] ?? d.transcript[d.transcript.length - 1]
}

export function jsonOf(body: string | null | undefined): unknown {
  if (!body) return undefined
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

export const objectOf = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
export const accountField = (account: AccountView, name: string): string => account.fields[name] || 'not set'

export function baseUrlOf(account: AccountView): string {
  return account.baseUrl ?? environmentOf(providerDefinition(account.provider), account.environment)?.baseUrl ?? 'unknown'
}

export function statusLine(e: TranscriptEntry | undefined, d: Diagnosis): string {
  if (e?.error) return `no HTTP response (${e.error.code}: ${e.error.message})`
  const code = e?.status ?? d.evidence.status
  return code === undefined || code === null ? 'no HTTP status recorded' : String(code)
}

export const requestLine = (e: TranscriptEntry | undefined): string => (e ? `${e.method} ${e.url}` : 'no request was sent (the problem was found before sending)')

/** Whether the integration worked before, from the check history (newest first). */
export function integrationHistory(checks: ReadonlyArray<Diagnosis>, timeZone: string): string {
  const latest = checks[0]
  if (!latest) return NO_CHECK
  if (latest.state === 'healthy' || latest.state === 'degraded') return `working at the latest check (${formatLocal(latest.checkedAt, timeZone)})`
  const lastGood = checks.find((d) => d.state === 'healthy' || d.state === 'degraded')
  const oldest = checks[checks.length - 1]!
  if (!lastGood) return `no successful check in AuthDesk's history (${checks.length} check(s) since ${formatLocal(oldest.checkedAt, timeZone)}): new, or never verified here`
  const firstBad = [...checks].reverse().find((d) => d.checkedAt > lastGood.checkedAt && d.state !== 'healthy' && d.state !== 'degraded') ?? latest
  return `previously working: last successful check ${formatLocal(lastGood.checkedAt, timeZone)}; failing since ${formatLocal(firstBad.checkedAt, timeZone)}`
}

export function errorTime(checks: ReadonlyArray<Diagnosis>, timeZone: string): string {
  const failing = checks.find((d) => d.state === 'failing' || d.state === 'unknown')
  return failing ? formatLocal(failing.checkedAt, timeZone) : checks.length === 0 ? NO_CHECK : 'no error recorded (every recorded check passed)'
}

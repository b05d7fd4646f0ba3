/**
 * What each provider's support desk asks for, read from the account and its latest check
 * (dossiers' support sections). Every fact that needs a check says so when none has run.
 * Values are not redacted here: the whole report is redacted afterwards.
 */
import type { Diagnosis, TranscriptEntry } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import { providerDefinition } from '../providers/registry'
import { environmentOf } from '../providers/types'
import { formatLocal } from './time-format'

export interface SupportFact {
  readonly label: string
  readonly value: string
  /** Multi-line text (a body) to show as a block. */
  readonly block?: boolean
}

export interface SupportFacts {
  readonly provider: string
  /** What the provider's support asks for, in one sentence, with where that comes from. */
  readonly asks: string
  readonly facts: ReadonlyArray<SupportFact>
}

export const NO_CHECK = 'not available: no check has run yet'

/** The exchange that decided the diagnosis: the last attempt of the deciding step. */
export function decidingExchange(d: Diagnosis): TranscriptEntry | undefined {
  const ofStep = d.transcript.filter((e) => e.step === d.evidence.step)
  return ofStep[ofStep.length - 1] ?? d.transcript[d.transcript.length - 1]
}

function json(body: string | null | undefined): unknown {
  if (!body) return undefined
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
const field = (account: AccountView, name: string): string => account.fields[name] || 'not set'

function baseUrl(account: AccountView): string {
  return account.baseUrl ?? environmentOf(providerDefinition(account.provider), account.environment)?.baseUrl ?? 'unknown'
}

function status(e: TranscriptEntry | undefined, d: Diagnosis): string {
  if (e?.error) return `no HTTP response (${e.error.code}: ${e.error.message})`
  const code = e?.status ?? d.evidence.status
  return code === undefined || code === null ? 'no HTTP status recorded' : String(code)
}

const request = (e: TranscriptEntry | undefined): string => (e ? `${e.method} ${e.url}` : 'no request was sent (the problem was found before sending)')

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

function errorTime(checks: ReadonlyArray<Diagnosis>, timeZone: string): string {
  const failing = checks.find((d) => d.state === 'failing' || d.state === 'unknown')
  return failing ? formatLocal(failing.checkedAt, timeZone) : checks.length === 0 ? NO_CHECK : 'no error recorded (every recorded check passed)'
}

function groupcall(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const item = record(Array.isArray(json(e?.responseBody)) ? (json(e?.responseBody) as unknown[])[0] : undefined)
  const warnings = Array.isArray(item.WarningMessages) ? item.WarningMessages.map(String) : []
  const errors = d
    ? [item.errorMsg ? `errorMsg "${String(item.errorMsg)}"` : '', warnings.length > 0 ? `WarningMessages ${warnings.map((w) => `"${w}"`).join(', ')}` : '', d.evidence.providerMessage && !item.errorMsg && warnings.length === 0 ? d.evidence.providerMessage : '']
        .filter(Boolean)
        .join('; ') || 'none in the response'
    : NO_CHECK
  return [
    { label: 'Customer ID', value: field(account, 'CUSTOMER_ID') },
    { label: 'Error messages', value: errors },
    { label: 'When', value: d ? `${formatLocal(d.checkedAt, timeZone)}${item.transmitDateTime ? `; Groupcall transmitDateTime ${String(item.transmitDateTime)}` : ''}` : NO_CHECK },
    { label: 'New or previously working integration', value: integrationHistory(checks, timeZone) },
    { label: 'Route', value: account.secrets.PARTNER_KEY?.set ? 'PartnerRoute (a partner key is set)' : 'customer credentials (no partner key)' },
    { label: 'Host', value: baseUrl(account) },
  ]
}

function soapMethod(e: TranscriptEntry | undefined, d: Diagnosis): string {
  const action = e && Object.entries(e.requestHeaders).find(([k]) => k.toLowerCase() === 'soapaction')?.[1]
  const m = action ? /\/([A-Za-z]+Service)\/([A-Za-z_]+)"?$/.exec(action.trim()) : null
  return m ? `${m[1]}.${m[2]}` : d.evidence.step
}

/** `1001: Invalid Authentication`, whether or not the message already starts with its code. */
const errorText = (code: string | undefined, message: string | undefined): string =>
  code && message?.startsWith(code) ? message : [code, message].filter(Boolean).join(': ')

function nmbrs(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const code = d?.evidence.providerCode
  return [
    { label: 'Time and date of the error', value: errorTime(checks, timeZone) },
    { label: 'API method', value: d ? soapMethod(e, d) : NO_CHECK },
    { label: 'Error', value: d ? errorText(code, d.evidence.providerMessage) || d.summary : NO_CHECK },
    { label: 'Username', value: field(account, 'USERNAME') },
    { label: 'Domain', value: `${field(account, 'DOMAIN')}${d?.details.suggestedDomain ? ` (Environment_Get reported "${d.details.suggestedDomain}")` : ''}` },
    { label: 'Endpoint', value: e?.url ?? baseUrl(account) },
  ]
}

function smsgate(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const message = record(json(e?.responseBody)).message
  const token = d?.details.token
  const auth = account.secrets.TOKEN?.set ? 'JWT bearer token' : account.secrets.PASSWORD?.set ? `Basic (username ${field(account, 'USERNAME')})` : 'no credentials set'
  const host = (() => {
    try {
      return new URL(baseUrl(account)).host
    } catch {
      return baseUrl(account)
    }
  })()
  return [
    { label: 'Request', value: d ? request(e) : NO_CHECK },
    { label: 'HTTP status and message', value: d ? `${status(e, d)}${typeof message === 'string' ? ` "${message}"` : ''}` : NO_CHECK },
    { label: 'Authentication', value: auth },
    ...(token
      ? [{ label: 'Token', value: `scopes ${token.scopes.join(', ') || 'none'}; expires ${token.expiresAt ?? 'unknown'}; issuer ${token.issuer ?? 'unknown'}${token.missingScopes.length > 0 ? `; missing ${token.missingScopes.join(', ')}` : ''}` }]
      : []),
    { label: 'Server', value: host === 'api.sms-gate.app' ? 'cloud (api.sms-gate.app)' : `private server (${host})` },
    { label: 'When', value: d ? formatLocal(d.checkedAt, timeZone) : NO_CHECK },
  ]
}

function authmatech(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const messages = record(json(e?.responseBody)).messages
  const list = Array.isArray(messages) ? messages.map((m) => `${String(record(m).code ?? 'no code')}: ${String(record(m).message ?? 'no message')}`).join('; ') : 'no messages[] in the response'
  return [
    { label: 'HTTP status', value: d ? status(e, d) : NO_CHECK },
    { label: 'messages[].code and message', value: d ? list : NO_CHECK },
    { label: 'Request URL and method', value: d ? request(e) : NO_CHECK },
    { label: 'Request body (key removed)', value: d ? (e?.requestBody ?? `none (${e?.method ?? 'no'} request without a body)`) : NO_CHECK, block: Boolean(e?.requestBody) },
    { label: 'Full response body', value: d ? (e?.responseBody ?? 'no response body') : NO_CHECK, block: Boolean(e?.responseBody) },
    { label: 'Time with time zone', value: d ? formatLocal(d.checkedAt, timeZone) : NO_CHECK },
    { label: 'Client ID', value: field(account, 'CLIENT_ID') },
  ]
}

const ASKS = {
  groupcall: "Customer ID, the error messages, timestamps, and whether this is a new integration or one that worked before (Groupcall's authentication troubleshooting guide).",
  nmbrs: 'The time and date of the error and the API method that was called (Nmbrs support article "API error 1001: Invalid Authentication").',
  smsgate: "The request, the HTTP status and the server's message, how the request authenticated and, for tokens, their scopes and expiry (what the server's errors depend on; SMSGate publishes no support checklist).",
  authmatech: 'HTTP status, messages[].code and message, request URL and method, the request body with the key removed, the full response body, and the time with time zone (Authmatech errors guide).',
} as const

/** `checks` newest first. */
export function supportFacts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFacts {
  const build = { groupcall, nmbrs, smsgate, authmatech }[account.provider]
  return { provider: providerDefinition(account.provider).label, asks: ASKS[account.provider], facts: build(account, checks, timeZone) }
}

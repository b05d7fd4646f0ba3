/**
 * Nmbrs SOAP answers → cause (dossier §5, §8). Pure. Faults are read by their `---> NNNN:`
 * code; a 1001 means bad credentials on Environment_Get (AuthHeader) but a bad domain on a
 * domain call, once Environment_Get has proved the credentials.
 */
import type { CauseCode } from '../../../shared/causes'
import { evidenceText } from '../../diagnosis/http-fallback'
import type { ResponseView, StepClassifier, StepVerdict } from '../../diagnosis/types'
import { nmbrsErrorCode, readEnvelope, readFault, serviceNamespace, type SoapFault } from './soap-envelope'
import { childElement, childText } from './soap-xml'

export const NMBRS_SERVICE = 'DebtorService'
const NS = serviceNamespace(NMBRS_SERVICE)

export interface EnvironmentInfo {
  /** e.g. `acme.nmbrs.nl` */
  readonly domain: string | null
  /** e.g. `acme`: what DOMAIN should be. */
  readonly subDomain: string | null
}

export type NmbrsPhase = 'credentials' | 'domain'

const FAULT_CAUSES: Readonly<Record<string, CauseCode>> = {
  '1002': 'permission.denied',
  '1003': 'permission.denied',
  '2003': 'permission.denied',
  '2004': 'permission.denied',
  '2009': 'permission.denied',
  '1004': 'account.disabled',
  '2043': 'domain.invalid',
  '1006': 'server.error',
  '9999': 'server.error',
}

const FAULT_TEXT: Partial<Record<CauseCode, string>> = {
  'permission.denied': 'Nmbrs accepted the login, but the API user template or its access filters do not allow this data',
  'account.disabled': 'Nmbrs says this environment has no valid subscription',
  'server.error': 'Nmbrs reported a transient or unspecified failure; try again later',
}

function faultCause(fault: SoapFault, phase: NmbrsPhase): CauseCode {
  const code = nmbrsErrorCode(fault.text)
  if (code === '1001') return phase === 'credentials' ? 'credentials.invalid' : 'domain.invalid'
  if (code !== null) return FAULT_CAUSES[code] ?? 'server.error'
  if (/invalid combination email\/password/i.test(fault.text)) return 'credentials.invalid'
  // A fault without an Nmbrs code: the envelope or action was refused (soap:Client), or the server failed.
  return /client|sender|versionmismatch/i.test(fault.code) ? 'request.rejected' : 'server.error'
}

function faultVerdict(response: ResponseView, fault: SoapFault, phase: NmbrsPhase): StepVerdict<never> {
  const cause = faultCause(fault, phase)
  const code = nmbrsErrorCode(fault.text)
  const message = evidenceText(fault.text.split('--->').slice(1).join('--->').trim() || fault.text)
  const evidence = { step: response.step, status: response.status, ...(code ? { providerCode: code } : {}), providerMessage: message }
  const summaries: Partial<Record<CauseCode, string>> = {
    'credentials.invalid': `Nmbrs refused the Username and Token on ${response.step} (${code ?? 'invalid combination'}): wrong e-mail, a reset token, or a deleted user.`,
    'domain.invalid': `Nmbrs refused the domain on ${response.step} (${code}).`,
    'request.rejected': `Nmbrs refused the probe request itself (${fault.code}), not the credentials.`,
  }
  const summary = summaries[cause] ?? `${FAULT_TEXT[cause] ?? 'Nmbrs failed'} (${code ?? fault.code} on ${response.step}).`
  return { cause, summary, evidence }
}

type Read = { readonly kind: 'fault'; readonly fault: SoapFault } | { readonly kind: 'result'; readonly result: ReturnType<typeof childElement> } | null

/** The operation's `<Op>Result` element, or its fault; null when the body is not a SOAP answer. */
function readAnswer(response: ResponseView, operation: string): Read {
  const envelope = readEnvelope(response.body)
  if (!envelope.ok) return null
  const fault = readFault(envelope.version, envelope.payload)
  if (fault) return { kind: 'fault', fault }
  const payload = envelope.payload
  if (response.status !== 200 || payload?.ns !== NS || payload.local !== `${operation}Response`) return null
  return { kind: 'result', result: childElement(payload, NS, `${operation}Result`) }
}

export const classifyEnvironmentGet: StepClassifier<EnvironmentInfo> = (response) => {
  const answer = readAnswer(response, 'Environment_Get')
  if (answer === null) return null
  if (answer.kind === 'fault') return faultVerdict(response, answer.fault, 'credentials')
  const info: EnvironmentInfo = { domain: childText(answer.result, NS, 'Domain'), subDomain: childText(answer.result, NS, 'SubDomain') }
  return { cause: 'ok', summary: 'Nmbrs accepted the Username and Token.', evidence: { step: response.step, status: response.status }, data: info }
}

export const classifyListGetAll: StepClassifier<{ readonly debtors: number }> = (response) => {
  const answer = readAnswer(response, 'List_GetAll')
  if (answer === null) return null
  if (answer.kind === 'fault') return faultVerdict(response, answer.fault, 'domain')
  const debtors = answer.result?.children.filter((c) => c.local === 'Debtor').length ?? 0
  return { cause: 'ok', summary: 'Nmbrs accepted the Username, Token and Domain.', evidence: { step: response.step, status: response.status }, data: { debtors } }
}

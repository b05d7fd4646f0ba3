/**
 * A 404 at a saved base URL is most often the `/api` segment: the cloud serves
 * https://api.sms-gate.app/3rdparty/v1, a private server https://host/api/3rdparty/v1. The probe
 * asks the other path on the same host whether SMSGate answers there: one GET without any
 * credential, which SMSGate answers 401 `{"message":"Unauthorized"}` (server `userauth.go`).
 * Only that answer makes the other path the suggested base URL.
 */
import type { ProbeContext, StepClassifier, Verdict } from '../../diagnosis/types'
import { isOn } from '../field-shapes'
import { smsGateMode } from './mode'

const WITH_API = '/api/3rdparty/v1'
const WITHOUT_API = '/3rdparty/v1'

/** The same base URL with the `/api` segment added or removed; null for a path that is neither. */
export function otherApiPath(baseUrl: string): string | null {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return null
  }
  const path = url.pathname.replace(/\/+$/, '')
  const lower = path.toLowerCase()
  if (lower.endsWith(WITH_API)) return `${url.origin}${path.slice(0, -WITH_API.length)}${WITHOUT_API}`
  if (lower.endsWith(WITHOUT_API)) return `${url.origin}${path.slice(0, -WITHOUT_API.length)}${WITH_API}`
  return null
}

function messageOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { message?: unknown } | null)?.message
  } catch {
    return null
  }
}

const answersAsSmsGate: StepClassifier<boolean> = (response) => {
  const found = response.status === 401 && messageOf(response.body) === 'Unauthorized'
  return { cause: 'ok', summary: found ? 'SMSGate answers at this path.' : 'No SMSGate API at this path either.', evidence: { step: response.step, status: response.status }, data: found }
}

/** For a 404: the base URL with the `/api` segment corrected, when SMSGate answers there. */
export async function withApiPathSuggestion(context: ProbeContext, notFound: Verdict): Promise<Verdict> {
  const { baseUrl, fields } = context.account
  const other = otherApiPath(baseUrl)
  if (other === null || smsGateMode(fields, baseUrl) === 'local') return notFound
  // Bound like the account, to the other path: the gate's scheme and host rules apply unchanged.
  const binding = { definition: context.account.definition, environment: context.account.environment, baseUrl: other, allowPrivateHttp: isOn(fields.ALLOW_LOCAL_HTTP) }
  const spec = { step: 'GET /device (other /api path, no credential)', method: 'GET' as const, url: `${other}/device`, headers: { accept: 'application/json' }, binding, once: true }
  const answer = await context.exchange(spec, answersAsSmsGate)
  if (answer.data !== true) return notFound
  const change = other.toLowerCase().endsWith(WITH_API) ? 'with /api' : 'without /api'
  return {
    ...notFound,
    summary: `No SMSGate API at this path (404), but SMSGate answers at ${other} (${change}): use that base URL.`,
    details: { ...notFound.details, suggestedBaseUrl: other },
  }
}

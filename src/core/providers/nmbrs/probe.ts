/**
 * Two read-only calls (dossier §4): DebtorService.Environment_Get with AuthHeader proves
 * Username + Token and reports the environment's domain; List_GetAll with
 * AuthHeaderWithDomain proves the domain. An API user template may switch DebtorService off
 * (1002 on List_GetAll): the login still worked. After a 1001 on Environment_Get, one more
 * Environment_Get against the other environment tells a token that has not reached Sandbox
 * yet, or one reset today, from bad credentials: Nmbrs creates tokens in Production and copies
 * them to Sandbox the next day (support article "How to get an API token").
 */
import type { Environment } from '../../../shared/model'
import type { CredentialBinding } from '../../http/host-binding'
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
import { isOn } from '../field-shapes'
import type { CheckAccount, ProbeContext, StepVerdict, Verdict } from '../../diagnosis/types'
import { classifyEnvironmentGet, classifyListGetAll, NMBRS_SERVICE, type EnvironmentInfo } from './classify'
import { SIM_BASE_PATHS } from './simulator-scenarios'
import { buildSoapRequest, type NmbrsAuthHeader } from './soap-envelope'

export const NMBRS_RETRY: RetrySettings = READ_ONLY_RETRY

function soapCall(baseUrl: string, operation: string, auth: NmbrsAuthHeader, step: string, binding?: CredentialBinding) {
  const request = buildSoapRequest({ version: '1.1', service: NMBRS_SERVICE, operation, auth })
  return { step, method: 'POST' as const, url: `${baseUrl}/${NMBRS_SERVICE}.asmx`, headers: request.headers, body: request.body, binding }
}

interface Counterpart {
  readonly environment: Environment
  readonly label: string
  readonly baseUrl: string
  readonly binding: CredentialBinding
}

/**
 * The other environment's base URL: the provider's own host for a default base URL; on a
 * custom base URL (the simulators), the same origin with the other environment's path.
 */
export function counterpartOf(account: CheckAccount): Counterpart | null {
  const { definition } = account
  const other = definition.environments.find((e) => e.id !== account.environment)
  const own = definition.environments.find((e) => e.id === account.environment)
  if (!other || !own) return null
  if (account.baseUrl === own.baseUrl) {
    return { environment: other.id, label: other.label.toLowerCase(), baseUrl: other.baseUrl, binding: { definition, environment: other.id, baseUrl: null } }
  }
  const url = new URL(account.baseUrl)
  const path = url.pathname.replace(/\/+$/, '')
  const current = path.endsWith(SIM_BASE_PATHS.sandbox) ? 'sandbox' : path.endsWith(SIM_BASE_PATHS.production) ? 'production' : null
  if (current === null) return null
  const target = current === 'sandbox' ? 'production' : 'sandbox'
  const baseUrl = `${url.origin}${path.slice(0, path.length - SIM_BASE_PATHS[current].length)}${SIM_BASE_PATHS[target]}`
  const label = definition.environments.find((e) => e.id === target)?.label.toLowerCase() ?? target
  // Same origin the caller chose explicitly; only the environment path differs.
  return { environment: target, label, baseUrl, binding: { definition, environment: target, baseUrl } }
}

const NEXT_DAY = 'Nmbrs creates API tokens in Production and copies them to Sandbox the next day'

/** Another environment accepted the token this one refused: which way round says what happened. */
function propagationVerdict(rejected: StepVerdict<EnvironmentInfo>, own: Environment, step: string, other: StepVerdict<EnvironmentInfo>, counterpart: Counterpart): Verdict {
  const suggestedEnvironment = { environment: counterpart.environment, label: counterpart.label, baseUrl: counterpart.binding.baseUrl }
  const details = {
    ...(own === 'sandbox' ? { suggestedEnvironment } : {}),
    ...(other.data?.subDomain ? { suggestedDomain: other.data.subDomain } : {}),
  }
  const inferred = `${step} accepted the same Username and Token; ${NEXT_DAY} (support article "How to get an API token")`
  const summary =
    own === 'sandbox'
      ? 'Nmbrs Sandbox refused the token (1001), but Production accepts it: new tokens reach Sandbox the day after. Try again tomorrow, or check against Production today.'
      : 'Nmbrs Production refused the token (1001), but Sandbox still accepts it: the token was reset in Nmbrs. Copy the new one from your profile → API Token.'
  return { ...rejected, cause: 'credentials.invalid', summary, evidence: { ...rejected.evidence, inferred }, details }
}

async function explainRejection(context: ProbeContext, rejected: StepVerdict<EnvironmentInfo>, auth: NmbrsAuthHeader): Promise<Verdict> {
  const counterpart = counterpartOf(context.account)
  if (rejected.evidence.providerCode !== '1001' || counterpart === null) return rejected
  const step = `Environment_Get (${counterpart.label})`
  const other = await context.exchange(soapCall(counterpart.baseUrl, 'Environment_Get', auth, step, counterpart.binding), classifyEnvironmentGet)
  if (other.cause !== 'ok') {
    return { ...rejected, details: { notes: [`The ${counterpart.label} environment does not accept them either (${other.cause}).`] } }
  }
  return propagationVerdict(rejected, context.account.environment, step, other, counterpart)
}

/** 1002 on List_GetAll after Environment_Get worked: the template blocks DebtorService, the login is fine. */
function templateVerdict(checked: StepVerdict<{ readonly debtors: number }>, domain: string, usesDebtorService: boolean): Verdict {
  const evidence = { ...checked.evidence, inferred: 'Environment_Get accepted the Username and Token, so the 1002 on List_GetAll comes from the API user template' }
  if (usesDebtorService) {
    return {
      ...checked,
      cause: 'feature.disabled',
      summary: 'Nmbrs accepted the login, but the API user template does not allow DebtorService calls (1002), which this account uses.',
      evidence,
    }
  }
  return {
    ...checked,
    cause: 'ok',
    summary: 'Nmbrs accepted the Username and Token.',
    evidence,
    details: { notes: [`The domain '${domain}' could not be verified: the API user template does not allow DebtorService calls (1002 on List_GetAll).`] },
  }
}

function domainVerdict(checked: StepVerdict<{ readonly debtors: number }>, domain: string, info: EnvironmentInfo, configured: boolean, usesDebtorService: boolean): Verdict {
  const suggested = info.subDomain
  if (checked.evidence.providerCode === '1002') return templateVerdict(checked, domain, usesDebtorService)
  if (checked.cause === 'domain.invalid') {
    const fix = suggested && suggested.toLowerCase() !== domain.toLowerCase() ? `; this token's domain is '${suggested}'` : ''
    return { ...checked, summary: `The domain '${domain}' was refused${fix}.`, details: suggested ? { suggestedDomain: suggested } : {} }
  }
  if (checked.cause !== 'ok') return checked
  const count = checked.data?.debtors ?? 0
  if (configured) return { ...checked, summary: `Nmbrs accepted the Username, Token and domain '${domain}' (${count} debtor${count === 1 ? '' : 's'} visible).` }
  return {
    ...checked,
    summary: `Nmbrs accepted the Username and Token; DOMAIN is not set, and the environment's domain '${domain}' works.`,
    details: { suggestedDomain: domain },
  }
}

export async function probeNmbrs(context: ProbeContext): Promise<Verdict> {
  const { fields, baseUrl } = context.account
  const username = fields.USERNAME ?? ''
  const token = fields.TOKEN ?? ''
  const auth: NmbrsAuthHeader = { kind: 'AuthHeader', username, token }
  const environment = await context.exchange(soapCall(baseUrl, 'Environment_Get', auth, 'Environment_Get'), classifyEnvironmentGet)
  if (environment.cause === 'credentials.invalid') return explainRejection(context, environment, auth)
  if (environment.cause !== 'ok') return environment
  const info = environment.data ?? { domain: null, subDomain: null }
  const configured = (fields.DOMAIN ?? '') !== ''
  const domain = configured ? fields.DOMAIN! : info.subDomain
  if (!domain) {
    return { ...environment, summary: 'Nmbrs accepted the Username and Token; no domain was configured or reported, so the domain was not checked.' }
  }
  const withDomain: NmbrsAuthHeader = { kind: 'AuthHeaderWithDomain', username, token, domain }
  const list = await context.exchange(soapCall(baseUrl, 'List_GetAll', withDomain, 'List_GetAll'), classifyListGetAll)
  return domainVerdict(list, domain, info, configured, isOn(fields.USES_DEBTOR_SERVICE))
}

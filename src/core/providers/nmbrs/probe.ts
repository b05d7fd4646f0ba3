/**
 * Two read-only calls (dossier §4): DebtorService.Environment_Get with AuthHeader proves
 * Username + Token and reports the environment's domain; List_GetAll with
 * AuthHeaderWithDomain proves the domain. After a 1001 on Environment_Get, one more
 * Environment_Get against the other environment tells a mix-up from bad credentials.
 */
import type { Environment } from '../../../shared/model'
import type { CredentialBinding } from '../../http/host-binding'
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
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

async function explainRejection(context: ProbeContext, rejected: StepVerdict<EnvironmentInfo>, auth: NmbrsAuthHeader): Promise<Verdict> {
  const counterpart = counterpartOf(context.account)
  if (rejected.evidence.providerCode !== '1001' || counterpart === null) return rejected
  const step = `Environment_Get (${counterpart.label})`
  const other = await context.exchange(soapCall(counterpart.baseUrl, 'Environment_Get', auth, step, counterpart.binding), classifyEnvironmentGet)
  if (other.cause !== 'ok') {
    return { ...rejected, details: { notes: [`The ${counterpart.label} environment does not accept them either (${other.cause}).`] } }
  }
  const own = context.account.definition.environments.find((e) => e.id === context.account.environment)?.label.toLowerCase() ?? 'this environment'
  return {
    cause: 'environment.mismatch',
    summary: `These credentials belong to Nmbrs ${counterpart.label}, not ${own}: switch the account to ${counterpart.label} (${counterpart.baseUrl}).`,
    evidence: { ...rejected.evidence, inferred: `${step} accepted the same Username and Token after ${own} answered 1001` },
    details: {
      suggestedEnvironment: { environment: counterpart.environment, label: counterpart.label, baseUrl: counterpart.binding.baseUrl },
      ...(other.data?.subDomain ? { suggestedDomain: other.data.subDomain } : {}),
    },
  }
}

function domainVerdict(checked: StepVerdict<{ readonly debtors: number }>, domain: string, info: EnvironmentInfo, configured: boolean): Verdict {
  const suggested = info.subDomain
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
  return domainVerdict(list, domain, info, configured)
}

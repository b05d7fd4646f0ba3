/**
 * Checking one account of a custom provider: field lint → (OAuth token exchange) → the probe
 * steps in order → one diagnosis. Requests go through the project's HTTP client and the
 * diagnosis engine's exchange (retries, transport faults, 429/503, transcript), with a host
 * binding built from the definition's environments, so the one send gate applies unchanged.
 */
import { stateOf, type CauseCode } from '../../shared/causes'
import type { Diagnosis, DiagnosisDetails, TranscriptEntry } from '../../shared/diagnosis'
import { ENVIRONMENTS, type Environment } from '../../shared/model'
import { createSkewTracker, describeSkew, isSkewed } from '../diagnosis/clock-skew'
import { createExchange } from '../diagnosis/exchange'
import { READ_ONLY_RETRY, type RetrySettings } from '../diagnosis/retry'
import type { StepClassifier, Verdict } from '../diagnosis/types'
import type { HttpClient } from '../http/client'
import { normaliseBaseUrl, type BindingProvider, type CredentialBinding } from '../http/host-binding'
import { SecretScrubber } from '../secret-scrubber'
import { lintFields } from './account-lint'
import { nonSecretValues, stepClassifier } from './classify'
import { knowledgeStepsFor } from './knowledge'
import { exchangeToken, type IssuedToken } from './oauth'
import { buildRequest, secretForms, type BuiltRequest } from './request'
import type { ProviderDefinitionFile, Rule } from './schema'

/** A Diagnosis whose provider is a custom definition's id, with the rule that decided (null: a default did). */
export type DefinitionDiagnosis = Omit<Diagnosis, 'provider'> & { readonly provider: string; readonly rule: string | null }

export interface DefinitionCheckInput {
  readonly definition: ProviderDefinitionFile
  /** By field name; may also carry BASE_URL and ENVIRONMENT (the variable convention). */
  readonly fields: Readonly<Record<string, string>>
}

export interface DefinitionCheckDeps {
  readonly http: HttpClient
  readonly timeoutMs?: number
  readonly retry?: (settings: RetrySettings) => RetrySettings
  readonly now?: () => number
  readonly scrubber?: SecretScrubber
}

export function bindingProvider(d: ProviderDefinitionFile): BindingProvider {
  return { id: d.id, label: d.name, environments: d.environments.map((e) => ({ ...e, hosts: e.hosts.map((h) => h.toLowerCase()) })) }
}

function environmentFor(d: ProviderDefinitionFile, given: string | undefined, baseUrl: string | null): Environment {
  const value = given?.trim().toLowerCase()
  const known = d.environments.find((e) => e.id === value && (ENVIRONMENTS as ReadonlyArray<string>).includes(value))
  if (known) return known.id
  const host = baseUrl ? new URL(baseUrl).hostname : null
  return (d.environments.find((e) => host !== null && e.hosts.includes(host)) ?? d.environments[0]!).id
}

export interface StepsContext {
  readonly d: ProviderDefinitionFile
  readonly exchange: ReturnType<typeof createExchange>
  readonly baseUrl: string
  readonly customBase: boolean
  readonly environment: Environment
  readonly values: Readonly<Record<string, string>>
  readonly providerNow: () => number
  readonly remember: (value: string) => void
}

export type StepsOutcome = { readonly verdict: Verdict; readonly rule?: Rule; readonly token?: IssuedToken }

const send = <T>(c: StepsContext, step: string, request: BuiltRequest, classify: StepClassifier<T>, once = false) =>
  c.exchange<T>({ step, method: request.method, url: request.url, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }), once }, classify)

async function issueToken(c: StepsContext): Promise<StepsOutcome> {
  const credential = c.d.credential
  if (credential.type !== 'oauth2-client-credentials') throw new Error('not an OAuth definition')
  const { verdict, token } = await exchangeToken(c.exchange, c.d, credential, { baseUrl: c.baseUrl, values: c.values, customBase: c.customBase, now: c.providerNow })
  if (token) c.remember(token.accessToken)
  return { verdict, ...(token ? { token } : {}) }
}

export async function runSteps(c: StepsContext): Promise<StepsOutcome> {
  let token: IssuedToken | undefined
  if (c.d.credential.type === 'oauth2-client-credentials') {
    const issued = await issueToken(c)
    if (!issued.token) return issued
    token = issued.token
  }
  let last: StepsOutcome | null = null
  const notes: string[] = []
  for (const step of c.d.probe) {
    const request = buildRequest(step, c.d.credential, c.baseUrl, c.values, token?.accessToken ?? null)
    const verdict = await send(c, `${step.method} ${step.id}`, request, stepClassifier(step, c.d.name, c.providerNow, c.environment, nonSecretValues(c.d.fields, c.values)))
    const rule = verdict.data?.rule
    if (step.advisory && !(rule && verdict.cause !== 'ok')) {
      if (verdict.cause !== 'ok') notes.push(`Step ${step.id} did not conclude (${verdict.cause}): ${verdict.summary}`)
      continue
    }
    if (verdict.cause !== 'ok') return { verdict: { ...verdict, details: { notes } }, rule, token }
    last = { verdict, rule, token }
  }
  if (last === null) return { verdict: { cause: 'response.malformed', summary: `No step of the ${c.d.name} definition concluded.`, evidence: { step: 'probe' }, details: { notes } } }
  return { ...last, verdict: { ...last.verdict, details: { notes } } }
}

function scrubDeep<T>(value: T, scrubber: SecretScrubber): T {
  if (typeof value === 'string') return scrubber.scrub(value) as T
  if (Array.isArray(value)) return value.map((v: unknown) => scrubDeep(v, scrubber)) as T
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, scrubber)])) as T
  return value
}

interface Finish {
  readonly d: ProviderDefinitionFile
  readonly startedAt: number
  readonly now: () => number
  readonly skewMs: number | null
  readonly transcript: ReadonlyArray<TranscriptEntry>
  readonly scrubber: SecretScrubber
}

function tokenDetails(token: IssuedToken | undefined): DiagnosisDetails {
  if (!token) return {}
  return { token: { scopes: token.scopes, missingScopes: [], expiresAt: token.expiresAt === null ? null : new Date(token.expiresAt).toISOString(), issuer: null } }
}

function finish(outcome: StepsOutcome, f: Finish): DefinitionDiagnosis {
  const { verdict } = outcome
  const skewed = isSkewed(f.skewMs)
  const cause: CauseCode = skewed && verdict.cause === 'ok' ? 'clock.skew' : verdict.cause
  const state = stateOf(cause)
  const notes = verdict.details?.notes ?? []
  const diagnosis: DefinitionDiagnosis = {
    provider: f.d.id,
    rule: outcome.rule?.name ?? null,
    state,
    cause,
    retryable: state === 'unknown' && cause !== 'request.rejected',
    summary: skewed ? `${verdict.summary} ${describeSkew(f.skewMs!)}` : verdict.summary,
    evidence: verdict.evidence,
    knowledgeSteps: [...knowledgeStepsFor(f.d, { ...verdict, cause }, outcome.rule), ...(skewed ? ['clock.sync'] : [])],
    checkedAt: new Date(f.startedAt).toISOString(),
    durationMs: Math.max(0, Math.round(f.now() - f.startedAt)),
    clockSkewMs: f.skewMs,
    details: { ...verdict.details, ...tokenDetails(outcome.token), ...(notes.length > 0 ? { notes } : {}) },
    transcript: f.transcript,
  }
  return scrubDeep(diagnosis, f.scrubber)
}

const SETTINGS = new Set(['BASE_URL', 'ENVIRONMENT'])

export async function checkDefinitionAccount(input: DefinitionCheckInput, deps: DefinitionCheckDeps): Promise<DefinitionDiagnosis> {
  const { definition: d } = input
  const now = deps.now ?? Date.now
  const startedAt = now()
  const scrubber = new SecretScrubber()
  const remember = (value: string): void => [scrubber, deps.scrubber].forEach((s) => secretForms(value).forEach((form) => s?.remember(form)))
  const values = Object.fromEntries(Object.entries(input.fields).filter(([name]) => !SETTINGS.has(name)))
  for (const field of d.fields) if (field.secret && values[field.name]) remember(values[field.name]!)
  const transcript: TranscriptEntry[] = []
  const base = { d, startedAt, now, transcript, scrubber }

  const problems = lintFields(d.fields, values)
  const rawBase = input.fields.BASE_URL?.trim() || null
  const normal = rawBase === null ? null : normaliseBaseUrl(rawBase)
  if (normal && 'problem' in normal) problems.push({ field: 'BASE_URL', cause: 'credentials.malformed', message: `BASE_URL ${normal.problem}.` })
  const givenEnvironment = input.fields.ENVIRONMENT?.trim().toLowerCase()
  if (givenEnvironment && !d.environments.some((e) => e.id === givenEnvironment)) {
    problems.push({ field: 'ENVIRONMENT', cause: 'credentials.malformed', message: `ENVIRONMENT must be ${d.environments.map((e) => e.id).join(' or ')} for ${d.name}.` })
  }
  const first = problems[0]
  if (first) {
    const verdict: Verdict = { cause: first.cause, summary: `${first.message} Nothing was sent.`, evidence: { step: 'lint', field: first.field }, details: { problems } }
    return finish({ verdict }, { ...base, skewMs: null })
  }
  const customBase = normal && 'url' in normal ? normal.url : null
  const environment = environmentFor(d, input.fields.ENVIRONMENT, customBase)
  const binding: CredentialBinding = { definition: bindingProvider(d), environment, baseUrl: customBase }
  const skew = createSkewTracker()
  const retry = deps.retry ? deps.retry(READ_ONLY_RETRY) : READ_ONLY_RETRY
  const exchange = createExchange({ http: deps.http, scrubber, timeoutMs: deps.timeoutMs ?? 10_000, retry, binding, skew, transcript, providerLabel: d.name, now })
  const providerNow = (): number => now() + (skew.skewMs ?? 0)
  const baseUrl = customBase ?? d.environments.find((e) => e.id === environment)!.baseUrl.replace(/\/+$/, '')
  const outcome = await runSteps({ d, exchange, baseUrl, customBase: customBase !== null, environment, values, providerNow, remember })
  return finish(outcome, { ...base, skewMs: skew.skewMs })
}

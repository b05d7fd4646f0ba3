/**
 * `checkAccount`: lint → probe (with retries) → classify → clock comparison → one Diagnosis.
 * Every string that leaves passes a scrubber that remembered every secret of this check (and
 * each `user:secret` pair of its fields); provider texts are cut to length only after that.
 */
import { stateOf, type CauseCode } from '../../shared/causes'
import type { Diagnosis, TranscriptEntry } from '../../shared/diagnosis'
import { ENVIRONMENTS, type Environment, type ProviderId } from '../../shared/model'
import type { HttpClient } from '../http/client'
import { normaliseBaseUrl, type CredentialBinding } from '../http/host-binding'
import { isOn } from '../providers/field-shapes'
import { providerDefinition } from '../providers/registry'
import { environmentOf, type ProviderDefinition } from '../providers/types'
import { SecretScrubber } from '../secret-scrubber'
import { createSkewTracker, describeSkew, isSkewed, type SkewTracker } from './clock-skew'
import { createExchange } from './exchange'
import { shortenMessage } from './http-fallback'
import { commonSteps } from './knowledge-common'
import { lintAccount, type LintInput } from './lint'
import { providerModule } from '../providers/registry'
import type { RetrySettings } from './retry'
import type { CheckAccount, ProviderCheck, RefreshedTokens, Verdict } from './types'

export interface CheckInput {
  readonly provider: ProviderId
  /** By convention name (`USERNAME`, `TOKEN`…); may also carry `BASE_URL`, `ENVIRONMENT`, `SCOPES`. */
  readonly fields: Readonly<Record<string, string>>
  /** The account's base URL; wins over `fields.BASE_URL`. Null: the environment's default. */
  readonly baseUrl?: string | null
  readonly environment?: Environment | null
  /** Scopes the account needs; wins over `fields.SCOPES`. */
  readonly scopes?: ReadonlyArray<string> | null
  /** Where a refreshed token pair is stored. Without it no refresh token is spent. */
  readonly storeTokens?: (tokens: RefreshedTokens) => Promise<void>
}

export interface CheckDeps {
  readonly http: HttpClient
  /** Per request: connect, headers and body. Default 10 s. */
  readonly timeoutMs?: number
  /** The app's scrubber: this check's secrets are remembered there too (for logs). */
  readonly scrubber?: SecretScrubber
  /** Adjusts a provider's retry settings (tests shorten the waits). */
  readonly retry?: (provider: ProviderId, settings: RetrySettings) => RetrySettings
  readonly now?: () => number
}

export const DEFAULT_TIMEOUT_MS = 10_000
const SETTINGS = new Set(['BASE_URL', 'ENVIRONMENT', 'SCOPES'])

function split(input: CheckInput): { fields: Record<string, string>; lint: LintInput } {
  const fields = Object.fromEntries(Object.entries(input.fields).filter(([name]) => !SETTINGS.has(name)))
  const scopes = input.scopes ? input.scopes.join(',') : (input.fields.SCOPES ?? null)
  const baseUrl = input.baseUrl === undefined ? (input.fields.BASE_URL ?? null) : input.baseUrl
  return { fields, lint: { fields, baseUrl, environment: input.environment ?? input.fields.ENVIRONMENT ?? null, scopes } }
}

function remember(definition: ProviderDefinition, fields: Readonly<Record<string, string>>, scrubbers: ReadonlyArray<SecretScrubber>): void {
  const secrets: string[] = []
  const names: string[] = []
  for (const [name, value] of Object.entries(fields)) {
    if (value === '') continue
    // Fields the definition does not know are treated as secret too.
    if (definition.fields.find((f) => f.name === name)?.secret ?? true) secrets.push(value)
    else names.push(value)
  }
  for (const s of scrubbers) {
    for (const secret of secrets) {
      s.remember(secret)
      for (const name of names) s.rememberPair(name, secret)
    }
  }
}

/** Environment: as given, else the one whose host the base URL names, else the provider's default. */
function environmentFor(definition: ProviderDefinition, given: string | null, baseUrl: string | null): Environment {
  const value = given?.trim().toLowerCase()
  if (value && (ENVIRONMENTS as ReadonlyArray<string>).includes(value) && environmentOf(definition, value as Environment)) return value as Environment
  const host = baseUrl ? new URL(baseUrl).hostname : null
  return (definition.environments.find((e) => host !== null && e.hosts.includes(host)) ?? definition.environments[0]!).id
}

/** Redacts first, then cuts the provider's text: a cut made before would leave a secret's start unrecognised. */
function redacted(diagnosis: Diagnosis, scrubber: SecretScrubber): Diagnosis {
  const clean = scrubber.scrubValue(diagnosis)
  const message = clean.evidence.providerMessage
  return message === undefined ? clean : { ...clean, evidence: { ...clean.evidence, providerMessage: shortenMessage(message) } }
}

interface Finish {
  readonly check: ProviderCheck
  readonly skew: SkewTracker | null
  readonly transcript: ReadonlyArray<TranscriptEntry>
  readonly startedAt: number
  readonly now: () => number
  readonly scrubber: SecretScrubber
}

function finish(verdict: Verdict, f: Finish): Diagnosis {
  const skewMs = f.skew?.skewMs ?? null
  const skewed = isSkewed(skewMs)
  // Skew downgrades only a success: a rejection or an outage stays what it is, with the skew noted.
  const cause: CauseCode = skewed && verdict.cause === 'ok' ? 'clock.skew' : verdict.cause
  const summary = skewed ? `${verdict.summary} ${describeSkew(skewMs)}` : verdict.summary
  const final: Verdict = { ...verdict, cause }
  const steps = [...f.check.knowledgeSteps(final), ...commonSteps(final), ...(skewed ? ['clock.sync'] : [])]
  const state = stateOf(cause)
  const diagnosis: Diagnosis = {
    provider: f.check.id,
    state,
    cause,
    retryable: state === 'unknown' && cause !== 'request.rejected',
    summary,
    evidence: verdict.evidence,
    knowledgeSteps: [...new Set(steps)],
    checkedAt: new Date(f.startedAt).toISOString(),
    durationMs: Math.max(0, Math.round(f.now() - f.startedAt)),
    clockSkewMs: skewMs,
    details: verdict.details ?? {},
    transcript: f.transcript,
  }
  return redacted(diagnosis, f.scrubber)
}

export async function checkAccount(input: CheckInput, deps: CheckDeps): Promise<Diagnosis> {
  const now = deps.now ?? Date.now
  const startedAt = now()
  const definition = providerDefinition(input.provider)
  const check = providerModule(input.provider).check
  const scrubber = new SecretScrubber()
  const scrubbers = deps.scrubber ? [scrubber, deps.scrubber] : [scrubber]
  const { fields, lint } = split(input)
  remember(definition, fields, scrubbers)
  const transcript: TranscriptEntry[] = []
  const base = { check, transcript, startedAt, now, scrubber }

  const problems = lintAccount(definition, lint, check.lint?.(fields) ?? [])
  const first = problems[0]
  if (first) {
    const verdict: Verdict = {
      cause: first.cause,
      summary: `${first.message} Nothing was sent.`,
      evidence: { step: 'lint', field: first.field },
      details: { problems: problems.map(({ field, message }) => ({ field, message })) },
    }
    return finish(verdict, { ...base, skew: null })
  }

  const allowPrivateHttp = isOn(fields.ALLOW_LOCAL_HTTP)
  const normalised = lint.baseUrl ? normaliseBaseUrl(lint.baseUrl, { allowPrivateHttp }) : null
  const customBase = normalised && 'url' in normalised ? normalised.url : null
  const environment = environmentFor(definition, lint.environment, customBase)
  const account: CheckAccount = {
    definition,
    fields,
    baseUrl: customBase ?? environmentOf(definition, environment)!.baseUrl,
    environment,
    scopes: (lint.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  }
  const binding: CredentialBinding = { definition, environment, baseUrl: customBase, allowPrivateHttp }
  const retry = deps.retry ? deps.retry(input.provider, check.retry) : check.retry
  const skew = createSkewTracker()
  const exchange = createExchange({ http: deps.http, scrubber, timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, retry, binding, skew, transcript, providerLabel: definition.label, now })
  const verdict = await check.probe({
    account,
    exchange,
    providerNow: () => now() + (skew.skewMs ?? 0),
    rememberSecret: (value) => scrubbers.forEach((s) => s.remember(value)),
    storeTokens: input.storeTokens ?? null,
  })
  return finish(verdict, { ...base, skew })
}

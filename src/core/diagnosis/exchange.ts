/**
 * One probe step: send, record the redacted transcript, note the provider's clock, classify
 * (shared statuses → the provider's classifier → the fallthrough), and retry by the
 * provider's policy. Transport failures are classified here, once, for every provider.
 */
import type { TranscriptEntry } from '../../shared/diagnosis'
import type { HttpClient, HttpOutcome, HttpRequestSpec } from '../http/client'
import type { CredentialBinding } from '../http/host-binding'
import { transcriptEntry, type TranscriptError } from '../http/transcript'
import type { SecretScrubber } from '../secret-scrubber'
import type { SkewTracker } from './clock-skew'
import { heldBackVerdict } from './held-back-verdict'
import { fallbackClassify, hostOf, preClassify } from './http-fallback'
import { withRetry, type RetrySettings } from './retry'
import { classifyTransportError, transportSummary } from './transport'
import type { ExchangeSpec, StepClassifier, StepVerdict } from './types'

export interface ExchangeDeps {
  readonly http: HttpClient
  readonly scrubber: SecretScrubber
  readonly timeoutMs: number
  readonly retry: RetrySettings
  readonly binding: CredentialBinding
  readonly skew: SkewTracker
  readonly transcript: TranscriptEntry[]
  readonly providerLabel: string
  readonly now: () => number
}

type Classified<T> = { readonly verdict: StepVerdict<T>; readonly error: TranscriptError | null }

function classifyOutcome<T>(spec: ExchangeSpec, outcome: HttpOutcome, classify: StepClassifier<T>, deps: ExchangeDeps): Classified<T> {
  const host = hostOf(spec.url)
  if (outcome.kind === 'blocked') {
    const summary = `AuthDesk did not send the credential to ${host}: ${outcome.reason}.`
    return { verdict: { cause: 'config.invalid', summary: `${summary} Nothing was sent.`, evidence: { step: spec.step, providerCode: 'HOST_BINDING' } }, error: { code: 'HOST_BINDING', message: outcome.reason } }
  }
  if (outcome.kind === 'held') {
    const verdict = heldBackVerdict(deps.providerLabel, outcome, spec.step, deps.now())
    return { verdict, error: { code: 'HELD_BACK', message: verdict.summary } }
  }
  if (outcome.kind === 'error') {
    const found = classifyTransportError(outcome.error, outcome.proxied)
    const evidence = {
      step: spec.step,
      ...(outcome.status === null ? {} : { status: outcome.status }),
      providerCode: found.code,
      providerMessage: found.message,
      ...(found.possibleInterception ? { possibleInterception: true } : {}),
    }
    return { verdict: { cause: found.cause, summary: transportSummary(found, host), evidence }, error: { code: found.code, message: found.message } }
  }
  deps.skew.observe(outcome.headers.date, outcome.startedAt, outcome.headersAt)
  const view = { step: spec.step, url: spec.url, status: outcome.status, headers: outcome.headers, body: outcome.body }
  const verdict = preClassify(view, deps.now(), deps.providerLabel) ?? classify(view) ?? fallbackClassify(view, deps.providerLabel)
  return { verdict, error: null }
}

export function createExchange(deps: ExchangeDeps) {
  return async function exchange<T = never>(spec: ExchangeSpec, classify: StepClassifier<T>): Promise<StepVerdict<T>> {
    const request: HttpRequestSpec = {
      method: spec.method,
      url: spec.url,
      headers: spec.headers,
      body: spec.body,
      timeoutMs: deps.timeoutMs,
      binding: spec.binding ?? deps.binding,
    }
    const { result, attempts } = await withRetry(
      spec.once ? { ...deps.retry, maxAttempts: 1 } : deps.retry,
      async (attempt) => {
        const outcome = await deps.http.send(request)
        const { verdict, error } = classifyOutcome(spec, outcome, classify, deps)
        deps.transcript.push(transcriptEntry(spec.step, attempt, request, outcome, error, deps.scrubber))
        return verdict
      },
      deps.now,
    )
    return attempts > 1 ? { ...result, evidence: { ...result.evidence, attempts } } : result
  }
}

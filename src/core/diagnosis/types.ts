/**
 * What the diagnosis engine and the provider modules exchange. A provider module builds its
 * probe requests and classifies the answers (pure); the engine owns HTTP, retries, transport
 * errors, the clock comparison, redaction and the final Diagnosis.
 */
import type { CauseCode } from '../../shared/causes'
import type { DiagnosisDetails, DiagnosisEvidence } from '../../shared/diagnosis'
import type { Environment, ProviderId } from '../../shared/model'
import type { HttpMethod } from '../http/client'
import type { CredentialBinding } from '../http/host-binding'
import type { ProviderDefinition } from '../providers/types'
import type { RetrySettings } from './retry'

/** A conclusion, before the engine turns it into a Diagnosis. */
export interface Verdict {
  readonly cause: CauseCode
  /** One line for people; never a credential value. */
  readonly summary: string
  readonly evidence: DiagnosisEvidence
  readonly details?: DiagnosisDetails
  /** The provider asked to wait this long before trying again. */
  readonly retryAfterMs?: number
}

/** A classifier's reading of one response; `data` carries what the next probe step needs. */
export interface StepVerdict<T = never> extends Verdict {
  readonly data?: T
}

/** One HTTP response, as classifiers see it. */
export interface ResponseView {
  readonly step: string
  readonly url: string
  readonly status: number
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** Pure: a response this provider recognises → verdict; anything else → null (the engine's fallback decides, never `failing`). */
export type StepClassifier<T = never> = (response: ResponseView) => StepVerdict<T> | null

export interface ExchangeSpec {
  readonly step: string
  readonly method: HttpMethod
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** Host binding for this request; the account's own binding when absent. */
  readonly binding?: CredentialBinding
  /** Never repeat this request (it changes state, e.g. a token refresh that rotates the token). */
  readonly once?: boolean
}

/** A token pair the provider issued during a check (SMSGate refresh): secrets, for the caller to store. */
export interface RefreshedTokens {
  readonly accessToken: string
  readonly refreshToken: string | null
  /** ISO time, as the provider reported it. */
  readonly expiresAt: string | null
}

/** The account a check is about, after splitting the convention's fields. */
export interface CheckAccount {
  readonly definition: ProviderDefinition
  /** Credential fields by convention name (`USERNAME`, `TOKEN`…), empty ones included. */
  readonly fields: Readonly<Record<string, string>>
  /** Normalised base URL (no trailing slash) the probe appends to. */
  readonly baseUrl: string
  readonly environment: Environment
  /** Scopes the account needs (SMSGate), possibly none. */
  readonly scopes: ReadonlyArray<string>
}

export interface ProbeContext {
  readonly account: CheckAccount
  /** Sends one request (with this provider's retry policy) and classifies the answer. */
  exchange<T = never>(spec: ExchangeSpec, classify: StepClassifier<T>): Promise<StepVerdict<T>>
  /** Local time corrected by the skew seen in the provider's Date headers so far. */
  providerNow(): number
  /** New secret values met during the check (issued tokens) are scrubbed from every output. */
  rememberSecret(value: string): void
  /**
   * Where a refreshed token pair goes. Absent when the caller cannot store one (the CLI reading
   * environment variables): then a refresh token is never spent, since rotation consumes it.
   */
  readonly storeTokens: ((tokens: RefreshedTokens) => Promise<void>) | null
}

export interface LintProblem {
  readonly field: string
  readonly cause: 'credentials.missing' | 'credentials.malformed' | 'config.invalid'
  /** Names the field and the fix; never repeats the value. */
  readonly message: string
}

export interface KnowledgeStep {
  readonly id: string
  readonly title: string
  readonly text: string
}

/** Everything the engine needs from one provider. */
export interface ProviderCheck {
  readonly id: ProviderId
  readonly retry: RetrySettings
  /** Checks of this provider that may run at once (Groupcall's probe is a real send: few). */
  readonly maxConcurrent: number
  /** Provider-specific value checks beyond the definition's shapes. */
  lint?(fields: Readonly<Record<string, string>>): ReadonlyArray<LintProblem>
  probe(context: ProbeContext): Promise<Verdict>
  /** Wizard step ids for a conclusion, most useful first. */
  knowledgeSteps(verdict: Verdict): ReadonlyArray<string>
  readonly knowledge: Readonly<Record<string, KnowledgeStep>>
}

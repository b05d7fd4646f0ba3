/**
 * The result of checking one account (shared/spec/diagnosis.md): one state, one cause code,
 * evidence safe to show, the wizard's knowledge-base steps and a redacted transcript. Built by
 * core, shown by the renderer and printed by the CLI. Pure types: no value here is a secret.
 */
import type { CauseCode } from './causes'
import type { Environment, HealthState, ProviderId } from './model'

export type DiagnosedState = Exclude<HealthState, 'unchecked'>

/** What the conclusion rests on, as read off the wire (or found before sending anything). */
export interface DiagnosisEvidence {
  /** The probe step that decided: `lint`, `Environment_Get`, `GET /devices`… */
  readonly step: string
  readonly status?: number
  /** The provider's own code: Nmbrs `1001`, Authmatech `resource_not_found`, a transport code such as `ECONNREFUSED`. */
  readonly providerCode?: string
  /** The provider's text, redacted and shortened. */
  readonly providerMessage?: string
  /** The credential field a lint problem is about (by convention name, e.g. `PASSWORD`). */
  readonly field?: string
  /** Set when the cause is inferred rather than read off the wire: how it was inferred. */
  readonly inferred?: string
  /** Requests made for this step, retries included. */
  readonly attempts?: number
  /** How long the provider asked to wait (Retry-After), in ms. */
  readonly retryAfterMs?: number
  /** TLS failures only: the certificate's issuer is not trusted, which is what interception looks like. */
  readonly possibleInterception?: boolean
}

export interface TokenDetails {
  /** Scopes decoded from the token itself (no signature check). */
  readonly scopes: ReadonlyArray<string>
  /** Scopes the account needs that the token lacks. */
  readonly missingScopes: ReadonlyArray<string>
  readonly expiresAt: string | null
  readonly issuer: string | null
  /** The token was refreshed during the check and the new pair handed to the caller. */
  readonly refreshed?: boolean
}

/** Facts the UI can act on; each is present only where the provider gives it. */
export interface SuggestedEnvironment {
  readonly environment: Environment
  /** For people, e.g. "sandbox". */
  readonly label: string
  /** The base URL to use with it: null for the provider's own (default) address. */
  readonly baseUrl: string | null
}

export interface DiagnosisDetails {
  /** Nmbrs: the domain Environment_Get reported, offered as the fix ("use `acme`"). */
  readonly suggestedDomain?: string
  /** SMSGate: the base URL with its `/api` segment corrected, where SMSGate answered (endpoint.not_found), offered as the fix. */
  readonly suggestedBaseUrl?: string
  /** The environment that accepted the same credentials (environment.mismatch), offered as the fix ("switch to sandbox"). */
  readonly suggestedEnvironment?: SuggestedEnvironment
  /** Authmatech: products enabled and not enabled for this client. */
  readonly enabledProducts?: ReadonlyArray<string>
  readonly disabledProducts?: ReadonlyArray<string>
  /** SMSGate bearer tokens. */
  readonly token?: TokenDetails
  /** Every problem lint found (the diagnosis names the first). */
  readonly problems?: ReadonlyArray<{ readonly field: string; readonly message: string }>
  /** Secondary findings worth a line in the UI (inferred hints, skipped steps). */
  readonly notes?: ReadonlyArray<string>
  /** A custom provider's definition: the rule that decided (none: a default did). */
  readonly rule?: string
}

/** One HTTP exchange, with every credential removed. */
export interface TranscriptEntry {
  readonly step: string
  readonly attempt: number
  readonly method: string
  readonly url: string
  readonly requestHeaders: Readonly<Record<string, string>>
  readonly requestBody: string | null
  readonly status: number | null
  readonly responseHeaders: Readonly<Record<string, string>>
  readonly responseBody: string | null
  /** A transport failure instead of (or in the middle of) a response. */
  readonly error: { readonly code: string; readonly message: string } | null
  readonly startedAt: string
  readonly durationMs: number
}

export interface Diagnosis {
  readonly provider: ProviderId
  readonly state: DiagnosedState
  readonly cause: CauseCode
  /** Trying again later may give another answer (never true for a rejected credential). */
  readonly retryable: boolean
  /** One line for people. */
  readonly summary: string
  readonly evidence: DiagnosisEvidence
  /** Ids of the troubleshooting wizard's steps, in order. */
  readonly knowledgeSteps: ReadonlyArray<string>
  readonly checkedAt: string
  readonly durationMs: number
  /** Provider clock minus local clock, from the provider's Date header; null when none was seen. */
  readonly clockSkewMs: number | null
  readonly details: DiagnosisDetails
  readonly transcript: ReadonlyArray<TranscriptEntry>
}

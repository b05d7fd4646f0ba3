/** One redacted transcript entry per HTTP exchange, for the wizard and support bundles. */
import type { TranscriptEntry } from '../../shared/diagnosis'
import type { SecretScrubber } from '../secret-scrubber'
import type { HttpOutcome, HttpRequestSpec } from './client'
import { redactBody, redactHeaders } from './redact'

export interface TranscriptError {
  readonly code: string
  readonly message: string
}

export function transcriptEntry(
  step: string,
  attempt: number,
  spec: HttpRequestSpec,
  outcome: HttpOutcome,
  error: TranscriptError | null,
  scrubber: SecretScrubber,
): TranscriptEntry {
  const url = new URL(spec.url)
  url.username = ''
  url.password = ''
  const response = outcome.kind === 'response' ? outcome : null
  return {
    step,
    attempt,
    method: spec.method,
    url: scrubber.scrub(url.toString()),
    requestHeaders: redactHeaders(spec.headers, scrubber),
    requestBody: redactBody(spec.body, scrubber),
    status: response?.status ?? (outcome.kind === 'error' ? outcome.status : null),
    responseHeaders: response ? redactHeaders(response.headers, scrubber) : {},
    responseBody: response ? redactBody(response.body, scrubber) : null,
    error: error ? { code: error.code, message: scrubber.scrub(error.message) } : null,
    startedAt: new Date(outcome.startedAt).toISOString(),
    durationMs: outcome.durationMs,
  }
}

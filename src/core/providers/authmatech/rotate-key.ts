/**
 * In-app API key rotation (dossier A-ROT): `POST /v1/api/clients/rotate-key` with the
 * current key and client id headers and the client secret in the body (`{secretKey}`), answered
 * with `data.newApiKey`. Never repeated: a second call would rotate again.
 */
import type { CauseCode } from '../../../shared/causes'
import { createSkewTracker } from '../../diagnosis/clock-skew'
import { createExchange } from '../../diagnosis/exchange'
import { evidenceText } from '../../diagnosis/http-fallback'
import type { RetrySettings } from '../../diagnosis/retry'
import type { StepClassifier } from '../../diagnosis/types'
import { SecretScrubber } from '../../secret-scrubber'
import type { KeyRotation, KeyRotationDeps } from '../module'
import { AUTHMATECH_PATHS, authmatechAuthHeaders, authmatechEnvelopeSchema } from './envelope'
import { AUTHMATECH_RETRY } from './probe'

export type RotateDeps = KeyRotationDeps

export type RotateOutcome = { readonly ok: true; readonly newApiKey: string } | { readonly ok: false; readonly cause: CauseCode; readonly summary: string }

const ONCE: RetrySettings = { ...AUTHMATECH_RETRY, maxAttempts: 1 }

const classifyRotate: StepClassifier<string> = (response) => {
  let envelope
  try {
    envelope = authmatechEnvelopeSchema.safeParse(JSON.parse(response.body))
  } catch {
    return null
  }
  if (!envelope.success) return null
  const text = envelope.data.messages.find((m) => m.type === 'FAILURE')?.message ?? ''
  const evidence = { step: response.step, status: response.status, ...(text ? { providerMessage: evidenceText(text) } : {}) }
  const data = envelope.data.data as { newApiKey?: unknown } | null | undefined
  if (response.status === 200 && envelope.data.success && typeof data?.newApiKey === 'string' && data.newApiKey !== '') {
    return { cause: 'ok', summary: 'Authmatech issued a new API key.', evidence: { step: response.step, status: 200 }, data: data.newApiKey }
  }
  if (response.status === 401) return { cause: 'credentials.invalid', summary: 'Authmatech refused the rotation (401): the API key, client id or client secret is wrong.', evidence }
  if (response.status === 400) return { cause: 'request.rejected', summary: `Authmatech refused the rotation request (400): ${text || 'no reason given'}`, evidence }
  if (response.status === 404) return { cause: 'endpoint.not_found', summary: 'No Authmatech rotation endpoint at this base URL (404).', evidence }
  return null
}

export async function rotateAuthmatechKey(deps: RotateDeps, apiKey: string, clientId: string, secretKey: string): Promise<RotateOutcome> {
  const scrubber = new SecretScrubber()
  for (const value of [apiKey, secretKey]) scrubber.remember(value)
  const headers = Object.fromEntries(Object.entries({ ...authmatechAuthHeaders(apiKey, clientId), 'Content-Type': 'application/json' }).map(([k, v]) => [k.toLowerCase(), v]))
  const exchange = createExchange({
    http: deps.http,
    scrubber,
    timeoutMs: deps.timeoutMs,
    retry: ONCE,
    binding: deps.binding,
    skew: createSkewTracker(),
    transcript: [],
    providerLabel: 'Authmatech',
    now: deps.now,
  })
  const url = `${deps.baseUrl}${AUTHMATECH_PATHS.rotateKey}`
  const verdict = await exchange({ step: 'POST /v1/api/clients/rotate-key', method: 'POST', url, headers, body: JSON.stringify({ secretKey }), once: true }, classifyRotate)
  if (verdict.cause === 'ok' && verdict.data) return { ok: true, newApiKey: verdict.data }
  return { ok: false, cause: verdict.cause === 'ok' ? 'response.malformed' : verdict.cause, summary: scrubber.scrub(verdict.summary) }
}

/** The key-rotation capability: API_KEY rotated with the client's secret key. */
export const authmatechKeyRotation: KeyRotation = {
  keyField: 'API_KEY',
  clientField: 'CLIENT_ID',
  async rotate(deps, currentKey, clientId, ownerSecret) {
    const outcome = await rotateAuthmatechKey(deps, currentKey, clientId, ownerSecret)
    return outcome.ok ? { ok: true, newKey: outcome.newApiKey } : outcome
  },
}

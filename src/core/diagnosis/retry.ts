/**
 * Retry per provider (dossiers: 429/5xx with exponential backoff and jitter, honour
 * Retry-After, cap attempts and total time, never 400/401/403/404). Built on cockatiel: its
 * retry policy decides on each attempt's verdict, its exponential backoff (decorrelated
 * jitter) spaces attempts, and a Retry-After from the provider replaces the backoff.
 */
import { DelegateBackoff, ExponentialBackoff, handleWhenResult, retry, type IBackoff, type IRetryBackoffContext } from 'cockatiel'
import type { CauseCode } from '../../shared/causes'

export interface RetrySettings {
  /** Requests in all, the first one included. */
  readonly maxAttempts: number
  readonly initialDelayMs: number
  readonly maxDelayMs: number
  /** No retry starts, or waits, past this many ms after the first attempt began. */
  readonly maxTotalMs: number
  /** Causes worth another attempt for this provider (a POST that sends is retried less). */
  readonly retryOn: ReadonlyArray<CauseCode>
}

/** For read-only probes: every transient answer is worth another try. */
export const READ_ONLY_RETRY: RetrySettings = {
  maxAttempts: 3,
  initialDelayMs: 500,
  maxDelayMs: 4000,
  maxTotalMs: 15_000,
  retryOn: ['rate_limited', 'server.error', 'server.unavailable', 'network.reset'],
}

export interface Retryable {
  readonly cause: CauseCode
  readonly retryAfterMs?: number
}

export interface RetryResult<R> {
  readonly result: R
  readonly attempts: number
}

/** Retry-After as ms to wait: delta-seconds, or an HTTP date read against the provider's own Date. */
export function parseRetryAfter(value: string | undefined, providerDate: string | undefined, localNow: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  const reference = providerDate === undefined ? localNow : Date.parse(providerDate)
  return Math.max(0, at - (Number.isNaN(reference) ? localNow : reference))
}

export async function withRetry<R extends Retryable>(
  settings: RetrySettings,
  attempt: (number: number) => Promise<R>,
  now: () => number = Date.now,
): Promise<RetryResult<R>> {
  const started = now()
  const remaining = (): number => settings.maxTotalMs - (now() - started)
  const exponential = new ExponentialBackoff({ initialDelay: settings.initialDelayMs, maxDelay: settings.maxDelayMs })
  const shouldRetry = (value: unknown): boolean => {
    const result = value as R
    return settings.retryOn.includes(result.cause) && (result.retryAfterMs ?? 0) < remaining()
  }
  const backoff = new DelegateBackoff<IRetryBackoffContext<unknown>, IBackoff<unknown> | undefined>((context, previous) => {
    const next = previous ? previous.next(context) : exponential.next()
    const asked = 'value' in context.result ? (context.result.value as R).retryAfterMs : undefined
    const delay = Math.max(0, Math.min(asked ?? next.duration, remaining()))
    return { delay, state: next }
  })
  const policy = retry(handleWhenResult(shouldRetry), { maxAttempts: Math.max(0, settings.maxAttempts - 1), backoff })
  let attempts = 0
  const result = await policy.execute(() => {
    attempts += 1
    return attempt(attempts)
  })
  return { result, attempts }
}

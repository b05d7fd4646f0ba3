import { describe, expect, it } from 'vitest'
import { parseRetryAfter, withRetry, type Retryable, type RetrySettings } from '../../../../src/core/diagnosis/retry'
import type { CauseCode } from '../../../../src/shared/causes'

const SETTINGS: RetrySettings = {
  maxAttempts: 4,
  initialDelayMs: 1,
  maxDelayMs: 5,
  maxTotalMs: 5000,
  retryOn: ['rate_limited', 'server.error', 'server.unavailable'],
}

/** Answers the scripted results in order (the last one repeats), counting calls. */
function script(...results: Retryable[]) {
  let calls = 0
  return {
    attempt: async (): Promise<Retryable> => results[Math.min(calls++, results.length - 1)]!,
    calls: () => calls,
  }
}

const r = (cause: CauseCode, retryAfterMs?: number): Retryable => ({ cause, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) })

describe('withRetry', () => {
  it('retries 429 and 5xx until an answer, and reports the attempts', async () => {
    const s = script(r('rate_limited'), r('server.error'), r('ok'))
    const { result, attempts } = await withRetry(SETTINGS, s.attempt)
    expect(result.cause).toBe('ok')
    expect(attempts).toBe(3)
  })

  it.each(['credentials.invalid', 'request.rejected', 'endpoint.not_found', 'permission.denied', 'ok'] as const)('never retries %s (400/401/403/404 and answers)', async (cause) => {
    const s = script(r(cause), r('ok'))
    const { result, attempts } = await withRetry(SETTINGS, s.attempt)
    expect(result.cause).toBe(cause)
    expect(attempts).toBe(1)
  })

  it('caps the attempts and returns the last verdict', async () => {
    const s = script(r('server.error'))
    const { result, attempts } = await withRetry(SETTINGS, s.attempt)
    expect(result.cause).toBe('server.error')
    expect(attempts).toBe(4)
    expect(s.calls()).toBe(4)
  })

  it('retries only the causes the provider lists', async () => {
    const s = script(r('server.error'))
    const { attempts } = await withRetry({ ...SETTINGS, retryOn: ['rate_limited'] }, s.attempt)
    expect(attempts).toBe(1)
  })

  it('waits as long as Retry-After says, instead of the backoff', async () => {
    const s = script(r('rate_limited', 300), r('ok'))
    const started = Date.now()
    const { result } = await withRetry(SETTINGS, s.attempt)
    expect(result.cause).toBe('ok')
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
  })

  it('does not retry when Retry-After is beyond the total time allowed', async () => {
    const s = script(r('server.unavailable', 120_000), r('ok'))
    const { result, attempts } = await withRetry(SETTINGS, s.attempt)
    expect(result.cause).toBe('server.unavailable')
    expect(attempts).toBe(1)
  })

  it('stops retrying once the total time is spent', async () => {
    let clock = 0
    const s = script(r('server.error'))
    const attempt = async (): Promise<Retryable> => {
      clock += 2000
      return s.attempt()
    }
    const { attempts } = await withRetry({ ...SETTINGS, maxAttempts: 10 }, attempt, () => clock)
    expect(attempts).toBe(3)
  })
})

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => expect(parseRetryAfter('120', undefined, 0)).toBe(120_000))
  it('reads an HTTP date against the provider’s own Date header', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', 'Sun, 22 Nov 2026 10:00:00 GMT', 0)).toBe(30_000)
  })
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter('soon', undefined, 0)).toBeUndefined()
    expect(parseRetryAfter(undefined, undefined, 0)).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { heldBackDiagnosis } from '../../../../src/core/health/held-back'
import { createLimitedHttpClient } from '../../../../src/core/health/limited-http'
import { accountKey, budgetLookup, requestKey } from '../../../../src/core/health/provider-budgets'
import { RateLimiter } from '../../../../src/core/health/rate-limiter'
import type { HttpClient, HttpOutcome, HttpRequestSpec } from '../../../../src/core/http/client'
import { providerDefinition } from '../../../../src/core/providers/registry'
import type { BuiltInProviderId } from '../../../../src/shared/model'
import { account } from './fixtures'
import { flush, ManualClock } from './manual-clock'

const ORIGIN = 'http://127.0.0.1:4010'

function spec(provider: BuiltInProviderId, headers: Record<string, string> = {}): HttpRequestSpec {
  return { method: 'GET', url: `${ORIGIN}/v1/api/me/products`, headers, timeoutMs: 1000, binding: { definition: providerDefinition(provider), environment: 'production', baseUrl: ORIGIN } }
}

/** Answers every request with the next scripted response, and counts them. */
function scripted(...answers: Array<{ status: number; headers?: Record<string, string> }>): HttpClient & { sent: number } {
  const client = {
    sent: 0,
    async send(): Promise<HttpOutcome> {
      const answer = answers[Math.min(client.sent, answers.length - 1)]!
      client.sent += 1
      return { kind: 'response', status: answer.status, headers: answer.headers ?? {}, body: '', headersAt: 0, startedAt: 0, durationMs: 1 }
    },
    close: async () => {},
  }
  return client
}

describe('budget keys', () => {
  it('gives each Authmatech client on a host its own budget, and every other provider one per host', () => {
    const a = requestKey(spec('authmatech', { 'x-client-id': 'client-a' }))
    expect(a).not.toBe(requestKey(spec('authmatech', { 'x-client-id': 'client-b' })))
    expect(requestKey(spec('nmbrs', { authorization: 'x' }))).toBe(requestKey(spec('nmbrs', { authorization: 'y' })))
    expect(requestKey({ ...spec('nmbrs'), binding: null })).toBeNull()
    // The scheduler finds the same key from the account as the client does from the request.
    expect(accountKey({ ...account('x', 'authmatech'), baseUrl: ORIGIN, fields: { CLIENT_ID: 'client-a' } })).toBe(a)
    expect(budgetLookup()(a!)).toMatchObject({ limit: 1000, windowMs: 60_000 })
  })
})

describe('the HTTP client checks use', () => {
  it('spends the budget: the request over the limit waits for the window', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, budgetLookup({ authmatech: { limit: 2, windowMs: 60_000 } }))
    const inner = scripted({ status: 200 })
    const http = createLimitedHttpClient(inner, limiter, clock)
    const request = spec('authmatech', { 'x-client-id': 'c' })
    const sends = [http.send(request), http.send(request), http.send(request)]
    await flush()
    expect(inner.sent).toBe(2)
    await clock.advance(60_000)
    await Promise.all(sends)
    expect(inner.sent).toBe(3)
  })

  it('holds back the rest of a budget after a 429 for its Retry-After, and says so to a new check', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, budgetLookup())
    const inner = scripted({ status: 429, headers: { 'retry-after': '120' } }, { status: 200 })
    const http = createLimitedHttpClient(inner, limiter, clock)
    expect(await http.send(spec('nmbrs'))).toMatchObject({ status: 429 })
    const held = heldBackDiagnosis({ ...account('n', 'nmbrs'), baseUrl: ORIGIN }, limiter, clock.now())
    expect(held).toMatchObject({ state: 'unknown', cause: 'rate_limited', evidence: { step: 'held back', retryAfterMs: 120_000 }, transcript: [] })
    expect(held!.summary).toContain('asked to wait')
    expect(heldBackDiagnosis({ ...account('s', 'smsgate'), baseUrl: ORIGIN }, limiter, clock.now())).toBeNull()
    // A request that may wait that long waits, then goes.
    let done = false
    void http.send({ ...spec('nmbrs'), timeoutMs: 200_000 }).then(() => (done = true))
    await clock.advance(119_999)
    expect(done).toBe(false)
    await clock.advance(1)
    expect(done).toBe(true)
    expect(inner.sent).toBe(2)
  })

  it('does not send a request the hold would keep past its own timeout: it answers `held` at once', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, budgetLookup())
    const inner = scripted({ status: 429, headers: { 'retry-after': '3600' } }, { status: 200 })
    const http = createLimitedHttpClient(inner, limiter, clock)
    await http.send(spec('nmbrs'))
    expect(await http.send(spec('nmbrs'))).toMatchObject({ kind: 'held', status: 429, until: clock.now() + 3_600_000 })
    expect(inner.sent).toBe(1)
  })

  it('lets go of a waiting request when a 429 arrives meanwhile that holds past its timeout', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, budgetLookup({ nmbrs: { limit: 1, windowMs: 5_000 } }))
    let answer: (outcome: HttpOutcome) => void = () => undefined
    const inner: HttpClient = { send: () => new Promise((resolve) => (answer = resolve)), close: async () => {} }
    const http = createLimitedHttpClient(inner, limiter, clock)
    const first = http.send({ ...spec('nmbrs'), timeoutMs: 60_000 })
    await flush()
    let second: HttpOutcome | null = null
    void http.send({ ...spec('nmbrs'), timeoutMs: 60_000 }).then((outcome) => (second = outcome))
    await flush()
    expect(second).toBeNull()
    answer({ kind: 'response', status: 429, headers: { 'retry-after': '3600' }, body: '', headersAt: 0, startedAt: 0, durationMs: 1 })
    await first
    await flush()
    expect(second).toMatchObject({ kind: 'held', status: 429 })
  })

  it('holds back after a 503 only when the provider said for how long', async () => {
    const clock = new ManualClock()
    const limiter = new RateLimiter(clock, budgetLookup())
    const http = createLimitedHttpClient(scripted({ status: 503 }, { status: 503, headers: { 'retry-after': '30' } }), limiter, clock)
    await http.send(spec('smsgate'))
    expect(limiter.hold(requestKey(spec('smsgate'))!)).toBeNull()
    await http.send(spec('smsgate'))
    expect(limiter.hold(requestKey(spec('smsgate'))!)).toMatchObject({ status: 503 })
    expect(heldBackDiagnosis({ ...account('s', 'smsgate'), baseUrl: ORIGIN }, limiter, clock.now())).toMatchObject({ cause: 'server.unavailable' })
  })
})

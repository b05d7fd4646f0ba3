import { describe, expect, it } from 'vitest'
import { checkAccount } from '../../../../src/core/diagnosis/engine'
import { signHs256 } from '../../../../src/core/providers/smsgate/jwt'
import { SecretScrubber } from '../../../../src/core/secret-scrubber'
import { fastRetry } from '../../../support/diagnosis'
import { fakeHttp, json } from '../../../support/fake-http'

const KEY = 'c2a4f0e1-6b3d-4e8a-9f71-5d2b8c0e4a13'
const products = json(200, { success: true, messages: [{ type: 'SUCCESS', httpStatus: 'OK' }], data: { products: [{ product: 'VERIFY', enabled: true }] } })
const usage = json(200, { success: true, messages: [], data: { balance: { remaining: 5, expiresAt: null } } })
const authmatech = { provider: 'authmatech' as const, fields: { API_KEY: KEY, CLIENT_ID: 'client-1' } }
const dated = (answer: ReturnType<typeof json>, offsetMs: number) => ({ ...answer, headers: { ...answer.headers, date: new Date(Date.now() + offsetMs).toUTCString() } })

describe('checkAccount', () => {
  it('sends nothing when lint finds a problem', async () => {
    const http = fakeHttp(() => products)
    const diagnosis = await checkAccount({ ...authmatech, fields: { API_KEY: `${KEY} `, CLIENT_ID: 'client-1' } }, { http })
    expect(diagnosis).toMatchObject({ state: 'failing', cause: 'credentials.malformed', evidence: { step: 'lint', field: 'API_KEY' }, transcript: [] })
    expect(diagnosis.summary).toMatch(/Nothing was sent/)
    expect(http.requests).toEqual([])
  })

  it('reports a request held back past its timeout as unknown, not sent, without retrying it', async () => {
    const until = Date.now() + 3_600_000
    let sends = 0
    const http = {
      send: async () => (sends++, { kind: 'held' as const, status: 429 as const, until, startedAt: Date.now(), durationMs: 0 }),
      close: async () => {},
    }
    const diagnosis = await checkAccount(authmatech, { http, retry: fastRetry })
    expect(diagnosis).toMatchObject({ state: 'unknown', cause: 'rate_limited', evidence: { status: 429, inferred: expect.stringContaining('held back by AuthDesk') } })
    expect(diagnosis.summary).toMatch(/^Not sent: Authmatech is rate-limiting requests \(429\) and asked to wait until/)
    expect(sends).toBe(1)
    expect(diagnosis.transcript).toEqual([expect.objectContaining({ status: null, responseBody: null, error: expect.objectContaining({ code: 'HELD_BACK' }) })])
  })

  it('uses the environment’s base URL when none is given, with host binding to it', async () => {
    const http = fakeHttp((_r, i) => (i === 0 ? products : usage))
    const diagnosis = await checkAccount(authmatech, { http })
    expect(diagnosis.cause).toBe('ok')
    expect(http.requests[0]!.url).toBe('https://service.authmatech.com/v1/api/me/products')
    expect(http.requests[0]!.binding).toMatchObject({ environment: 'production', baseUrl: null })
  })

  it('turns a success into degraded clock.skew when the provider’s clock is minutes away', async () => {
    const http = fakeHttp((_r, i) => dated(i === 0 ? products : usage, 10 * 60_000))
    const diagnosis = await checkAccount(authmatech, { http })
    expect(diagnosis).toMatchObject({ state: 'degraded', cause: 'clock.skew' })
    expect(diagnosis.clockSkewMs).toBeGreaterThan(9 * 60_000)
    expect(diagnosis.summary).toMatch(/10 min behind/)
    expect(diagnosis.knowledgeSteps).toContain('clock.sync')
  })

  it('keeps a rejection a rejection when the clock is also off, and notes the skew', async () => {
    const http = fakeHttp(() => dated(json(401, { success: false, messages: [{ type: 'FAILURE', message: 'Unauthorized' }], data: null }), -30 * 60_000))
    const diagnosis = await checkAccount(authmatech, { http })
    expect(diagnosis).toMatchObject({ state: 'failing', cause: 'credentials.invalid' })
    expect(diagnosis.summary).toMatch(/30 min ahead/)
    expect(diagnosis.knowledgeSteps).toContain('clock.sync')
  })

  it('scrubs every remembered secret from everything it returns, even text the provider echoed', async () => {
    const echo = json(500, { message: `bad key ${KEY}` })
    const http = fakeHttp((_r, i) => (i === 0 ? { error: Object.assign(new Error(`socket to ${KEY} closed`), { code: 'ECONNRESET' }) } : echo))
    const app = new SecretScrubber()
    const diagnosis = await checkAccount(authmatech, { http, scrubber: app, retry: fastRetry })
    expect(JSON.stringify(diagnosis)).not.toContain(KEY)
    expect(app.scrub(`x ${KEY}`)).toBe('x [redacted]')
  })

  it('marks unknown causes retryable, and nothing else', async () => {
    const unavailable = await checkAccount(authmatech, { http: fakeHttp(() => json(503, {})), retry: (_p, s) => ({ ...s, maxAttempts: 1 }) })
    expect(unavailable).toMatchObject({ state: 'unknown', cause: 'server.unavailable', retryable: true })
    const rejected = await checkAccount(authmatech, { http: fakeHttp(() => json(401, { success: false, messages: [], data: null })) })
    expect(rejected.retryable).toBe(false)
  })

  it('lists the provider’s wizard steps before the common ones', async () => {
    const diagnosis = await checkAccount(authmatech, { http: fakeHttp(() => json(401, { success: false, messages: [], data: null })) })
    expect(diagnosis.knowledgeSteps[0]).toBe('authmatech.recopy-key')
  })
})

describe('SMSGate expiry is judged by the provider’s clock', () => {
  const secret = 'x'.repeat(32)
  const token = (expInMs: number) => signHs256({ sub: 'TOKVAL', exp: Math.floor((Date.now() + expInMs) / 1000), scopes: ['devices:list'] }, secret)
  const unauthorized = json(401, { message: 'Unauthorized' })

  it('a token expired by the local clock but not by the provider’s was rejected, not expired', async () => {
    const http = fakeHttp(() => dated(unauthorized, -10 * 60_000))
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { TOKEN: token(-5 * 60_000) } }, { http })
    expect(diagnosis.cause).toBe('token.rejected')
    expect(diagnosis.summary).toMatch(/10 min ahead of the provider/)
  })

  it('a token unexpired locally but past exp on the provider’s clock expired, and the skew explains it', async () => {
    const http = fakeHttp(() => dated(unauthorized, 10 * 60_000))
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { TOKEN: token(5 * 60_000) } }, { http })
    expect(diagnosis.cause).toBe('token.expired')
    expect(diagnosis.summary).toMatch(/10 min behind the provider/)
  })
})

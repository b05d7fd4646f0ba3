import { describe, expect, it } from 'vitest'
import { createAuthmatechSimulator } from '../../../../../src/core/providers/authmatech/simulator'
import { AUTHMATECH_SIM_CLIENTS } from '../../../../../src/core/providers/authmatech/simulator-scenarios'
import type { SimContext, SimRequest } from '../../../../../src/core/simulators/types'

type Headers = Record<string, string>
const T0 = Date.UTC(2026, 2, 1, 12)

function clockContext(): SimContext & { advance(ms: number): void } {
  let now = T0
  return { now: () => now, origin: 'http://127.0.0.1:9', advance: (ms) => void (now += ms) }
}
function req(method: string, path: string, headers: Headers, body = ''): SimRequest {
  return { method, path, query: new URLSearchParams(), headers, body }
}
const auth = (apiKey: string, clientId: string): Headers => ({ 'x-api-key': apiKey, 'x-client-id': clientId })
const valid = AUTHMATECH_SIM_CLIENTS.valid
const sandbox = AUTHMATECH_SIM_CLIENTS.sandbox
const products = (headers: Headers) => req('GET', '/v1/api/me/products', headers)

describe('Authmatech per-client rate limit', () => {
  it('allows 1,000 requests per minute by default, then answers the documented 429 without Retry-After', async () => {
    const sim = createAuthmatechSimulator()
    const ctx = clockContext()
    for (let i = 0; i < 1_000; i += 1) expect((await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(200)
    const limited = await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)
    expect(limited.status).toBe(429)
    expect(limited.headers?.['retry-after']).toBeUndefined()
    expect(JSON.parse(limited.body ?? '')).toEqual({
      success: false,
      messages: [{ type: 'FAILURE', code: null, message: 'Rate limit exceeded.', httpStatus: 'TOO_MANY_REQUESTS', technical: false, arguments: null }],
      data: null,
    })
  })

  it('measures a sliding minute on the simulated clock, per client', async () => {
    const sim = createAuthmatechSimulator()
    sim.setOptions({ rateLimitPerMinute: 3 })
    const ctx = clockContext()
    const status = async (headers: Headers) => (await sim.handle(products(headers), ctx)).status
    const mine = auth(valid.apiKey, valid.clientId)
    expect([await status(mine), await status(mine)]).toEqual([200, 200])
    ctx.advance(30_000)
    expect([await status(mine), await status(mine)]).toEqual([200, 429])
    expect(await status(auth(sandbox.apiKey, sandbox.clientId))).toBe(200)
    ctx.advance(29_999)
    expect(await status(mine)).toBe(429)
    ctx.advance(1)
    // The first two left the window; the 429s never entered it.
    expect([await status(mine), await status(mine), await status(mine)]).toEqual([200, 200, 429])
  })

  it('does not charge refused credentials to the budget', async () => {
    const sim = createAuthmatechSimulator()
    sim.setOptions({ rateLimitPerMinute: 1 })
    const ctx = clockContext()
    for (let i = 0; i < 5; i += 1) expect((await sim.handle(products(auth('wrong', valid.clientId)), ctx)).status).toBe(401)
    expect((await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(200)
  })

  it('sends Retry-After when retryAfterSeconds is set', async () => {
    const sim = createAuthmatechSimulator()
    sim.setOptions({ rateLimitPerMinute: 0, retryAfterSeconds: 30 })
    const res = await sim.handle(products(auth(valid.apiKey, valid.clientId)), clockContext())
    expect([res.status, res.headers?.['retry-after']]).toEqual([429, '30'])
  })
})

describe('Authmatech key rotation', () => {
  const rotate = (path: string, apiKey: string, secretKey: unknown, clientId = valid.clientId) =>
    req('POST', path, { ...auth(apiKey, clientId), 'content-type': 'application/json' }, JSON.stringify({ secretKey }))
  const newKeyOf = (body: string | undefined): string => (JSON.parse(body ?? '') as { data: { newApiKey: string } }).data.newApiKey

  it.each(['/v1/api/clients/rotate-key', '/v1/api/me/api-key/rotate'])('%s returns a new key; the old one stops at once', async (path) => {
    const sim = createAuthmatechSimulator()
    const ctx = clockContext()
    const res = await sim.handle(rotate(path, valid.apiKey, valid.secretKey), ctx)
    expect(res.status).toBe(200)
    const body = JSON.parse(res.body ?? '') as { success: boolean; messages: Array<{ httpStatus: string }> }
    expect([body.success, body.messages[0]?.httpStatus]).toEqual([true, 'OK'])
    const newKey = newKeyOf(res.body)
    expect(newKey).toMatch(/^[0-9a-f]{40}$/)
    expect(newKey).not.toBe(valid.apiKey)
    expect((await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(401)
    expect((await sim.handle(products(auth(newKey, valid.clientId)), ctx)).status).toBe(200)
  })

  it('keeps rotated keys for the instance until reset(), and only for that instance', async () => {
    const sim = createAuthmatechSimulator()
    const other = createAuthmatechSimulator()
    const ctx = clockContext()
    const first = newKeyOf((await sim.handle(rotate('/v1/api/clients/rotate-key', valid.apiKey, valid.secretKey), ctx)).body)
    const second = newKeyOf((await sim.handle(rotate('/v1/api/clients/rotate-key', first, valid.secretKey), ctx)).body)
    expect(second).not.toBe(first)
    expect((await sim.handle(products(auth(first, valid.clientId)), ctx)).status).toBe(401)
    expect((await sim.handle(products(auth(second, valid.clientId)), ctx)).status).toBe(200)
    expect((await other.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(200)
    sim.reset()
    expect((await sim.handle(products(auth(second, valid.clientId)), ctx)).status).toBe(401)
    expect((await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(200)
  })

  it('honours a grace period for the old key when rotationGraceMs is set', async () => {
    const sim = createAuthmatechSimulator()
    sim.setOptions({ rotationGraceMs: 30_000 })
    const ctx = clockContext()
    await sim.handle(rotate('/v1/api/clients/rotate-key', valid.apiKey, valid.secretKey), ctx)
    ctx.advance(29_999)
    expect((await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(200)
    ctx.advance(1)
    expect((await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(401)
  })

  it.each([
    ['a wrong secret', 'not-the-secret', 401, 'Unauthorized'],
    ['no secret', undefined, 400, 'secretKey is required.'],
    ['a numeric secret', 42, 400, 'secretKey is required.'],
  ])('refuses %s and keeps the key', async (_label, secretKey, status, message) => {
    const sim = createAuthmatechSimulator()
    const ctx = clockContext()
    const res = await sim.handle(rotate('/v1/api/clients/rotate-key', valid.apiKey, secretKey), ctx)
    expect(res.status).toBe(status)
    expect((JSON.parse(res.body ?? '') as { messages: Array<{ message: string }> }).messages[0]?.message).toBe(message)
    expect((await sim.handle(products(auth(valid.apiKey, valid.clientId)), ctx)).status).toBe(200)
  })

  it('needs the current key in the headers as well as the secret', async () => {
    const sim = createAuthmatechSimulator()
    const res = await sim.handle(rotate('/v1/api/clients/rotate-key', 'stale-key', valid.secretKey), clockContext())
    expect(res.status).toBe(401)
  })
})

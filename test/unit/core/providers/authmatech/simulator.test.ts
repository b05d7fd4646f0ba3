import { describe, expect, it } from 'vitest'
import { createAuthmatechSimulator } from '../../../../../src/core/providers/authmatech/simulator'
import { AUTHMATECH_SCENARIOS, AUTHMATECH_SIM_CLIENTS, simulatedProof } from '../../../../../src/core/providers/authmatech/simulator-scenarios'
import type { SimContext, SimRequest, SimResponse } from '../../../../../src/core/simulators/types'

const context: SimContext = { now: () => Date.UTC(2026, 2, 1), origin: 'http://127.0.0.1:9' }
type Headers = Record<string, string>

function req(method: string, path: string, headers: Headers, body = '', query = ''): SimRequest {
  return { method, path, query: new URLSearchParams(query), headers, body }
}
const auth = (c: { readonly apiKey: string; readonly clientId: string }): Headers => ({ 'x-api-key': c.apiKey, 'x-client-id': c.clientId })
const scenarioAuth = (name: string): Headers => {
  const c = AUTHMATECH_SCENARIOS[name]?.credentials ?? {}
  return { 'x-api-key': c.API_KEY ?? '', 'x-client-id': c.CLIENT_ID ?? '' }
}
const json = { 'content-type': 'application/json' }

async function envelope(response: SimResponse | Promise<SimResponse>) {
  const res = await response
  expect(res.headers?.['content-type']).toBe('application/json')
  const body = JSON.parse(res.body ?? '') as { success: boolean; messages: Array<Record<string, unknown>>; data: unknown }
  return { status: res.status, body }
}

const failure = (httpStatus: string, message: string, code: string | null = null) => ({
  success: false,
  messages: [{ type: 'FAILURE', code, message, httpStatus, technical: false, arguments: null }],
  data: null,
})
const success = (data: unknown) => ({
  success: true,
  messages: [{ type: 'SUCCESS', code: null, message: null, httpStatus: 'OK', technical: false, arguments: null }],
  data,
})
const products = (verify: boolean) => ({
  products: [
    { product: 'VERIFY', enabled: verify },
    { product: 'TRUST', enabled: true },
    { product: 'SHIELD', enabled: true },
    { product: 'DETECT', enabled: true },
  ],
})
const UNAUTHORIZED = failure('UNAUTHORIZED', 'Unauthorized')
const RATE_LIMITED = failure('TOO_MANY_REQUESTS', 'Rate limit exceeded.')
const NUMBER = '+962791234567'
const verifyBody = (mobileNumber = NUMBER, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ mobileNumber, encryptedMobileNumber: simulatedProof(mobileNumber), operatorId: 'ZAIN_JO', serviceType: 'LOGIN', ...extra })

describe('Authmatech simulator: every scenario', () => {
  const table: Record<string, { readonly probe: [number, unknown]; readonly verify: [number, unknown] }> = {
    valid: { probe: [200, success(products(true))], verify: [200, success({ validNumber: true })] },
    'missing-api-key': { probe: [401, UNAUTHORIZED], verify: [401, UNAUTHORIZED] },
    'wrong-key': { probe: [401, UNAUTHORIZED], verify: [401, UNAUTHORIZED] },
    'wrong-client-id': { probe: [401, UNAUTHORIZED], verify: [401, UNAUTHORIZED] },
    'rotated-key': { probe: [401, UNAUTHORIZED], verify: [401, UNAUTHORIZED] },
    'product-not-enabled': { probe: [200, success(products(false))], verify: [400, failure('BAD_REQUEST', 'Product VERIFY is not enabled for this client.')] },
    'shield-only-customer': {
      probe: [200, success({ products: ['VERIFY', 'TRUST', 'SHIELD', 'DETECT'].map((product) => ({ product, enabled: product === 'SHIELD' })) })],
      verify: [400, failure('BAD_REQUEST', 'Product VERIFY is not enabled for this client.')],
    },
    'balance-exhausted': { probe: [200, success(products(true))], verify: [400, failure('BAD_REQUEST', 'Insufficient balance.')] },
    'balance-expired': { probe: [200, success(products(true))], verify: [400, failure('BAD_REQUEST', 'Balance has expired.')] },
    sandbox: { probe: [200, success(products(true))], verify: [200, success({ validNumber: true })] },
    'sandbox-key-on-production': { probe: [401, UNAUTHORIZED], verify: [401, UNAUTHORIZED] },
    'rate-limited': { probe: [429, RATE_LIMITED], verify: [429, RATE_LIMITED] },
  }

  it('covers every seeded scenario', () => {
    expect(Object.keys(AUTHMATECH_SCENARIOS).sort()).toEqual(Object.keys(table).sort())
  })

  it('gives every scenario its own account key, so per-account faults stay separate', () => {
    const sim = createAuthmatechSimulator()
    const accounts = Object.keys(table).map((name) => sim.accountOf(req('GET', '/v1/api/me/products', scenarioAuth(name))))
    expect(new Set(accounts).size).toBe(accounts.length)
  })

  it.each(Object.entries(table))('%s', async (name, { probe, verify }) => {
    const sim = createAuthmatechSimulator()
    const got = await envelope(sim.handle(req('GET', '/v1/api/me/products', scenarioAuth(name)), context))
    expect([got.status, got.body]).toEqual(probe)
    const verified = await envelope(sim.handle(req('POST', '/v1/api/verify', { ...scenarioAuth(name), ...json }, verifyBody()), context))
    expect([verified.status, verified.body]).toEqual(verify)
  })
})

describe('Authmatech simulator: header checks', () => {
  const valid = AUTHMATECH_SIM_CLIENTS.valid
  it.each([
    ['no headers', {}],
    ['only X-API-KEY', { 'x-api-key': valid.apiKey }],
    ['only X-CLIENT-ID', { 'x-client-id': valid.clientId }],
    ['an SDK token instead of the key', { 'x-sdk-token': 'sdk-token', 'x-client-id': valid.clientId }],
    ['a quoted key', { 'x-api-key': `"${valid.apiKey}"`, 'x-client-id': valid.clientId }],
    ['a key with a trailing space', { 'x-api-key': `${valid.apiKey} `, 'x-client-id': valid.clientId }],
    ['an upper-cased key', { 'x-api-key': valid.apiKey.toUpperCase(), 'x-client-id': valid.clientId }],
    ['another client\'s key', { 'x-api-key': AUTHMATECH_SIM_CLIENTS.exhausted.apiKey, 'x-client-id': valid.clientId }],
    ['the key sent twice', { 'x-api-key': `${valid.apiKey}, ${valid.apiKey}`, 'x-client-id': valid.clientId }],
  ])('refuses %s with the code-less 401', async (_label, headers) => {
    const got = await envelope(createAuthmatechSimulator().handle(req('GET', '/v1/api/me/products', headers), context))
    expect([got.status, got.body]).toEqual([401, UNAUTHORIZED])
  })

  it('checks credentials before routing, so an unknown /v1/api path without them is 401', async () => {
    const sim = createAuthmatechSimulator()
    expect((await sim.handle(req('GET', '/v1/api/nope', {}), context)).status).toBe(401)
    const got = await envelope(sim.handle(req('GET', '/v1/api/nope', auth(valid)), context))
    expect([got.status, got.body]).toEqual([404, failure('NOT_FOUND', 'Resource not found.', 'resource_not_found')])
    const outside = await envelope(sim.handle(req('GET', '/', {}), context))
    expect(outside.status).toBe(404)
  })

  it('answers a wrong method with 405 and Allow', async () => {
    const res = await createAuthmatechSimulator().handle(req('GET', '/v1/api/verify', auth(valid)), context)
    expect([res.status, res.headers?.allow]).toEqual([405, 'POST'])
    expect(JSON.parse(res.body ?? '')).toEqual(failure('METHOD_NOT_ALLOWED', "Request method 'GET' is not supported."))
  })

  it('maps requests to their X-CLIENT-ID for per-account faults', () => {
    const sim = createAuthmatechSimulator()
    expect(sim.accountOf(req('GET', '/v1/api/me/products', auth(valid)))).toBe(valid.clientId)
    expect(sim.accountOf(req('GET', '/v1/api/me/products', {}))).toBeNull()
  })
})

describe('Authmatech simulator: verify', () => {
  const headers = { ...auth(AUTHMATECH_SIM_CLIENTS.valid), ...json }
  const post = (body: string, path = '/v1/api/verify', query = '', extraHeaders: Headers = headers) =>
    envelope(createAuthmatechSimulator().handle(req('POST', path, extraHeaders, body, query), context))

  it.each([
    ['a non-E.164 number', verifyBody('0791234567'), [400, failure('BAD_REQUEST', 'Invalid mobile number. Use E.164 format, e.g. +962791234567.', 'INVALID_MOBILE_NUMBER')]],
    ['a number with spaces', verifyBody('+962 79 123 4567'), [400, failure('BAD_REQUEST', 'Invalid mobile number. Use E.164 format, e.g. +962791234567.', 'INVALID_MOBILE_NUMBER')]],
    ['no mobileNumber', JSON.stringify({ encryptedMobileNumber: 'x' }), [400, failure('BAD_REQUEST', 'mobileNumber is required.')]],
    ['no proof', JSON.stringify({ mobileNumber: NUMBER }), [400, failure('BAD_REQUEST', 'encryptedMobileNumber is required.')]],
    ['an unknown serviceType', verifyBody(NUMBER, { serviceType: 'SIGNUP' }), [400, failure('BAD_REQUEST', 'Invalid serviceType.')]],
    ['malformed JSON', '{"mobileNumber": ', [400, failure('BAD_REQUEST', 'Malformed JSON request.')]],
    ['a proof for another number', verifyBody(NUMBER, { encryptedMobileNumber: simulatedProof('+971501234567') }), [200, success({ validNumber: false })]],
  ])('answers %s', async (_label, body, expected) => {
    const got = await post(body)
    expect([got.status, got.body]).toEqual(expected)
  })

  it('answers a body without Content-Type with 400, as the docs list it', async () => {
    const got = await post(verifyBody(), '/v1/api/verify', '', auth(AUTHMATECH_SIM_CLIENTS.valid))
    expect([got.status, got.body]).toEqual([400, failure('BAD_REQUEST', "Content-Type 'application/octet-stream' is not supported.")])
  })

  it('adds the masked number with maskMobile=true', async () => {
    const got = await post(verifyBody(), '/v1/api/verify', 'maskMobile=true')
    expect(got.body.data).toEqual({ validNumber: true, maskedMobileNumber: '********67' })
  })

  it('resolves web-variant transactions and answers unknown ids with 404 resource_not_found', async () => {
    const known = await post(JSON.stringify({ mobileNumber: NUMBER, serviceType: 'LOGIN' }), '/v1/api/verify/TXN-SIM-0001')
    expect([known.status, known.body]).toEqual([200, success({ validNumber: true })])
    const other = await post(JSON.stringify({ mobileNumber: '+971501234567' }), '/v1/api/verify/TXN-SIM-0001')
    expect(other.body.data).toEqual({ validNumber: false })
    const unknown = await post(JSON.stringify({ mobileNumber: NUMBER }), '/v1/api/verify/TXN-NOPE')
    expect([unknown.status, unknown.body]).toEqual([404, failure('NOT_FOUND', 'Transaction not found.', 'resource_not_found')])
  })

  it('debits the balance and counts usage per product', async () => {
    const sim = createAuthmatechSimulator()
    const valid = AUTHMATECH_SIM_CLIENTS.valid
    for (let i = 0; i < 2; i += 1) await sim.handle(req('POST', '/v1/api/verify', headers, verifyBody()), context)
    await sim.handle(req('POST', '/v1/api/verify', headers, verifyBody('bad')), context)
    const got = await envelope(sim.handle(req('GET', '/v1/api/me/usage', auth(valid)), context))
    expect(got.body.data).toEqual({
      totalRequests: 4,
      byProduct: { VERIFY: 2, TRUST: 0, SHIELD: 0, DETECT: 0 },
      balance: { remaining: valid.balance - 2, expiresAt: null },
    })
  })
})

describe('Authmatech simulator: envelope options', () => {
  it('omits null message members with omitNullMembers', async () => {
    const sim = createAuthmatechSimulator()
    sim.setOptions({ omitNullMembers: true })
    const ok = await envelope(sim.handle(req('GET', '/v1/api/me/products', auth(AUTHMATECH_SIM_CLIENTS.valid)), context))
    expect(ok.body.messages).toEqual([{ type: 'SUCCESS', httpStatus: 'OK', technical: false }])
    const refused = await envelope(sim.handle(req('GET', '/v1/api/me/products', {}), context))
    expect(refused.body).toEqual({ success: false, messages: [{ type: 'FAILURE', message: 'Unauthorized', httpStatus: 'UNAUTHORIZED', technical: false }], data: null })
  })

  it('answers an unknown client id with the documented 404 sample under unknownClientId=client-not-found', async () => {
    const sim = createAuthmatechSimulator()
    sim.setOptions({ unknownClientId: 'client-not-found' })
    const got = await envelope(sim.handle(req('GET', '/v1/api/me/products', scenarioAuth('wrong-client-id')), context))
    expect([got.status, got.body]).toEqual([404, failure('NOT_FOUND', 'Client not found.', 'resource_not_found')])
    sim.reset()
    expect((await sim.handle(req('GET', '/v1/api/me/products', scenarioAuth('wrong-client-id')), context)).status).toBe(401)
  })
})

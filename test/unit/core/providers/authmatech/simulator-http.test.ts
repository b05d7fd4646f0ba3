/**
 * Fidelity over real HTTP: the simulator on the shared loopback server, driven by Node's fetch
 * with the requests the Authmatech dossier documents (shared/providers/authmatech.md).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AUTHMATECH_PATHS, authmatechAuthHeaders } from '../../../../../src/core/providers/authmatech/envelope'
import { createAuthmatechSimulator } from '../../../../../src/core/providers/authmatech/simulator'
import { AUTHMATECH_SIM_CLIENTS, simulatedProof } from '../../../../../src/core/providers/authmatech/simulator-scenarios'
import { startSimulator, type RunningSimulator } from '../../../../../src/core/simulators/server'

let sim: RunningSimulator
beforeAll(async () => {
  sim = await startSimulator(createAuthmatechSimulator())
})
afterAll(async () => {
  await sim.close()
})
beforeEach(() => {
  sim.reset()
})

const creds = (scenario: string): Readonly<Record<string, string>> => {
  const found = sim.scenarioCredentials()[scenario]
  if (!found) throw new Error(`no scenario ${scenario}`)
  return found
}
const probe = (c: Readonly<Record<string, string>>) =>
  fetch(`${c.BASE_URL}${AUTHMATECH_PATHS.products}`, { headers: authmatechAuthHeaders(c.API_KEY ?? '', c.CLIENT_ID ?? '') })

const message = (type: string, httpStatus: string, text: string | null = null, code: string | null = null) => ({
  type,
  code,
  message: text,
  httpStatus,
  technical: false,
  arguments: null,
})
const UNAUTHORIZED = { success: false, messages: [message('FAILURE', 'UNAUTHORIZED', 'Unauthorized')], data: null }
const enabled = (verify: boolean) => ({
  products: ['VERIFY', 'TRUST', 'SHIELD', 'DETECT'].map((product) => ({ product, enabled: product !== 'VERIFY' || verify })),
})
const PRODUCTS = (verify: boolean) => ({ success: true, messages: [message('SUCCESS', 'OK')], data: enabled(verify) })

describe('Authmatech over HTTP: the documented probe (GET /v1/api/me/products) per scenario', () => {
  it.each([
    ['valid', 200, PRODUCTS(true)],
    ['missing-api-key', 401, UNAUTHORIZED],
    ['wrong-key', 401, UNAUTHORIZED],
    ['wrong-client-id', 401, UNAUTHORIZED],
    ['rotated-key', 401, UNAUTHORIZED],
    ['product-not-enabled', 200, PRODUCTS(false)],
    ['balance-exhausted', 200, PRODUCTS(true)],
    ['balance-expired', 200, PRODUCTS(true)],
    ['sandbox', 200, PRODUCTS(true)],
    ['sandbox-key-on-production', 401, UNAUTHORIZED],
    ['rate-limited', 429, { success: false, messages: [message('FAILURE', 'TOO_MANY_REQUESTS', 'Rate limit exceeded.')], data: null }],
  ])('%s → %i', async (scenario, status, body) => {
    const c = creds(scenario)
    expect(c.BASE_URL).toBe(sim.origin)
    const res = await probe(c)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('retry-after')).toBeNull()
    expect(res.headers.get('date')).not.toBeNull()
    expect(await res.json()).toEqual(body)
  })

  it('keeps its own JSON 429 apart from the transport 429 the server injects', async () => {
    sim.faults.add({ kind: 'rate-limit', count: 1 })
    const injected = await probe(creds('valid'))
    expect([injected.status, injected.headers.get('content-type')]).toEqual([429, 'text/plain; charset=utf-8'])
    const own = await probe(creds('rate-limited'))
    expect([own.status, own.headers.get('content-type')]).toEqual([429, 'application/json'])
  })

  it('routes per-account transport faults by X-CLIENT-ID', async () => {
    sim.faults.add({ kind: 'server-error', account: AUTHMATECH_SIM_CLIENTS.sandbox.clientId })
    expect((await probe(creds('sandbox'))).status).toBe(500)
    expect((await probe(creds('valid'))).status).toBe(200)
  })
})

describe('Authmatech over HTTP: documented calls', () => {
  const valid = AUTHMATECH_SIM_CLIENTS.valid
  const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }, apiKey: string = valid.apiKey) =>
    fetch(`${sim.baseUrl}${path}`, { method: 'POST', headers: { ...authmatechAuthHeaders(apiKey, valid.clientId), ...headers }, body })

  it('verifies a number (A-VN body, maskMobile query) and returns validNumber', async () => {
    const body = JSON.stringify({ mobileNumber: '+962791234567', encryptedMobileNumber: simulatedProof('+962791234567'), operatorId: 'ZAIN_JO', serviceType: 'REGISTRATION' })
    const plain = await post(`${AUTHMATECH_PATHS.verify}?maskMobile=false`, body)
    expect([plain.status, await plain.json()]).toEqual([200, { success: true, messages: [message('SUCCESS', 'OK')], data: { validNumber: true } }])
    const masked = await post(`${AUTHMATECH_PATHS.verify}?maskMobile=true`, body)
    expect(((await masked.json()) as { data: unknown }).data).toEqual({ validNumber: true, maskedMobileNumber: '********67' })
  })

  it('answers a non-E.164 number with 400 INVALID_MOBILE_NUMBER', async () => {
    const res = await post(AUTHMATECH_PATHS.verify, JSON.stringify({ mobileNumber: '+962-79-1234567', encryptedMobileNumber: 'x' }))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      success: false,
      messages: [message('FAILURE', 'BAD_REQUEST', 'Invalid mobile number. Use E.164 format, e.g. +962791234567.', 'INVALID_MOBILE_NUMBER')],
      data: null,
    })
  })

  it('answers a body sent as text/plain (fetch\'s default for strings) with 400', async () => {
    const res = await post(AUTHMATECH_PATHS.verify, '{}', {})
    expect(res.status).toBe(400)
    expect(((await res.json()) as { messages: Array<{ message: string }> }).messages[0]?.message).toBe("Content-Type 'text/plain;charset=UTF-8' is not supported.")
  })

  it('rotates the key with {secretKey} (A-ROT): data.newApiKey works, the old key gets 401', async () => {
    const res = await post(AUTHMATECH_PATHS.rotateKey, JSON.stringify({ secretKey: valid.secretKey }))
    expect(res.status).toBe(200)
    const { success, data } = (await res.json()) as { success: boolean; data: { newApiKey: string } }
    expect(success).toBe(true)
    const old = await probe({ ...creds('valid') })
    expect([old.status, await old.json()]).toEqual([401, UNAUTHORIZED])
    const renewed = await probe({ ...creds('valid'), API_KEY: data.newApiKey })
    expect(renewed.status).toBe(200)
  })

  it('applies the per-client budget on the server\'s simulated clock', async () => {
    sim.simulator.setOptions({ rateLimitPerMinute: 2 })
    const statuses = [(await probe(creds('valid'))).status, (await probe(creds('valid'))).status, (await probe(creds('valid'))).status]
    expect(statuses).toEqual([200, 200, 429])
    sim.clock.advance(60_000)
    expect((await probe(creds('valid'))).status).toBe(200)
  })

  it('answers paths outside /v1/api with the envelope 404', async () => {
    const res = await fetch(`${sim.origin}/health`)
    expect([res.status, await res.json()]).toEqual([404, { success: false, messages: [message('FAILURE', 'NOT_FOUND', 'Resource not found.', 'resource_not_found')], data: null }])
  })
})

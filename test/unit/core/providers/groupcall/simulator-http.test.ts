/**
 * Fidelity over real HTTP: the simulator on the shared loopback server, driven by Node's fetch
 * with the request shapes the Groupcall dossier documents (shared/providers/groupcall.md).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createGroupcallSimulator } from '../../../../../src/core/providers/groupcall/simulator'
import { buildProbeSmsRequest } from '../../../../../src/core/providers/groupcall/wire'
import { startSimulator, type RunningSimulator } from '../../../../../src/core/simulators/server'

let sim: RunningSimulator
beforeAll(async () => {
  sim = await startSimulator(createGroupcallSimulator())
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

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

const failed = { MessageSentId: 0, MessageId: null, statusMsg: null, transmitDateTime: null, ClientRef: null }
const DOTNET_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/

describe('Groupcall over HTTP: the documented probe (SMS to +447700900000) per scenario', () => {
  it.each([
    ['valid', [], null],
    ['wrong-password', [], 'Data is not valid, no messages sent'],
    ['missing-password', [], 'Required authentication fields missing'],
    ['sms-not-allowed', ['Customer does not allow sending SMS'], null],
    ['partner-authorized', [], null],
    ['partner-not-authorized', ['Partner account not authorized for this customer'], null],
    ['test-environment', [], null],
    ['test-credentials-on-production', [], 'Data is not valid, no messages sent'],
    ['production-credentials-on-test', [], 'Data is not valid, no messages sent'],
  ])('%s', async (scenario, warnings, errorMsg) => {
    const c = creds(scenario)
    const probe = buildProbeSmsRequest({ customerId: c.CUSTOMER_ID ?? '', password: c.PASSWORD ?? '', partnerKey: c.PARTNER_KEY })
    const res = await fetch(`${c.BASE_URL}${probe.path}`, { method: 'POST', headers: probe.headers, body: JSON.stringify(probe.body) })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('date')).not.toBeNull()
    const accepted = warnings.length === 0 && errorMsg === null
    const expected = { WarningMessages: accepted ? ['No recipients with valid addresses'] : warnings, errorMsg, ...failed }
    expect(await res.json()).toEqual([expected])
  })

  it('puts the test environment under /apitesting and production at the root', () => {
    expect(creds('test-environment').BASE_URL).toBe(`${sim.origin}/apitesting`)
    expect(creds('valid').BASE_URL).toBe(sim.origin)
    expect(sim.baseUrl).toBe(sim.origin)
  })
})

describe('Groupcall over HTTP: documented request shapes', () => {
  // G-SMS quick start: plain-string recipients, PascalCase fields; its sample answer is a success.
  const quickStart = (password: string) => ({
    messageData: [{ CustomerId: '1469', Password: password, Recipients: ['+447700900123'], SMSMessage: 'Hello from the Messenger API' }],
  })

  it('reproduces the G-SMS success sample field by field with reservedNumbers=probe-number-only', async () => {
    sim.simulator.setOptions({ reservedNumbers: 'probe-number-only' })
    const res = await postJson(`${sim.baseUrl}/api/SendMessage_V3/SMS`, quickStart(creds('valid').PASSWORD ?? ''))
    expect(res.status).toBe(200)
    const [result] = (await res.json()) as Array<Record<string, unknown>>
    expect(Object.keys(result ?? {})).toEqual(['WarningMessages', 'errorMsg', 'MessageSentId', 'MessageId', 'statusMsg', 'transmitDateTime', 'ClientRef'])
    expect(result).toEqual({
      WarningMessages: [],
      errorMsg: 'OK 1 messages queued for sending',
      MessageSentId: 0,
      MessageId: expect.stringMatching(/^1469\.\d{8}\.\d{20}-[0-9a-f]{32}$/) as unknown,
      statusMsg: 'In Queue',
      transmitDateTime: expect.stringMatching(DOTNET_UTC) as unknown,
      ClientRef: null,
    })
  })

  it('stamps transmitDateTime from the simulated clock', async () => {
    sim.clock.advance(10 * 365 * 86_400_000)
    const body = { messageData: [{ CustomerId: '1469', Password: creds('valid').PASSWORD, Recipients: [{ MobileNumber: '+447911123456' }], SMSMessage: 'x' }] }
    const [result] = (await (await postJson(`${sim.baseUrl}/api/SendMessage_V3/SMS`, body)).json()) as Array<{ transmitDateTime: string }>
    expect(Math.abs(Date.parse(result?.transmitDateTime ?? '') - sim.clock.now())).toBeLessThan(5_000)
  })

  it('answers seed 001\'s test function (object recipients, camel-case callbackUrl) like the probe', async () => {
    const body = (password: string) => ({
      messageData: [{ CustomerId: '1469', Password: password, Recipients: [{ MobileNumber: '+447700900000' }], SMSMessage: 'Test', callbackUrl: 'https://example.org/cb' }],
    })
    const ok = (await (await postJson(`${sim.baseUrl}/api/SendMessage_V3/SMS`, body(creds('valid').PASSWORD ?? ''))).json()) as Array<{ WarningMessages: string[] }>
    expect(ok[0]?.WarningMessages).toEqual(['No recipients with valid addresses'])
    const bad = (await (await postJson(`${sim.baseUrl}/api/SendMessage_V3/SMS`, body('wrong'))).json()) as Array<{ errorMsg: string }>
    expect(bad[0]?.errorMsg).toBe('Data is not valid, no messages sent')
  })

  it('refuses a body sent without a JSON Content-Type (fetch defaults to text/plain) with 415', async () => {
    const res = await fetch(`${sim.baseUrl}/api/SendMessage_V3/SMS`, { method: 'POST', body: JSON.stringify(quickStart('x')) })
    expect(res.status).toBe(415)
    expect(await res.json()).toEqual({ Message: "The request entity's media type 'text/plain' is not supported for this resource." })
  })

  it('refuses truncated JSON with 400 and a GET with 405', async () => {
    const broken = await fetch(`${sim.baseUrl}/api/SendMessage_V3/SMS`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"messageData":[{"CustomerId":' })
    expect([broken.status, await broken.json()]).toEqual([400, { Message: 'The request is invalid.' }])
    const get = await fetch(`${sim.baseUrl}/api/SendMessage_V3/SMS`)
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST'])
  })

  it('routes per-account transport faults by CustomerId', async () => {
    sim.faults.add({ kind: 'server-error', account: '2203' })
    const body = (customerId: string) => ({ messageData: [{ CustomerId: customerId, Password: 'x', Recipients: [], SMSMessage: 'x' }] })
    expect((await postJson(`${sim.baseUrl}/api/SendMessage_V3/SMS`, body('2203'))).status).toBe(500)
    expect((await postJson(`${sim.baseUrl}/api/SendMessage_V3/SMS`, body('1469'))).status).toBe(200)
  })
})

import { describe, expect, it } from 'vitest'
import { createGroupcallSimulator, type GroupcallSimOptions } from '../../../../../src/core/providers/groupcall/simulator'
import { GROUPCALL_SIM_ACCOUNTS } from '../../../../../src/core/providers/groupcall/simulator-scenarios'
import type { SimContext, SimRequest } from '../../../../../src/core/simulators/types'

const context: SimContext = { now: () => Date.UTC(2025, 0, 2), origin: 'http://127.0.0.1:9' }
const SMS_PATH = '/api/SendMessage_V3/SMS'
const PASSWORD = GROUPCALL_SIM_ACCOUNTS.find((a) => a.customerId === '1469')?.password ?? ''

function request(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST'): SimRequest {
  return { method, path, query: new URLSearchParams(), headers, body }
}

async function send(options: Partial<GroupcallSimOptions>, body: unknown, path = SMS_PATH) {
  const sim = createGroupcallSimulator()
  sim.setOptions(options)
  const res = await sim.handle(request(path, JSON.stringify(body)), context)
  return { status: res.status, body: JSON.parse(res.body ?? 'null') as unknown }
}

const firstOutcome = async (options: Partial<GroupcallSimOptions>, body: unknown) => {
  const { body: out } = await send(options, body)
  const [result] = out as Array<{ errorMsg: string | null; WarningMessages: string[] }>
  return result?.errorMsg ?? result?.WarningMessages[0]
}

const canonical = (recipients: unknown[] = [{ MobileNumber: '+447911123456' }]) => ({
  messageData: [{ CustomerId: '1469', Password: PASSWORD, Recipients: recipients, SMSMessage: 'Hi' }],
})
const OK = 'OK 1 messages queued for sending'
const NO_RECIPIENTS = 'No recipients with valid addresses'
const DATA_NOT_VALID = 'Data is not valid, no messages sent'
const FIELDS_MISSING = 'Required authentication fields missing'

describe('defaults', () => {
  it('are lenient casing, the specific missing-fields text, the whole drama range, string recipients, HTTP errors', () => {
    expect(createGroupcallSimulator().options).toEqual({
      strictCasing: false,
      missingAuthFields: 'required-fields-missing',
      reservedNumbers: 'drama-range',
      stringRecipients: true,
      malformedRequests: 'http-error',
    })
  })

  it('treat the whole drama range as undeliverable without any option set', async () => {
    expect(await firstOutcome({}, canonical([{ MobileNumber: '+447700900123' }]))).toBe(NO_RECIPIENTS)
  })
})

describe('strictCasing', () => {
  const camel = { messageData: [{ customerId: '1469', password: PASSWORD, recipients: [{ mobileNumber: '+447911123456' }], smsMessage: 'Hi' }] }
  const seed000 = { messageData: [{ CustomerId: '1469', Password: PASSWORD, recipients: [{ MobileNumber: '+447911123456' }], SMSMessage: 'Hi' }] }

  it.each([
    ['canonical PascalCase', canonical(), false, OK],
    ['canonical PascalCase', canonical(), true, OK],
    ['camelCase everywhere', camel, false, OK],
    ['camelCase credentials', camel, true, FIELDS_MISSING],
    ['lower-case recipients (seed 000)', seed000, false, OK],
    ['lower-case recipients (seed 000)', seed000, true, DATA_NOT_VALID],
  ])('%s, strict=%s → %s', async (_label, body, strictCasing, expected) => {
    expect(await firstOutcome({ strictCasing }, body)).toBe(expected)
  })

  it('in strict mode a mis-cased messageData is no data at all (400)', async () => {
    const body = { MessageData: canonical().messageData }
    expect((await send({ strictCasing: false }, body)).status).toBe(200)
    expect(await send({ strictCasing: true }, body)).toEqual({ status: 400, body: { Message: 'The request is invalid.' } })
  })

  it('never maps seed 000\'s "message" onto SMSMessage (a different name, not a casing)', async () => {
    const body = { messageData: [{ CustomerId: '1469', Password: PASSWORD, recipients: ['+447911123456'], message: 'Hi' }] }
    expect(await firstOutcome({}, body)).toBe(DATA_NOT_VALID)
  })
})

describe('missingAuthFields', () => {
  it.each([
    ['required-fields-missing', { CustomerId: '1469' }, FIELDS_MISSING],
    ['required-fields-missing', { Password: PASSWORD }, FIELDS_MISSING],
    ['required-fields-missing', { CustomerId: '', Password: PASSWORD }, FIELDS_MISSING],
    ['data-not-valid', { CustomerId: '1469' }, DATA_NOT_VALID],
  ] as const)('%s: %j', async (missingAuthFields, credentials, expected) => {
    const body = { messageData: [{ ...credentials, Recipients: [{ MobileNumber: '+447700900000' }], SMSMessage: 'Hi' }] }
    expect(await firstOutcome({ missingAuthFields }, body)).toBe(expected)
  })
})

describe('reservedNumbers and stringRecipients', () => {
  it.each([
    ['drama-range', '+447700900000', NO_RECIPIENTS],
    ['drama-range', '+447700900123', NO_RECIPIENTS],
    ['drama-range', '+447700900999', NO_RECIPIENTS],
    ['drama-range', '+447700901000', OK],
    ['probe-number-only', '+447700900000', NO_RECIPIENTS],
    ['probe-number-only', '+447700900123', OK],
  ] as const)('%s: %s', async (reservedNumbers, number, expected) => {
    expect(await firstOutcome({ reservedNumbers }, canonical([{ MobileNumber: number }]))).toBe(expected)
  })

  it.each([
    [true, OK],
    [false, NO_RECIPIENTS],
  ])('plain-string recipients accepted=%s → %s', async (stringRecipients, expected) => {
    expect(await firstOutcome({ stringRecipients }, canonical(['+447911123456']))).toBe(expected)
  })
})

describe('malformed requests', () => {
  const cases: ReadonlyArray<[string, string, Record<string, string>, number, string]> = [
    ['broken JSON', '{"messageData": [', { 'content-type': 'application/json' }, 400, 'The request is invalid.'],
    ['a JSON array root', '[]', { 'content-type': 'application/json' }, 400, 'The request is invalid.'],
    ['no messageData', '{"data": []}', { 'content-type': 'application/json' }, 400, 'The request is invalid.'],
    ['messageData not an array', '{"messageData": {}}', { 'content-type': 'application/json' }, 400, 'The request is invalid.'],
    ['an empty body', '', { 'content-type': 'application/json' }, 400, 'The request is invalid.'],
    ['text/plain', JSON.stringify(canonical()), { 'content-type': 'text/plain;charset=UTF-8' }, 415, "The request entity's media type 'text/plain' is not supported for this resource."],
    ['no Content-Type', JSON.stringify(canonical()), {}, 415, "The request entity's media type 'application/octet-stream' is not supported for this resource."],
  ]

  it.each(cases)('%s → Web API style %i by default', async (_label, body, headers, status, message) => {
    const res = await createGroupcallSimulator().handle(request(SMS_PATH, body, headers), context)
    expect([res.status, res.headers?.['content-type'], JSON.parse(res.body ?? '')]).toEqual([status, 'application/json; charset=utf-8', { Message: message }])
  })

  it.each(cases)('%s → 200 "Data is not valid" with malformedRequests=data-not-valid', async (_label, body, headers) => {
    const sim = createGroupcallSimulator()
    sim.setOptions({ malformedRequests: 'data-not-valid' })
    const res = await sim.handle(request(SMS_PATH, body, headers), context)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body ?? '')).toEqual([
      { WarningMessages: [], errorMsg: DATA_NOT_VALID, MessageSentId: 0, MessageId: null, statusMsg: null, transmitDateTime: null, ClientRef: null },
    ])
  })

  it('accepts text/json and a charset parameter like the JSON formatter does', async () => {
    const sim = createGroupcallSimulator()
    for (const contentType of ['text/json', 'application/json; charset=utf-8']) {
      const res = await sim.handle(request(SMS_PATH, JSON.stringify(canonical()), { 'content-type': contentType }), context)
      expect(res.status).toBe(200)
    }
  })

  it('answers an empty messageData with an empty array', async () => {
    expect(await send({}, { messageData: [] })).toEqual({ status: 200, body: [] })
  })
})

describe('routing', () => {
  it.each([
    ['/api/sendmessage_v3/sms', 200],
    ['/API/SendMessage_V3/SMS/', 200],
    ['/apitesting/api/SendMessage_V3/SMS', 200],
    ['/api/SendMessage_V2/SMS', 404],
    ['/api/SendMessage_V3/Fax', 404],
    ['/apitesting/api/SendMessage_V3/Sms2', 404],
  ])('POST %s → %i', async (path, status) => {
    const res = await createGroupcallSimulator().handle(request(path, JSON.stringify(canonical())), context)
    expect(res.status).toBe(status)
  })

  it('answers unknown API paths like Web API and other paths like IIS', async () => {
    const sim = createGroupcallSimulator()
    const api = await sim.handle(request('/api/Nope', ''), context)
    expect([api.status, JSON.parse(api.body ?? '')]).toEqual([404, { Message: "No HTTP resource was found that matches the request URI 'http://127.0.0.1:9/api/Nope'." }])
    const page = await sim.handle(request('/index.html', ''), context)
    expect([page.status, page.headers?.['content-type']]).toEqual([404, 'text/html'])
    expect(page.body).toContain('404 - File or directory not found.')
  })

  it('refuses other methods with 405 and Allow: POST', async () => {
    const res = await createGroupcallSimulator().handle(request(SMS_PATH, '', {}, 'GET'), context)
    expect([res.status, res.headers?.allow, JSON.parse(res.body ?? '')]).toEqual([405, 'POST', { Message: "The requested resource does not support http method 'GET'." }])
  })

  it('keeps the environments apart: a production account is unknown on /apitesting', async () => {
    const { body } = await send({}, canonical(), '/apitesting/api/SendMessage_V3/SMS')
    expect((body as Array<{ errorMsg: string }>)[0]?.errorMsg).toBe(DATA_NOT_VALID)
  })
})

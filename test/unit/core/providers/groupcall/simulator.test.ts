import { describe, expect, it } from 'vitest'
import { createGroupcallSimulator } from '../../../../../src/core/providers/groupcall/simulator'
import { GROUPCALL_SCENARIOS, GROUPCALL_SIM_ACCOUNTS } from '../../../../../src/core/providers/groupcall/simulator-scenarios'
import { buildProbeSmsRequest, type GroupcallSendResult } from '../../../../../src/core/providers/groupcall/wire'
import type { SimContext, SimRequest, SimResponse } from '../../../../../src/core/simulators/types'

const NOW = Date.UTC(2025, 6, 4, 17, 28, 54, 585)
const context: SimContext = { now: () => NOW, origin: 'http://127.0.0.1:9' }

function post(path: string, body: unknown, contentType = 'application/json'): SimRequest {
  return { method: 'POST', path, query: new URLSearchParams(), headers: { 'content-type': contentType }, body: JSON.stringify(body) }
}

async function results(response: SimResponse | Promise<SimResponse>): Promise<GroupcallSendResult[]> {
  const res = await response
  expect(res.status).toBe(200)
  expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8')
  return JSON.parse(res.body ?? '') as GroupcallSendResult[]
}

const password = (customerId: string): string => GROUPCALL_SIM_ACCOUNTS.find((a) => a.customerId === customerId)?.password ?? ''
const sms = (customerId: string, recipients: unknown[], extra: Record<string, unknown> = {}) => ({
  CustomerId: customerId,
  Password: password(customerId),
  Recipients: recipients,
  SMSMessage: 'Hello',
  ...extra,
})
const SMS_PATH = '/api/SendMessage_V3/SMS'

const failed = { MessageSentId: 0, MessageId: null, statusMsg: null, transmitDateTime: null, ClientRef: null }
const dataNotValid = { WarningMessages: [], errorMsg: 'Data is not valid, no messages sent', ...failed }
const warned = (text: string) => ({ WarningMessages: [text], errorMsg: null, ...failed })

describe('Groupcall simulator: the documented probe against every scenario', () => {
  const expected: Record<string, GroupcallSendResult> = {
    valid: warned('No recipients with valid addresses'),
    'wrong-password': dataNotValid,
    'missing-password': { ...dataNotValid, errorMsg: 'Required authentication fields missing' },
    'sms-not-allowed': warned('Customer does not allow sending SMS'),
    'email-only-customer': warned('Customer does not allow sending SMS'),
    'partner-authorized': warned('No recipients with valid addresses'),
    'partner-not-authorized': warned('Partner account not authorized for this customer'),
    'test-environment': warned('No recipients with valid addresses'),
    'test-credentials-on-production': dataNotValid,
    'production-credentials-on-test': dataNotValid,
  }

  it('has a row for every seeded scenario, including valid', () => {
    expect(Object.keys(GROUPCALL_SCENARIOS).sort()).toEqual(Object.keys(expected).sort())
  })

  it('gives every scenario its own CustomerId, so per-account faults stay separate', () => {
    const ids = Object.values(GROUPCALL_SCENARIOS).map((s) => s.credentials.CUSTOMER_ID)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(Object.entries(expected))('%s', async (name, result) => {
    const credentials = GROUPCALL_SCENARIOS[name]?.credentials ?? {}
    const probe = buildProbeSmsRequest({
      customerId: credentials.CUSTOMER_ID ?? '',
      password: credentials.PASSWORD ?? '',
      partnerKey: credentials.PARTNER_KEY,
    })
    const sim = createGroupcallSimulator()
    const request = { ...post((credentials.BASE_URL ?? '') + probe.path, probe.body), headers: probe.headers }
    expect(await results(sim.handle(request, context))).toEqual([result])
  })
})

describe('Groupcall simulator: sending', () => {
  it('queues a message with the documented success shape, member order and .NET timestamp', async () => {
    const sim = createGroupcallSimulator()
    const [result] = await results(sim.handle(post(SMS_PATH, { messageData: [sms('1469', [{ MobileNumber: '+447911123456' }], { ClientRef: 'ref-1' })] }), context))
    expect(Object.keys(result ?? {})).toEqual(['WarningMessages', 'errorMsg', 'MessageSentId', 'MessageId', 'statusMsg', 'transmitDateTime', 'ClientRef'])
    expect(result).toEqual({
      WarningMessages: [],
      errorMsg: 'OK 1 messages queued for sending',
      MessageSentId: 0,
      MessageId: expect.stringMatching(/^1469\.20250704\.\d{20}-[0-9a-f]{32}$/) as unknown,
      statusMsg: 'In Queue',
      transmitDateTime: '2025-07-04T17:28:54.5850000Z',
      ClientRef: 'ref-1',
    })
  })

  it('counts only reachable recipients and gives each queued item its own MessageId', async () => {
    const sim = createGroupcallSimulator()
    const recipients = [{ MobileNumber: '+447911123456' }, { MobileNumber: '+447700900000' }, { Id: 42 }, { ExternalId: 'MIS-7' }, { MobileNumber: '07911 123456' }]
    const out = await results(sim.handle(post(SMS_PATH, { messageData: [sms('1469', recipients), sms('1469', [{ IdaasId: 'PL-1' }])] }), context))
    expect(out.map((r) => r.errorMsg)).toEqual(['OK 3 messages queued for sending', 'OK 1 messages queued for sending'])
    expect(out[0]?.MessageId).not.toBe(out[1]?.MessageId)
  })

  it('answers each messageData item independently', async () => {
    const sim = createGroupcallSimulator()
    const items = [sms('1469', ['+447911123456']), { ...sms('1469', ['+447911123456']), Password: 'wrong' }, sms('2203', ['+447911123456'])]
    const out = await results(sim.handle(post(SMS_PATH, { messageData: items }), context))
    expect(out.map((r) => [r.errorMsg, r.WarningMessages])).toEqual([
      ['OK 1 messages queued for sending', []],
      ['Data is not valid, no messages sent', []],
      [null, ['Customer does not allow sending SMS']],
    ])
  })

  it.each([
    ['no SMSMessage', { SMSMessage: undefined }],
    ['an empty SMSMessage', { SMSMessage: '' }],
    ['an SMSMessage over 918 characters', { SMSMessage: 'x'.repeat(919) }],
    ['no Recipients', { Recipients: undefined }],
  ])('rejects an item with %s as "Data is not valid"', async (_label, patch) => {
    const sim = createGroupcallSimulator()
    const out = await results(sim.handle(post(SMS_PATH, { messageData: [{ ...sms('1469', ['+447911123456']), ...patch }] }), context))
    expect(out).toEqual([dataNotValid])
  })

  it('answers an empty recipient list of a known customer like unreachable recipients [guess], never by queueing', async () => {
    const sim = createGroupcallSimulator()
    const out = await results(sim.handle(post(SMS_PATH, { messageData: [{ ...sms('1469', ['+447911123456']), Recipients: [] }] }), context))
    expect(out[0]).toMatchObject({ WarningMessages: ['No recipients with valid addresses'], MessageId: null })
  })

  it('accepts an SMSMessage of exactly 918 characters and a numeric CustomerId', async () => {
    const sim = createGroupcallSimulator()
    const item = { ...sms('1469', ['+447911123456'], { SMSMessage: 'x'.repeat(918) }), CustomerId: 1469 }
    const [result] = await results(sim.handle(post(SMS_PATH, { messageData: [item] }), context))
    expect(result?.errorMsg).toBe('OK 1 messages queued for sending')
  })

  it('sends Email with its own permission and address rules', async () => {
    const sim = createGroupcallSimulator()
    const email = (customerId: string, address: string) => ({
      CustomerId: customerId,
      Password: password(customerId),
      Recipients: [{ EmailAddress: address }],
      EmailSubject: 'Trip',
      EmailBody: '<p>Hi</p>',
    })
    const path = '/api/SendMessage_V3/Email'
    const out = await results(sim.handle(post(path, { messageData: [email('2203', 'parent@example.org'), email('2204', 'parent@example.org'), email('1469', 'not-an-address')] }), context))
    expect(out.map((r) => [r.errorMsg, r.WarningMessages])).toEqual([
      ['OK 1 messages queued for sending', []],
      [null, ['Customer does not allow sending Email']],
      [null, ['No recipients with valid addresses']],
    ])
  })
})

describe('Groupcall simulator: PartnerRoute', () => {
  const path = '/api/SendMessage_V3/PartnerRoute'
  const partnerBody = (partner: Record<string, unknown>, item: Record<string, unknown>) => ({ ...partner, styleClass: 'AuthDesk', messageData: [item] })

  it.each([
    ['an authorised partner', { PartnerKey: 'partner-authdesk-12345' }, sms('3301', ['+447911123456']), 'OK 1 messages queued for sending', []],
    ['no PartnerKey', {}, sms('3301', ['+447911123456']), 'Required authentication fields missing', []],
    ['an unknown PartnerKey', { PartnerKey: 'partner-nobody' }, sms('3301', ['+447911123456']), null, ['Partner account not authorized for this customer']],
    ['a wrong customer key', { PartnerKey: 'partner-authdesk-12345' }, { ...sms('3301', ['+447911123456']), Password: 'x' }, null, ['Partner account not authorized for this customer']],
    ['an unknown customer', { PartnerKey: 'partner-authdesk-12345' }, { ...sms('3301', ['+447911123456']), CustomerId: '9999' }, 'Data is not valid, no messages sent', []],
    ['neither SMS nor Email content', { PartnerKey: 'partner-authdesk-12345' }, { ...sms('3301', ['+447911123456']), SMSMessage: undefined }, 'Data is not valid, no messages sent', []],
  ])('with %s', async (_label, partner, item, errorMsg, warnings) => {
    const sim = createGroupcallSimulator()
    const [result] = await results(sim.handle(post(path, partnerBody(partner, item)), context))
    expect([result?.errorMsg, result?.WarningMessages]).toEqual([errorMsg, warnings])
  })
})

describe('Groupcall simulator: instance lifecycle', () => {
  it('maps a request to its CustomerId for per-account faults', () => {
    const sim = createGroupcallSimulator()
    expect(sim.accountOf(post(SMS_PATH, { messageData: [sms('2203', [])] }))).toBe('2203')
    expect(sim.accountOf({ ...post(SMS_PATH, {}), body: 'not json' })).toBeNull()
  })

  it('keeps options per instance and restores defaults and MessageIds on reset()', async () => {
    const a = createGroupcallSimulator()
    const b = createGroupcallSimulator()
    a.setOptions({ strictCasing: true })
    expect([a.options.strictCasing, b.options.strictCasing]).toEqual([true, false])
    const request = post(SMS_PATH, { messageData: [sms('1469', ['+447911123456'])] })
    const first = (await results(a.handle(request, context)))[0]?.MessageId
    const second = (await results(a.handle(request, context)))[0]?.MessageId
    a.reset()
    expect(a.options.strictCasing).toBe(false)
    expect((await results(a.handle(request, context)))[0]?.MessageId).toBe(first)
    expect(second).not.toBe(first)
  })
})

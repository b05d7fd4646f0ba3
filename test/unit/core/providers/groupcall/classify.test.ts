import { describe, expect, it } from 'vitest'
import { classifyGroupcallSend } from '../../../../../src/core/providers/groupcall/classify'
import { GROUPCALL_TEXT, queuedText } from '../../../../../src/core/providers/groupcall/wire'
import type { ResponseView } from '../../../../../src/core/diagnosis/types'

const result = (overrides: object) => ({ WarningMessages: [], errorMsg: null, MessageSentId: 0, MessageId: null, statusMsg: null, transmitDateTime: null, ClientRef: null, ...overrides })
const view = (status: number, body: unknown): ResponseView => ({
  step: 'SendMessage_V3/SMS',
  url: 'https://m5api.groupcall.com/api/SendMessage_V3/SMS',
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

const classify = classifyGroupcallSend({ check: 'no-recipient', channel: 'SMS' })

describe('classifyGroupcallSend', () => {
  it.each([
    ['"No recipients with valid addresses" (credentials accepted)', view(200, [result({ WarningMessages: [GROUPCALL_TEXT.noValidRecipients] })]), 'ok'],
    ['the message was queued', view(200, [result({ errorMsg: queuedText(1), MessageId: '1469.20260101.1-abc', statusMsg: 'In Queue' })]), 'ok'],
    ['"Data is not valid, no messages sent"', view(200, [result({ errorMsg: GROUPCALL_TEXT.dataNotValid })]), 'credentials.invalid'],
    ['"Required authentication fields missing"', view(200, [result({ errorMsg: GROUPCALL_TEXT.requiredFieldsMissing })]), 'credentials.missing'],
    ['"Customer does not allow sending SMS"', view(200, [result({ WarningMessages: [GROUPCALL_TEXT.smsNotAllowed] })]), 'permission.denied'],
    ['"Partner account not authorized for this customer"', view(200, [result({ WarningMessages: [GROUPCALL_TEXT.partnerNotAuthorized] })]), 'partner.not_authorized'],
    ['an unknown warning', view(200, [result({ WarningMessages: ['Something new'] })]), 'response.malformed'],
    ['ASP.NET 400 {"Message"}', view(400, { Message: 'The request is invalid.' }), 'request.rejected'],
    ['ASP.NET 415 {"Message"}', view(415, { Message: "The request entity's media type 'text/plain' is not supported." }), 'request.rejected'],
  ] as const)('%s → %s', (_name, response, cause) => {
    expect(classify(response)?.cause).toBe(cause)
  })

  it.each([
    ['a body that is not JSON', view(200, '{"unterminated": <broken')],
    ['an HTML page', view(200, '<!DOCTYPE html><html></html>')],
    ['an object instead of the array', view(200, { errorMsg: GROUPCALL_TEXT.dataNotValid })],
    ['an empty array', view(200, [])],
    ['a 400 that is not ASP.NET’s', view(400, 'Bad Request')],
    ['a 500', view(500, [result({ errorMsg: GROUPCALL_TEXT.dataNotValid })])],
  ])('does not recognise %s (the shared fallback decides, never failing)', (_name, response) => {
    expect(classify(response)).toBeNull()
  })

  it('quotes the provider’s text as evidence and says a wrong environment is only a hint', () => {
    const verdict = classify(view(200, [result({ errorMsg: GROUPCALL_TEXT.dataNotValid })]))!
    expect(verdict.evidence).toMatchObject({ status: 200, providerMessage: GROUPCALL_TEXT.dataNotValid })
    expect(verdict.details?.notes?.[0]).toMatch(/inferred hint/)
  })

  it.each([
    ['SMS', 'Customer does not allow sending SMS', 'permission.denied'],
    ['Email', 'Customer does not allow sending SMS', 'ok'],
    ['App', 'Customer does not allow sending SMS', 'ok'],
    ['Email', 'Customer does not allow sending Email', 'permission.denied'],
    ['SMS', 'Customer does not allow sending Email', 'ok'],
  ] as const)('an account on %s reading "%s" → %s (another channel’s refusal is a note)', (channel, warning, cause) => {
    const verdict = classifyGroupcallSend({ check: 'no-recipient', channel })(view(200, [result({ WarningMessages: [warning] })]))!
    expect(verdict.cause).toBe(cause)
    if (cause === 'ok') expect(verdict.details?.notes?.join(' ')).toContain(channel)
  })
})

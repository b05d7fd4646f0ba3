import { describe, expect, it } from 'vitest'
import {
  buildProbeSmsRequest,
  groupcallSendResponseSchema,
  isQueued,
  queuedText,
  GROUPCALL_PROBE_MESSAGE,
} from '../../../../../src/core/providers/groupcall/wire'

describe('Groupcall wire helpers', () => {
  it('builds the canonical probe: one SMS item, object recipient, the reserved number', () => {
    expect(buildProbeSmsRequest({ customerId: '1469', password: 'key' })).toEqual({
      route: 'SMS',
      path: '/api/SendMessage_V3/SMS',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: { messageData: [{ CustomerId: '1469', Password: 'key', Recipients: [{ MobileNumber: '+447700900000' }], SMSMessage: GROUPCALL_PROBE_MESSAGE }] },
    })
  })

  it('routes the probe through PartnerRoute when a partner key is given, with styleClass at the root', () => {
    const request = buildProbeSmsRequest({ customerId: '3301', password: 'key', partnerKey: 'partner-abc-12345' })
    expect(request.path).toBe('/api/SendMessage_V3/PartnerRoute')
    expect(request.body).toMatchObject({ PartnerKey: 'partner-abc-12345', styleClass: 'AuthDesk', messageData: [{ CustomerId: '3301' }] })
    expect(buildProbeSmsRequest({ customerId: '1', password: 'k', partnerKey: '' }).route).toBe('SMS')
  })

  it('applies the documented success rule: errorMsg starts with OK and MessageId is set', () => {
    expect(isQueued({ errorMsg: queuedText(2), MessageId: '1469.20250704.1-ab' })).toBe(true)
    expect(isQueued({ errorMsg: queuedText(1), MessageId: null })).toBe(false)
    expect(isQueued({ errorMsg: 'Data is not valid, no messages sent', MessageId: 'x' })).toBe(false)
    expect(isQueued({ errorMsg: null, MessageId: 'x' })).toBe(false)
  })

  it('parses the documented response example and refuses a non-array body', () => {
    const sample = [
      {
        WarningMessages: [],
        errorMsg: 'OK 1 messages queued for sending',
        MessageSentId: 0,
        MessageId: '1469.20250704.02516506506657265717-e0684dbcb71f402ab39d4d6b86d44cbb',
        statusMsg: 'In Queue',
        transmitDateTime: '2025-07-04T17:28:54.5859378Z',
        ClientRef: null,
      },
    ]
    expect(groupcallSendResponseSchema.parse(sample)).toEqual(sample)
    expect(groupcallSendResponseSchema.safeParse({ Message: 'The request is invalid.' }).success).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { checkAccount } from '../../../../../src/core/diagnosis/engine'
import { GROUPCALL_TEXT } from '../../../../../src/core/providers/groupcall/wire'
import { fakeHttp, json } from '../../../../support/fake-http'

const KEY = 'c2a4f0e1-6b3d-4e8a-9f71-5d2b8c0e4a13'
const accepted = json(200, [{ WarningMessages: [GROUPCALL_TEXT.noValidRecipients], errorMsg: null, MessageId: null }])

describe('Groupcall probe', () => {
  it('by default sends a request with no recipient at all, credentials in the body, and says so', async () => {
    const http = fakeHttp(() => accepted)
    const diagnosis = await checkAccount({ provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: KEY } }, { http })
    const [request] = http.requests
    expect(request).toMatchObject({ method: 'POST', url: 'https://m5api.groupcall.com/api/SendMessage_V3/SMS', headers: { 'content-type': 'application/json' } })
    expect(JSON.parse(request!.body!)).toEqual({ messageData: [{ CustomerId: '1469', Password: KEY, Recipients: [], SMSMessage: expect.any(String) as string }] })
    expect(diagnosis.cause).toBe('ok')
    expect(diagnosis.summary).toMatch(/empty recipient list: Groupcall cannot queue or charge a message/)
    expect(diagnosis.transcript[0]!.requestBody).toContain('"Password":"[redacted]"')
  })

  it('CHECK=reserved-number sends Groupcall’s sample test to +447700900000 and says it may be charged; CHANNEL=Email uses the Email route', async () => {
    const http = fakeHttp(() => accepted)
    const reserved = await checkAccount({ provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: KEY, CHECK: 'reserved-number' } }, { http })
    expect(JSON.parse(http.requests[0]!.body!).messageData[0].Recipients).toEqual([{ MobileNumber: '+447700900000' }])
    expect(reserved.summary).toMatch(/may queue and charge it/)
    await checkAccount({ provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: KEY, CHANNEL: 'Email' } }, { http })
    expect(http.requests[1]!.url).toBe('https://m5api.groupcall.com/api/SendMessage_V3/Email')
    expect(JSON.parse(http.requests[1]!.body!).messageData[0]).toMatchObject({ Recipients: [], EmailSubject: expect.any(String) as string })
  })

  it('goes through PartnerRoute when a partner key is set, and the test host for ENVIRONMENT=test', async () => {
    const http = fakeHttp(() => accepted)
    await checkAccount({ provider: 'groupcall', fields: { CUSTOMER_ID: '3301', PASSWORD: KEY, PARTNER_KEY: 'partner-abc-12345', ENVIRONMENT: 'test' } }, { http })
    expect(http.requests[0]!.url).toBe('https://apitesting.groupcall.com/api/SendMessage_V3/PartnerRoute')
    expect(JSON.parse(http.requests[0]!.body!)).toMatchObject({ PartnerKey: 'partner-abc-12345' })
  })

  it('does not repeat the send after a 500 (it may have been processed), but does after a 429', async () => {
    const failing = fakeHttp(() => json(500, {}))
    expect((await checkAccount({ provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: KEY } }, { http: failing })).cause).toBe('server.error')
    expect(failing.requests).toHaveLength(1)
    const limited = fakeHttp((_r, i) => (i === 0 ? json(429, {}, { 'retry-after': '0' }) : accepted))
    expect((await checkAccount({ provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: KEY } }, { http: limited })).cause).toBe('ok')
    expect(limited.requests).toHaveLength(2)
  })
})

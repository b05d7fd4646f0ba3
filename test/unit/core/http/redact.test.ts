import { describe, expect, it } from 'vitest'
import { redactBody, redactHeaders } from '../../../../src/core/http/redact'
import { transcriptEntry } from '../../../../src/core/http/transcript'
import { SecretScrubber } from '../../../../src/core/secret-scrubber'

const SECRET = 'c2a4f0e1-6b3d-4e8a-9f71-5d2b8c0e4a13'
const scrubber = (): SecretScrubber => {
  const s = new SecretScrubber()
  s.remember(SECRET)
  return s
}

describe('redaction for transcripts', () => {
  it('removes authentication headers and scrubs the rest', () => {
    const headers = redactHeaders({ Authorization: 'Basic eHh4', 'X-API-KEY': 'k', 'Content-Type': 'application/json', 'X-Echo': SECRET }, scrubber())
    expect(headers).toEqual({ authorization: '[redacted]', 'x-api-key': '[redacted]', 'content-type': 'application/json', 'x-echo': '[redacted]' })
  })

  it('removes credential members from JSON, at any depth, case-insensitively', () => {
    const body = JSON.stringify({ messageData: [{ CustomerId: '1469', Password: 'p-value', Recipients: [] }], PartnerKey: 'pk', access_token: 'a.b.c' })
    expect(JSON.parse(redactBody(body, new SecretScrubber())!)).toEqual({ messageData: [{ CustomerId: '1469', Password: '[redacted]', Recipients: [] }], PartnerKey: '[redacted]', access_token: '[redacted]' })
  })

  it('removes credential elements from SOAP, and members of JSON that does not parse', () => {
    const soap = '<soap:Header><AuthHeader xmlns="ns"><Username>a@b.c</Username><Token>tok-value</Token></AuthHeader></soap:Header>'
    expect(redactBody(soap, new SecretScrubber())).toBe('<soap:Header><AuthHeader xmlns="ns"><Username>a@b.c</Username><Token>[redacted]</Token></AuthHeader></soap:Header>')
    expect(redactBody('{"id":"x","access_token":"eyJhbGciOi', new SecretScrubber())).toBe('{"id":"x","access_token":"[redacted]"')
  })

  it('scrubs remembered secrets before cutting long bodies, so no half secret survives the cut', () => {
    const body = `${'x'.repeat(8180)}${SECRET}${'y'.repeat(100)}`
    const out = redactBody(body, scrubber())!
    expect(out).not.toContain(SECRET.slice(0, 8))
    expect(out).toMatch(/more characters\]$/)
  })

  it('builds a transcript entry without credentials', () => {
    const entry = transcriptEntry(
      'GET /devices',
      1,
      { method: 'GET', url: 'https://host/3rdparty/v1/devices', headers: { authorization: `Bearer ${SECRET}` }, timeoutMs: 1, binding: null },
      { kind: 'error', error: new Error('x'), proxied: false, status: null, startedAt: 0, durationMs: 5 },
      { code: 'ECONNRESET', message: `reset while sending ${SECRET}` },
      scrubber(),
    )
    expect(JSON.stringify(entry)).not.toContain(SECRET)
    expect(entry).toMatchObject({ requestHeaders: { authorization: '[redacted]' }, error: { code: 'ECONNRESET' }, status: null, durationMs: 5 })
  })
})

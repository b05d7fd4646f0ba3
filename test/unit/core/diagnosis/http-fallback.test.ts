import { describe, expect, it } from 'vitest'
import { fallbackClassify, preClassify } from '../../../../src/core/diagnosis/http-fallback'
import type { ResponseView } from '../../../../src/core/diagnosis/types'

const view = (status: number, body = '', headers: Record<string, string> = {}): ResponseView => ({ step: 'probe', url: 'https://api.example.com/v1/x', status, headers, body })

describe('preClassify', () => {
  it('reads 429 and 503 the same for every provider, with Retry-After', () => {
    expect(preClassify(view(429, '', { 'retry-after': '3' }), 0, 'P')).toMatchObject({ cause: 'rate_limited', retryAfterMs: 3000, evidence: { retryAfterMs: 3000 } })
    expect(preClassify(view(503, '<html>', { 'content-type': 'text/html' }), 0, 'P')).toMatchObject({ cause: 'server.unavailable' })
  })

  it('never follows a redirect, and names only the target host', () => {
    const verdict = preClassify(view(302, '', { location: 'https://portal.example.net/login?token=abc' }), 0, 'P')
    expect(verdict).toMatchObject({ cause: 'response.malformed' })
    expect(verdict!.summary).toContain('portal.example.net')
    expect(JSON.stringify(verdict)).not.toContain('token=abc')
  })

  it('leaves everything else to the provider', () => {
    for (const status of [200, 400, 401, 403, 404, 500]) expect(preClassify(view(status), 0, 'P')).toBeNull()
  })
})

describe('fallbackClassify', () => {
  it.each([
    [view(500, 'Internal Server Error'), 'server.error'],
    [view(502, '<html><title>Bad gateway</title></html>', { 'content-type': 'text/html' }), 'server.error'],
    [view(404, 'Not Found'), 'endpoint.not_found'],
    [view(407), 'network.proxy'],
    [view(400, 'bad'), 'request.rejected'],
    [view(200, '<!DOCTYPE html><html><title>Network login</title></html>'), 'response.malformed'],
    [view(200, '{"unterminated": <broken'), 'response.malformed'],
    [view(401, '<html>401 Authorization Required</html>', { 'content-type': 'text/html' }), 'response.malformed'],
    [view(403, 'Forbidden'), 'response.malformed'],
  ] as const)('%#: %s', (response, cause) => {
    expect(fallbackClassify(response, 'Provider').cause).toBe(cause)
  })

  it('never concludes failing except endpoint.not_found for a 404', () => {
    for (let status = 100; status < 600; status += 7) {
      const cause = fallbackClassify(view(status, 'x'), 'P').cause
      if (status !== 404) expect(['server.error', 'network.proxy', 'request.rejected', 'response.malformed']).toContain(cause)
    }
  })

  it('calls a captive-portal page what it is', () => {
    expect(fallbackClassify(view(200, '<html><title>Network login</title></html>', { 'content-type': 'text/html' }), 'Nmbrs').summary).toMatch(/captive portal/)
  })
})

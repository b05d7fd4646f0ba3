import { describe, expect, it } from 'vitest'
import { classifyDevices, classifyRefresh, classifyTokenService, type DevicesContext } from '../../../../../src/core/providers/smsgate/classify'
import type { ResponseView } from '../../../../../src/core/diagnosis/types'

const NOW = Date.UTC(2026, 10, 22, 10, 0, 0)
const view = (status: number, body: unknown, step = 'GET /devices'): ResponseView => ({
  step,
  url: 'https://api.sms-gate.app/3rdparty/v1/devices',
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
const basic: DevicesContext = { scheme: 'basic', mode: 'cloud', claims: null, neededScopes: [], providerNow: () => NOW }
const bearer = (expOffsetS: number, neededScopes: string[] = ['devices:list']): DevicesContext => ({
  scheme: 'bearer', mode: 'cloud',
  claims: { exp: NOW / 1000 + expOffsetS, scopes: ['messages:send'] },
  neededScopes,
  providerNow: () => NOW,
})

describe('classifyDevices', () => {
  it.each([
    ['200 with a device list', basic, view(200, [{ id: 'd1' }]), 'ok'],
    ['200 with no devices', basic, view(200, []), 'ok'],
    ['401 with Basic', basic, view(401, { message: 'Unauthorized' }), 'credentials.invalid'],
    ['401 for a token past its exp', bearer(-60), view(401, { message: 'Unauthorized' }), 'token.expired'],
    ['401 for an unexpired token', bearer(3600), view(401, { message: 'Unauthorized' }), 'token.rejected'],
    ['403 for a scope the account needs', bearer(3600), view(403, { message: 'scope required: devices:list' }), 'scope.missing'],
    ['403 for a scope the account does not need (the token authenticated)', bearer(3600, ['messages:send']), view(403, { message: 'scope required: devices:list' }), 'ok'],
    ['501 token service disabled', basic, view(501, { message: 'token service disabled, contact your administrator' }), 'service.disabled'],
    ['404 Not Found (missing /api)', basic, view(404, 'Not Found'), 'endpoint.not_found'],
  ] as const)('%s → %s', (_name, context, response, cause) => {
    expect(classifyDevices(context)(response)?.cause).toBe(cause)
  })

  it.each([
    ['a 200 that is not JSON', view(200, '{"unterminated": <broken')],
    ['a 200 HTML page', view(200, '<html><title>Network login</title></html>')],
    ['a 200 object instead of a list', view(200, { devices: [] })],
    ['a 401 from something else (HTML from a reverse proxy)', view(401, '<html>401 Authorization Required</html>')],
    ['a 403 with another text', view(403, { message: 'forbidden' })],
    ['a 500', view(500, { message: 'failed to handle request' })],
  ])('does not recognise %s', (_name, response) => {
    expect(classifyDevices(basic)(response)).toBeNull()
  })

  it('says a Bearer rejection is inferred, since SMSGate answers 401 for every token failure', () => {
    expect(classifyDevices(bearer(3600))(view(401, { message: 'Unauthorized' }))?.evidence.inferred).toMatch(/every token failure/)
  })
})

describe('classifyRefresh', () => {
  const pair = { id: 'j', token_type: 'Bearer', access_token: 'a.b.c', refresh_token: 'd.e.f', expires_at: '2026-11-22T10:15:00Z' }
  it.each([
    [view(201, pair), 'ok'],
    [view(200, pair), 'ok'],
    [view(401, { message: 'Unauthorized' }), 'token.refresh_failed'],
    [view(403, { message: 'scope required: tokens:refresh' }), 'token.refresh_failed'],
    [view(501, { message: 'token service disabled, contact your administrator' }), 'service.disabled'],
  ] as const)('%#: %s', (response, cause) => {
    expect(classifyRefresh(response)?.cause).toBe(cause)
  })

  it('hands the new pair over, and nothing for a body without an access token', () => {
    expect(classifyRefresh(view(201, pair))?.data).toEqual({ accessToken: 'a.b.c', refreshToken: 'd.e.f', expiresAt: '2026-11-22T10:15:00Z' })
    expect(classifyRefresh(view(201, { id: 'j' }))).toBeNull()
  })
})

describe('classifyTokenService', () => {
  it('204 → enabled, 501 → disabled', () => {
    expect(classifyTokenService(view(204, ''))).toMatchObject({ cause: 'ok', data: { enabled: true } })
    expect(classifyTokenService(view(501, { message: 'token service disabled, contact your administrator' }))?.cause).toBe('service.disabled')
  })
})

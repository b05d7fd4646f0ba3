/** handle() called directly: scenarios, authentication, routing, prefixes, messages and devices. */
import { beforeEach, describe, expect, it } from 'vitest'
import { decodeJwt, isExpiredAt, peekSmsGateClaims } from '../../../../../src/core/providers/smsgate/jwt'
import { createSmsGateSimulator } from '../../../../../src/core/providers/smsgate/simulator'
import { CAUSE_CODES } from '../../../../../src/shared/causes'
import type { SimRequest, SimResponse } from '../../../../../src/core/simulators/types'

const START = Date.UTC(2026, 8, 1, 12, 0, 0)
let now = START
let sim = createSmsGateSimulator({ now: () => now })

beforeEach(() => {
  now = START
  sim = createSmsGateSimulator({ now: () => now })
})

interface Call {
  readonly auth?: string
  readonly body?: unknown
  readonly contentType?: string | null
  readonly query?: string
}

function request(method: string, path: string, call: Call = {}): SimRequest {
  const headers: Record<string, string> = {}
  if (call.auth !== undefined) headers.authorization = call.auth
  if (call.body !== undefined && call.contentType !== null) headers['content-type'] = call.contentType ?? 'application/json'
  const body = call.body === undefined ? '' : typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
  return { method, path, query: new URLSearchParams(call.query ?? ''), headers, body }
}

const send = (method: string, path: string, call?: Call): SimResponse =>
  sim.handle(request(method, path, call), { now: () => now, origin: 'http://127.0.0.1:1' }) as SimResponse
const bodyOf = (response: SimResponse): unknown => JSON.parse(response.body ?? '')
const basic = (username: string, password: string): string => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
const VALID = basic('VALID1', 'k3x9-fq2m_p8zt')
const LINK = '</.well-known/api-catalog>; rel="api-catalog"'

/** The credential test a checker runs: GET <BASE_URL>/devices with the account's credential. */
function probe(credentials: Readonly<Record<string, string>>): SimResponse {
  const auth = credentials.TOKEN !== undefined ? `Bearer ${credentials.TOKEN}` : basic(credentials.USERNAME ?? '', credentials.PASSWORD ?? '')
  return send('GET', `${credentials.BASE_URL}/devices`, { auth })
}

const refresh = (token: string, base = '/3rdparty/v1'): SimResponse => send('POST', `${base}/auth/token/refresh`, { auth: `Bearer ${token}` })

describe('smsgate simulator scenarios', () => {
  const scenario = (name: string): Readonly<Record<string, string>> => {
    const found = sim.scenarios()[name]
    if (!found) throw new Error(`no scenario ${name}`)
    return found.credentials
  }
  const unauthorizedBody = { message: 'Unauthorized' }

  const table: ReadonlyArray<readonly [string, (credentials: Readonly<Record<string, string>>) => void]> = [
    ['valid', (c) => {
      const response = probe(c)
      expect(response.status).toBe(200)
      expect((bodyOf(response) as unknown[]).length).toBe(1)
    }],
    ['wrong-password', (c) => expect([probe(c).status, bodyOf(probe(c))]).toEqual([401, unauthorizedBody])],
    ['unknown-user', (c) => expect([probe(c).status, bodyOf(probe(c))]).toEqual([401, unauthorizedBody])],
    ['no-device', (c) => {
      expect([probe(c).status, bodyOf(probe(c))]).toEqual([200, []])
      const sent = send('POST', `${c.BASE_URL}/messages`, { auth: basic(c.USERNAME ?? '', c.PASSWORD ?? ''), body: { textMessage: { text: 'x' }, phoneNumbers: ['+15550100009'] } })
      expect([sent.status, bodyOf(sent)]).toEqual([400, { message: 'failed to select device: not found' }])
    }],
    ['token-valid', (c) => {
      expect(probe(c).status).toBe(200)
      expect(c.REFRESH_TOKEN).toBeDefined()
    }],
    ['token-missing-scope', (c) => {
      expect([probe(c).status, bodyOf(probe(c))]).toEqual([403, { message: 'scope required: devices:list' }])
      expect(peekSmsGateClaims(c.TOKEN ?? '')?.scopes).not.toContain('devices:list')
      expect(c.SCOPES?.split(',')).toContain('devices:list')
    }],
    ['token-expired', (c) => {
      expect([probe(c).status, bodyOf(probe(c))]).toEqual([401, unauthorizedBody])
      expect(isExpiredAt(peekSmsGateClaims(c.TOKEN ?? '') ?? {}, now)).toBe(true)
      expect(c.REFRESH_TOKEN).toBeUndefined()
    }],
    ['token-expired-refreshable', (c) => {
      expect(probe(c).status).toBe(401)
      const refreshed = refresh(c.REFRESH_TOKEN ?? '')
      expect(refreshed.status).toBe(201)
      const access = (bodyOf(refreshed) as { access_token: string }).access_token
      expect(send('GET', `${c.BASE_URL}/devices`, { auth: `Bearer ${access}` }).status).toBe(200)
    }],
    ['token-revoked', (c) => {
      expect([probe(c).status, bodyOf(probe(c))]).toEqual([401, unauthorizedBody])
      expect(isExpiredAt(peekSmsGateClaims(c.TOKEN ?? '') ?? {}, now)).toBe(false)
    }],
    ['token-wrong-server', (c) => {
      expect([probe(c).status, bodyOf(probe(c))]).toEqual([401, unauthorizedBody])
      const claims = peekSmsGateClaims(c.TOKEN ?? '')
      expect([claims?.iss, claims?.user_id, isExpiredAt(claims ?? {}, now)]).toEqual(['sms-gate.app', 'TOKKEY', false])
    }],
    ['token-malformed', (c) => {
      expect(probe(c).status).toBe(401)
      expect(decodeJwt(c.TOKEN ?? '')).toBeNull()
    }],
    ['refresh-replayed', (c) => {
      expect(probe(c).status).toBe(401)
      expect([refresh(c.REFRESH_TOKEN ?? '').status, bodyOf(refresh(c.REFRESH_TOKEN ?? ''))]).toEqual([401, unauthorizedBody])
    }],
    ['jwt-disabled', (c) => {
      expect(c.BASE_URL).toBe('/nojwt/api/3rdparty/v1')
      expect(send('GET', `${c.BASE_URL}/devices`, { auth: basic(c.USERNAME ?? '', c.PASSWORD ?? '') }).status).toBe(200)
      expect(probe(c).status).toBe(401)
      const issued = send('POST', `${c.BASE_URL}/auth/token`, { auth: basic(c.USERNAME ?? '', c.PASSWORD ?? ''), body: { scopes: ['devices:list'] } })
      expect([issued.status, bodyOf(issued)]).toEqual([501, { message: 'token service disabled, contact your administrator' }])
    }],
    ['private-server', (c) => {
      expect(c.BASE_URL).toBe('/private/api/3rdparty/v1')
      expect(probe(c).status).toBe(200)
    }],
    ['missing-api-prefix', (c) => {
      const response = probe(c)
      expect([response.status, response.body, response.headers?.['content-type']]).toEqual([404, 'Not Found', 'text/plain; charset=utf-8'])
      expect(probe({ ...c, BASE_URL: '/private/api/3rdparty/v1' }).status).toBe(200)
    }],
    ['send-only-token', (c) => {
      expect([probe(c).status, bodyOf(probe(c))]).toEqual([403, { message: 'scope required: devices:list' }])
      expect(c.SCOPES).toBeUndefined()
    }],
    // The phone app's Local server (capcom6/android-sms-gateway, modules/localserver).
    ['local-server', (c) => {
      expect([c.MODE, c.BASE_URL]).toEqual(['local', '/phone'])
      const auth = basic(c.USERNAME ?? '', c.PASSWORD ?? '')
      expect([send('GET', '/phone/device', { auth }).status, send('GET', '/phone/devices', { auth }).status]).toEqual([200, 404])
      expect(send('GET', '/phone/3rdparty/v1/device', { auth }).status).toBe(404)
    }],
    ['local-server-wrong-password', (c) => {
      const response = send('GET', '/phone/device', { auth: basic(c.USERNAME ?? '', c.PASSWORD ?? '') })
      expect([response.status, response.body ?? '', response.headers?.['www-authenticate']]).toEqual([401, '', expect.stringContaining('Basic') as string])
    }],
    ['local-server-token', (c) => {
      expect(send('GET', '/phone/device', { auth: `Bearer ${c.TOKEN}` }).status).toBe(200)
      const claims = peekSmsGateClaims(c.TOKEN ?? '')
      expect([claims?.iss, claims?.sub]).toEqual(['me.capcom.smsgateway', undefined])
    }],
    ['local-server-send-only-token', (c) => {
      const response = send('GET', '/phone/device', { auth: `Bearer ${c.TOKEN}` })
      expect([response.status, bodyOf(response)]).toEqual([403, { message: 'Insufficient permissions' }])
    }],
  ]

  const causes: Readonly<Record<string, string>> = {
    valid: 'ok',
    'wrong-password': 'credentials.invalid',
    'unknown-user': 'credentials.invalid',
    'no-device': 'ok',
    'token-valid': 'ok',
    'token-missing-scope': 'scope.missing',
    'token-expired': 'token.expired',
    'token-expired-refreshable': 'ok',
    'token-revoked': 'token.rejected',
    'token-wrong-server': 'token.rejected',
    'token-malformed': 'credentials.malformed',
    'refresh-replayed': 'token.refresh_failed',
    'jwt-disabled': 'service.disabled',
    'private-server': 'ok',
    'missing-api-prefix': 'endpoint.not_found',
    'send-only-token': 'ok',
    'local-server': 'ok',
    'local-server-wrong-password': 'credentials.invalid',
    'local-server-token': 'ok',
    'local-server-send-only-token': 'ok',
  }

  it('has exactly the scenarios of the table, each describing the cause code a checker should conclude', () => {
    expect(Object.keys(sim.scenarios()).sort()).toEqual(table.map(([name]) => name).sort())
    for (const [name, info] of Object.entries(sim.scenarios())) {
      const cause = /→ ([a-z_.]+)/.exec(info.description)?.[1]
      expect(CAUSE_CODES).toContain(cause)
      expect([name, cause]).toEqual([name, causes[name]])
    }
  })

  it.each(table)('scenario %s behaves as described', (name, check) => check(scenario(name)))

  it('gives every scenario its own account key', () => {
    // One phone is one account: its Local-server scenarios share it.
    const keys = Object.entries(sim.scenarios())
      .filter(([name, info]) => name !== 'token-malformed' && info.credentials.MODE !== 'local')
      .map(([, info]) => sim.accountOf(request('GET', '/x', { auth: info.credentials.TOKEN ? `Bearer ${info.credentials.TOKEN}` : basic(info.credentials.USERNAME ?? '', info.credentials.PASSWORD ?? '') })))
    expect(keys.every((key) => key !== null)).toBe(true)
    expect(new Set(keys).size).toBe(keys.length)
    expect(sim.accountOf(request('GET', '/x'))).toBeNull()
  })

  it('keeps pre-issued valid tokens valid for 24 h of simulator time, then expires them', () => {
    const token = scenario('token-valid')
    now = START + 24 * 3_600_000
    expect(probe(token).status).toBe(200)
    now += 1000
    expect(probe(token).status).toBe(401)
  })
})

describe('smsgate simulator authentication', () => {
  it.each([
    ['no header', undefined],
    ['scheme only', 'Basic '],
    ['literal user:pass as in the FAQ', 'Basic VALID1:k3x9-fq2m_p8zt'],
    ['base64 without a colon', `Basic ${Buffer.from('VALID1').toString('base64')}`],
    ['base64 without padding', `Basic ${Buffer.from('VALID1:k3x9-fq2m_p8z').toString('base64').replace(/=+$/, '')}`],
    ['another scheme', 'Token abc'],
    ['bearer garbage', 'Bearer not-a-token'],
    ['cloud user on the private server', null],
  ])('answers 401 {"message":"Unauthorized"} with the Link header for %s', (name, auth) => {
    const path = name.startsWith('cloud user') ? '/private/api/3rdparty/v1/devices' : '/3rdparty/v1/devices'
    const response = send('GET', path, { auth: auth ?? (name.startsWith('cloud user') ? VALID : undefined) })
    expect(response.status).toBe(401)
    expect(response.body).toBe('{"message":"Unauthorized"}')
    expect(response.headers).toMatchObject({ 'content-type': 'application/json', link: LINK })
    expect(response.headers).not.toHaveProperty('www-authenticate')
  })

  it('accepts the scheme in any case and gives Basic callers all:any', () => {
    expect(send('GET', '/3rdparty/v1/devices', { auth: VALID.replace('Basic', 'bAsIc') }).status).toBe(200)
    expect(send('GET', '/3rdparty/v1/logs', { auth: VALID }).status).toBe(200)
  })

  it('checks credentials before routing: unknown paths are 401 without and 404 with credentials', () => {
    expect(send('GET', '/3rdparty/v1/nothing').status).toBe(401)
    expect(send('GET', '/3rdparty/v1/nothing', { auth: VALID })).toMatchObject({ status: 404, body: 'Not Found' })
    expect(send('GET', '/nowhere', { auth: VALID })).toMatchObject({ status: 404, body: 'Not Found' })
  })

  it('serves health without credentials, at the root and under each API root', () => {
    for (const path of ['/health', '/health/live', '/health/ready', '/health/startup', '/3rdparty/v1/health', '/private/api/3rdparty/v1/health/ready']) {
      const response = send('GET', path)
      expect(response.status).toBe(200)
      expect(bodyOf(response)).toMatchObject({ status: 'pass', checks: { 'db:ping': { status: 'pass', observedValue: 0 } } })
    }
    expect(send('GET', '/health').headers).not.toHaveProperty('link')
    expect(send('GET', '/3rdparty/v1/health').headers).toHaveProperty('link', LINK)
  })
})

describe('smsgate simulator prefix switch', () => {
  it('moves the cloud API under /api and the scenarios with it', () => {
    expect(sim.baseUrlPath()).toBe('/3rdparty/v1')
    expect(send('GET', '/api/3rdparty/v1/devices', { auth: VALID }).status).toBe(404)
    sim.setOptions({ apiPrefix: true })
    expect(sim.baseUrlPath()).toBe('/api/3rdparty/v1')
    expect(sim.scenarios().valid?.credentials.BASE_URL).toBe('/api/3rdparty/v1')
    expect(send('GET', '/api/3rdparty/v1/devices', { auth: VALID }).status).toBe(200)
    expect(send('GET', '/3rdparty/v1/devices', { auth: VALID })).toMatchObject({ status: 404, body: 'Not Found' })
    expect(send('GET', '/health').status).toBe(200)
    sim.reset()
    expect(sim.baseUrlPath()).toBe('/3rdparty/v1')
  })
})

describe('smsgate simulator devices and messages', () => {
  const message = { textMessage: { text: 'Hello' }, phoneNumbers: ['+15550100009'] }

  it('lists devices in the client-go Device shape', () => {
    const devices = bodyOf(send('GET', '/3rdparty/v1/devices', { auth: VALID })) as Array<Record<string, unknown>>
    expect(devices).toEqual([
      {
        id: 'PyDmBQZZXYmyxMwED8Fzy',
        name: 'Pixel 7',
        createdAt: '2026-08-02T12:00:00Z',
        updatedAt: '2026-08-31T12:00:00Z',
        lastSeen: '2026-09-01T11:55:00Z',
        simCards: [{ slotIndex: 0, simNumber: 1, phoneNumber: '+15550100001', carrierName: 'Simulated Mobile' }],
      },
    ])
    expect(send('GET', '/3rdparty/v1/device', { auth: VALID }).body).toBe(JSON.stringify(devices))
  })

  it('enqueues a message (202 + Location) and reads, lists and cancels it', () => {
    const sent = send('POST', '/3rdparty/v1/messages', { auth: VALID, body: { ...message, id: 'msg-1' } })
    expect(sent.status).toBe(202)
    expect(sent.headers?.location).toBe('/3rdparty/v1/messages/msg-1')
    const state = { id: 'msg-1', deviceId: 'PyDmBQZZXYmyxMwED8Fzy', state: 'Pending', isHashed: false, isEncrypted: false, recipients: [{ phoneNumber: '+15550100009', state: 'Pending' }], states: { Pending: '2026-09-01T12:00:00Z' }, createdAt: '2026-09-01T12:00:00Z' }
    expect(bodyOf(sent)).toEqual(state)
    expect(bodyOf(send('GET', '/3rdparty/v1/messages/msg-1', { auth: VALID }))).toEqual(state)
    const list = send('GET', '/3rdparty/v1/messages', { auth: VALID, query: 'includeContent=true' })
    expect([list.status, list.headers?.['x-total-count'], bodyOf(list)]).toEqual([200, '1', [{ ...state, textMessage: { text: 'Hello' } }]])
    expect(send('POST', '/3rdparty/v1/messages', { auth: VALID, body: { ...message, id: 'msg-1' } })).toMatchObject({ status: 409 })
    expect(bodyOf(send('DELETE', '/3rdparty/v1/messages/msg-1', { auth: VALID }))).toMatchObject({ state: 'Cancelled' })
    expect(send('DELETE', '/3rdparty/v1/messages/msg-1', { auth: VALID }).status).toBe(409)
  })

  it('keeps the legacy /message path and the deprecated message field', () => {
    const sent = send('POST', '/3rdparty/v1/message', { auth: VALID, body: { message: 'Hi', phoneNumbers: ['+15550100009'] } })
    expect(sent.status).toBe(202)
    const id = (bodyOf(sent) as { id: string }).id
    expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    expect(bodyOf(send('GET', `/3rdparty/v1/message/${id}`, { auth: VALID }))).toMatchObject({ id, state: 'Pending' })
  })

  it('does not show one user the messages of another', () => {
    send('POST', '/3rdparty/v1/messages', { auth: VALID, body: { ...message, id: 'mine' } })
    const other = basic('WRONGP', 'r7c2-hd0q_v5ns')
    expect([send('GET', '/3rdparty/v1/messages/mine', { auth: other }).status, bodyOf(send('GET', '/3rdparty/v1/messages/mine', { auth: other }))]).toEqual([404, { message: 'message not found' }])
  })

  it.each([
    ['no content type', { body: message, contentType: null }, 'failed to parse body: Unprocessable Entity'],
    ['empty body', { body: ' ' }, 'failed to parse body: unexpected end of JSON input'],
    ['no recipients', { body: { textMessage: { text: 'x' } } }, "Key: 'Message.PhoneNumbers' Error:Field validation for 'PhoneNumbers' failed on the 'required' tag"],
    ['empty recipients', { body: { ...message, phoneNumbers: [] } }, "Key: 'Message.PhoneNumbers' Error:Field validation for 'PhoneNumbers' failed on the 'min' tag"],
    ['no content', { body: { phoneNumbers: ['1'] } }, 'validation failed: must specify exactly one of: textMessage or dataMessage'],
    ['two contents', { body: { ...message, message: 'x' } }, 'conflict fields: must specify exactly one of: textMessage or dataMessage'],
    ['ttl with validUntil', { body: { ...message, ttl: 60, validUntil: '2030-01-01T00:00:00Z' } }, 'conflict fields: ttl and validUntil'],
    ['string simNumber', { body: { ...message, simNumber: '1' } }, 'failed to parse body: json: cannot unmarshal string into Go struct field Message.simNumber of type uint8'],
    ['unknown device', { body: { ...message, deviceId: 'nope' } }, 'failed to select device: not found'],
  ])('refuses a bad send (%s) with 400', (_name, call, text) => {
    const response = send('POST', '/3rdparty/v1/messages', { auth: VALID, ...call })
    expect([response.status, bodyOf(response)]).toEqual([400, { message: text }])
  })

  it('validates list paging', () => {
    expect(bodyOf(send('GET', '/3rdparty/v1/messages', { auth: VALID, query: 'limit=101' }))).toEqual({
      message: "Key: 'thirdPartyGetQueryParams.Limit' Error:Field validation for 'Limit' failed on the 'max' tag",
    })
    expect(send('GET', '/3rdparty/v1/messages', { auth: VALID, query: 'limit=x' }).status).toBe(400)
    expect(send('GET', '/3rdparty/v1/messages', { auth: VALID, query: 'limit=1&offset=0' }).status).toBe(200)
  })

  it('deletes a device once', () => {
    expect(send('DELETE', '/3rdparty/v1/devices/PyDmBQZZXYmyxMwED8Fzy', { auth: VALID })).toMatchObject({ status: 204 })
    expect(bodyOf(send('GET', '/3rdparty/v1/devices', { auth: VALID }))).toEqual([])
    expect(send('DELETE', '/3rdparty/v1/devices/PyDmBQZZXYmyxMwED8Fzy', { auth: VALID }).status).toBe(404)
    sim.reset()
    expect((bodyOf(send('GET', '/3rdparty/v1/devices', { auth: VALID })) as unknown[]).length).toBe(1)
  })
})

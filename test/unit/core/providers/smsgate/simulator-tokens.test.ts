/** handle() called directly: token issue, TTL capping, refresh rotation, revocation, scopes, 501, expiry. */
import { beforeEach, describe, expect, it } from 'vitest'
import { decodeJwt } from '../../../../../src/core/providers/smsgate/jwt'
import { ENDPOINT_SCOPES, type EndpointScope } from '../../../../../src/core/providers/smsgate/scopes'
import { createSmsGateSimulator } from '../../../../../src/core/providers/smsgate/simulator'
import type { SimRequest, SimResponse } from '../../../../../src/core/simulators/types'

const START = Date.UTC(2026, 8, 1, 12, 0, 0)
let now = START
let sim = createSmsGateSimulator({ now: () => now })

beforeEach(() => {
  now = START
  sim = createSmsGateSimulator({ now: () => now })
})

const BASE = '/3rdparty/v1'
const VALID = `Basic ${Buffer.from('VALID1:k3x9-fq2m_p8zt').toString('base64')}`

function send(method: string, path: string, auth?: string, body?: unknown): SimResponse {
  const headers: Record<string, string> = auth === undefined ? {} : { authorization: auth }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const request: SimRequest = { method, path, query: new URLSearchParams(), headers, body: body === undefined ? '' : JSON.stringify(body) }
  return sim.handle(request, { now: () => now, origin: 'http://127.0.0.1:1' }) as SimResponse
}

interface Pair {
  readonly id: string
  readonly token_type: string
  readonly access_token: string
  readonly refresh_token?: string
  readonly expires_at: string
}

const bodyOf = (response: SimResponse): unknown => JSON.parse(response.body ?? '')
const bearer = (token: string): string => `Bearer ${token}`
const claimsOf = (token: string): Record<string, unknown> => ({ ...decodeJwt(token)?.payload })

function issue(body: unknown, auth = VALID, base = BASE): Pair {
  const response = send('POST', `${base}/auth/token`, auth, body)
  expect(response.status, response.body).toBe(201)
  return bodyOf(response) as Pair
}

const devices = (token: string, base = BASE): number => send('GET', `${base}/devices`, bearer(token)).status
const refresh = (token: string): SimResponse => send('POST', `${BASE}/auth/token/refresh`, bearer(token))

describe('smsgate token issue', () => {
  it('answers 201 with the documented pair and claims', () => {
    const response = send('POST', `${BASE}/auth/token`, VALID, { ttl: 600, scopes: ['devices:list', 'messages:send'] })
    expect(response.status).toBe(201)
    expect(response.headers?.['content-type']).toBe('application/json')
    const pair = bodyOf(response) as Pair
    expect(Object.keys(pair)).toEqual(['id', 'token_type', 'access_token', 'refresh_token', 'expires_at'])
    expect([pair.token_type, pair.expires_at]).toEqual(['Bearer', '2026-09-01T12:10:00Z'])
    expect(pair.id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    expect(decodeJwt(pair.access_token)?.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    const iat = START / 1000
    const access = claimsOf(pair.access_token)
    expect(Object.keys(access)).toEqual(['iss', 'sub', 'exp', 'iat', 'jti', 'user_id', 'scopes'])
    expect(access).toEqual({ iss: 'sms-gate.app', sub: 'VALID1', exp: iat + 600, iat, jti: pair.id, user_id: 'VALID1', scopes: ['devices:list', 'messages:send'] })
    const refreshClaims = claimsOf(pair.refresh_token ?? '')
    expect(refreshClaims).toMatchObject({ sub: 'VALID1', exp: iat + 720 * 3600, scopes: ['tokens:refresh'], original_scopes: ['devices:list', 'messages:send'] })
    expect(refreshClaims.jti).not.toBe(pair.id)
    expect(devices(pair.access_token)).toBe(200)
  })

  it.each([
    ['omitted ttl → default', {}, 900],
    ['ttl 0 → default', { ttl: 0 }, 900],
    ['shorter ttl kept', { ttl: 60 }, 60],
    ['longer ttl capped silently', { ttl: 86_400 }, 900],
  ])('applies the TTL rules: %s', (_name, extra, seconds) => {
    const pair = issue({ ...extra, scopes: ['devices:list'] })
    const claims = claimsOf(pair.access_token)
    expect(Number(claims.exp) - Number(claims.iat)).toBe(seconds)
    expect(Date.parse(pair.expires_at)).toBe(START + seconds * 1000)
  })

  it('takes default and maximum TTL from the options (the docs 24 h alternative)', () => {
    sim.setOptions({ defaultTtlSeconds: 86_400, maxTtlSeconds: 86_400 })
    expect(Date.parse(issue({ scopes: ['devices:list'] }).expires_at)).toBe(START + 86_400_000)
    expect(Date.parse(issue({ ttl: 200_000, scopes: ['devices:list'] }).expires_at)).toBe(START + 86_400_000)
    sim.setOptions({ defaultTtlSeconds: 300, maxTtlSeconds: 3600 })
    expect(Date.parse(issue({ scopes: ['devices:list'] }).expires_at)).toBe(START + 300_000)
    expect(Date.parse(issue({ ttl: 7200, scopes: ['devices:list'] }).expires_at)).toBe(START + 3_600_000)
  })

  it.each([
    ['negative ttl', { ttl: -1, scopes: ['a'] }, 'failed to parse body: json: cannot unmarshal number -1 into Go struct field TokenRequest.ttl of type uint64'],
    ['string ttl', { ttl: '60', scopes: ['a'] }, 'failed to parse body: json: cannot unmarshal string into Go struct field TokenRequest.ttl of type uint64'],
    ['no scopes', {}, "Key: 'TokenRequest.Scopes' Error:Field validation for 'Scopes' failed on the 'required' tag"],
    ['empty scopes', { scopes: [] }, "Key: 'TokenRequest.Scopes' Error:Field validation for 'Scopes' failed on the 'min' tag"],
    ['blank scope', { scopes: ['a', ''] }, "Key: 'TokenRequest.Scopes[1]' Error:Field validation for 'Scopes[1]' failed on the 'required' tag"],
    ['scopes as string', { scopes: 'a' }, 'failed to parse body: json: cannot unmarshal string into Go struct field TokenRequest.scopes of type []string'],
  ])('refuses %s with 400', (_name, body, message) => {
    const response = send('POST', `${BASE}/auth/token`, VALID, body)
    expect([response.status, bodyOf(response)]).toEqual([400, { message }])
  })

  it('issues a token with a mistyped scope, which then fails the scope check', () => {
    const pair = issue({ scopes: ['device:list'] })
    expect(bodyOf(send('GET', `${BASE}/devices`, bearer(pair.access_token)))).toEqual({ message: 'scope required: devices:list' })
  })

  it('lets a token holding tokens:manage mint tokens', () => {
    const manager = issue({ scopes: ['tokens:manage'] })
    const minted = issue({ scopes: ['devices:list'] }, bearer(manager.access_token))
    expect(devices(minted.access_token)).toBe(200)
  })
})

describe('smsgate token expiry by the simulator clock', () => {
  it('accepts a token up to its exp second and refuses it after', () => {
    const pair = issue({ scopes: ['devices:list'] })
    now = START + 900_000
    expect(devices(pair.access_token)).toBe(200)
    now += 1
    expect(devices(pair.access_token)).toBe(401)
  })

  it('refuses a token whose issuer is not the server’s (JWT__ISSUER changed)', () => {
    const pair = issue({ scopes: ['devices:list'] })
    sim.setOptions({ issuer: 'private.example' })
    expect(devices(pair.access_token)).toBe(401)
    const fresh = issue({ scopes: ['devices:list'] })
    expect(claimsOf(fresh.access_token).iss).toBe('private.example')
    expect(devices(fresh.access_token)).toBe(200)
  })

  it('refuses a token issued in the future of the simulator clock (iat check)', () => {
    const pair = issue({ scopes: ['devices:list'] })
    now = START - 1000
    expect(devices(pair.access_token)).toBe(401)
  })

  it('refuses an expired refresh token', () => {
    const pair = issue({ scopes: ['devices:list'] })
    now = START + 720 * 3_600_000 + 1000
    expect(refresh(pair.refresh_token ?? '').status).toBe(401)
  })
})

describe('smsgate refresh', () => {
  it('rotates: 201 new pair, the old refresh token replays as 401, the old access token lives on', () => {
    const first = issue({ ttl: 60, scopes: ['devices:list'] })
    now += 30_000
    const response = refresh(first.refresh_token ?? '')
    expect(response.status).toBe(201)
    const second = bodyOf(response) as Pair
    expect(second.id).not.toBe(first.id)
    expect(Date.parse(second.expires_at)).toBe(now + 900_000)
    expect(claimsOf(second.access_token).scopes).toEqual(['devices:list'])
    expect(devices(second.access_token)).toBe(200)
    expect([refresh(first.refresh_token ?? '').status, bodyOf(refresh(first.refresh_token ?? ''))]).toEqual([401, { message: 'Unauthorized' }])
    expect(devices(first.access_token)).toBe(200)
    expect(refresh(second.refresh_token ?? '').status).toBe(201)
  })

  it('answers 403 scope required: tokens:refresh to an access token, Basic, and even all:any', () => {
    const pair = issue({ scopes: ['all:any'] })
    for (const auth of [bearer(pair.access_token), VALID]) {
      const response = send('POST', `${BASE}/auth/token/refresh`, auth)
      expect([response.status, bodyOf(response)]).toEqual([403, { message: 'scope required: tokens:refresh' }])
    }
  })

  it('refuses an access token that merely carries tokens:refresh (it has no original scopes)', () => {
    expect(refresh(issue({ scopes: ['tokens:refresh'] }).access_token).status).toBe(401)
  })

  it('does not let a refresh token act as an access token', () => {
    expect(bodyOf(send('GET', `${BASE}/devices`, bearer(issue({ scopes: ['devices:list'] }).refresh_token ?? '')))).toEqual({
      message: 'scope required: devices:list',
    })
  })

  it('answers 200 instead of 201 when refreshStatus says so (the docs alternative)', () => {
    sim.setOptions({ refreshStatus: 200 })
    expect(refresh(issue({ scopes: ['devices:list'] }).refresh_token ?? '').status).toBe(200)
  })

  it('issues no refresh token and has no refresh route when refreshTokens is off (pre-2026-03 server)', () => {
    sim.setOptions({ refreshTokens: false })
    const pair = issue({ scopes: ['devices:list'] })
    expect(pair).not.toHaveProperty('refresh_token')
    expect(send('POST', `${BASE}/auth/token/refresh`, VALID)).toMatchObject({ status: 404, body: 'Not Found' })
  })
})

describe('smsgate revoke', () => {
  it('answers 204 and makes the access token and its refresh token fail with 401', () => {
    const pair = issue({ scopes: ['devices:list'] })
    const response = send('DELETE', `${BASE}/auth/token/${pair.id}`, VALID)
    expect(response).toEqual({ status: 204, headers: { link: '</.well-known/api-catalog>; rel="api-catalog"' } })
    expect(devices(pair.access_token)).toBe(401)
    expect(refresh(pair.refresh_token ?? '').status).toBe(401)
  })

  it('answers 204 for an unknown jti and for another user’s jti, revoking nothing of theirs', () => {
    const other = `Basic ${Buffer.from('WRONGP:r7c2-hd0q_v5ns').toString('base64')}`
    const theirs = issue({ scopes: ['devices:list'] }, other)
    expect(send('DELETE', `${BASE}/auth/token/no-such-jti`, VALID).status).toBe(204)
    expect(send('DELETE', `${BASE}/auth/token/${theirs.id}`, VALID).status).toBe(204)
    expect(devices(theirs.access_token)).toBe(200)
  })

  it('lets a token revoke itself with tokens:manage and refuses without it', () => {
    const reader = issue({ scopes: ['devices:list'] })
    expect(bodyOf(send('DELETE', `${BASE}/auth/token/${reader.id}`, bearer(reader.access_token)))).toEqual({ message: 'scope required: tokens:manage' })
    const manager = issue({ scopes: ['tokens:manage'] })
    expect(send('DELETE', `${BASE}/auth/token/${manager.id}`, bearer(manager.access_token)).status).toBe(204)
    expect(send('GET', `${BASE}/logs`, bearer(manager.access_token)).status).toBe(401)
  })
})

describe('smsgate scope enforcement per endpoint', () => {
  const concrete = (path: string): string => `${BASE}${path.replace(/:\w+/g, 'some-id')}`
  const bodies: Readonly<Record<string, unknown>> = {
    'POST /auth/token': { scopes: ['devices:list'] },
    'POST /messages': { textMessage: { text: 'x' }, phoneNumbers: ['+15550100009'] },
    'POST /webhooks': { url: 'https://example.test/hook', event: 'sms:received' },
  }
  const call = (row: EndpointScope, token: string): SimResponse =>
    send(row.method, concrete(row.path), bearer(token), bodies[`${row.method} ${row.path}`] ?? (row.method === 'GET' || row.method === 'DELETE' ? undefined : {}))

  it.each(ENDPOINT_SCOPES.map((row) => [`${row.method} ${row.path}`, row] as const))('%s: 403 without its scope, through with it', (_key, row) => {
    const unrelated = row.scope === 'logs:read' ? 'devices:list' : 'logs:read'
    const without = call(row, issue({ scopes: [unrelated] }).access_token)
    expect([without.status, bodyOf(without)]).toEqual([403, { message: `scope required: ${row.scope}` }])
    const granted = call(row, issue({ scopes: [row.scope] }).access_token)
    // An access token with tokens:refresh passes the scope check, then lacks original scopes.
    const expected = row.path === '/auth/token/refresh' ? [401] : [200, 201, 202, 204, 404]
    expect(expected).toContain(granted.status)
    expect(granted.status === 404 ? granted.body : '').not.toBe('Not Found')
  })

  it('lets all:any through every endpoint but the exact refresh check', () => {
    const wildcard = issue({ scopes: ['all:any'] }).access_token
    for (const row of ENDPOINT_SCOPES) expect(call(row, wildcard).status === 403).toBe(row.path === '/auth/token/refresh')
  })

  it('drops the inbox routes when inboxEndpoints is off (the docs scope table)', () => {
    sim.setOptions({ inboxEndpoints: false })
    expect(send('GET', `${BASE}/inbox`, VALID)).toMatchObject({ status: 404, body: 'Not Found' })
    expect(send('POST', `${BASE}/messages/inbox/export`, VALID, {})).toMatchObject({ status: 202, headers: { deprecation: 'true' } })
  })
})

describe('smsgate with JWT disabled', () => {
  it('answers 501 on issue and revoke, 401 to every Bearer token, 403 to Basic on refresh', () => {
    const earlier = issue({ scopes: ['devices:list'] })
    sim.setOptions({ jwtEnabled: false })
    const issued = send('POST', `${BASE}/auth/token`, VALID, { scopes: ['devices:list'] })
    expect([issued.status, bodyOf(issued)]).toEqual([501, { message: 'token service disabled, contact your administrator' }])
    expect(send('DELETE', `${BASE}/auth/token/${earlier.id}`, VALID).status).toBe(501)
    expect(devices(earlier.access_token)).toBe(401)
    expect(refresh(earlier.refresh_token ?? '').status).toBe(401)
    expect(send('POST', `${BASE}/auth/token/refresh`, VALID).status).toBe(403)
    expect(send('GET', `${BASE}/devices`, VALID).status).toBe(200)
    expect(send('POST', `${BASE}/auth/token`, VALID, {}).status).toBe(400)
  })
})

describe('smsgate simulator instances', () => {
  it('signs with per-server, per-instance secrets, and reset() forgets issued tokens', () => {
    const pair = issue({ scopes: ['devices:list'] })
    const privateUser = `Basic ${Buffer.from('PRIVT1:h1n4-rz6d_u9xa').toString('base64')}`
    const privatePair = issue({ scopes: ['devices:list'] }, privateUser, '/private/api/3rdparty/v1')
    expect(devices(privatePair.access_token, '/private/api/3rdparty/v1')).toBe(200)
    expect(devices(pair.access_token, '/private/api/3rdparty/v1')).toBe(401)
    const other = createSmsGateSimulator({ now: () => now })
    const elsewhere = other.handle(
      { method: 'GET', path: `${BASE}/devices`, query: new URLSearchParams(), headers: { authorization: bearer(pair.access_token) }, body: '' },
      { now: () => now, origin: 'http://127.0.0.1:2' },
    ) as SimResponse
    expect(elsewhere.status).toBe(401)
    sim.setOptions({ maxTtlSeconds: 5 })
    sim.reset()
    expect(sim.options.maxTtlSeconds).toBe(900)
    expect(devices(pair.access_token)).toBe(401)
  })
})

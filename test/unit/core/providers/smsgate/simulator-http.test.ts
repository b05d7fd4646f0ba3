/**
 * Fidelity over real HTTP: the shared simulator server on 127.0.0.1, Node's fetch, and the
 * dossier's wire requests (providers/smsgate.md §3–§6), compared field by field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeJwt } from '../../../../../src/core/providers/smsgate/jwt'
import { createSmsGateSimulator } from '../../../../../src/core/providers/smsgate/simulator'
import { createSimClock } from '../../../../../src/core/simulators/clock'
import { startSimulator, type RunningSimulator } from '../../../../../src/core/simulators/server'

let running: RunningSimulator

beforeEach(async () => {
  const clock = createSimClock()
  running = await startSimulator(createSmsGateSimulator({ now: clock.now }), { clock })
})
afterEach(async () => {
  await running.close()
})

const basic = (username: string, password: string): string => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
const VALID = basic('VALID1', 'k3x9-fq2m_p8zt')
const LINK = '</.well-known/api-catalog>; rel="api-catalog"'

function credentials(scenario: string): Readonly<Record<string, string>> {
  const found = running.scenarioCredentials()[scenario]
  if (!found) throw new Error(`no scenario ${scenario}`)
  return found
}

interface TokenPair {
  readonly id: string
  readonly token_type: string
  readonly access_token: string
  readonly refresh_token: string
  readonly expires_at: string
}

async function issueToken(body: unknown, auth = VALID): Promise<Response> {
  return fetch(`${running.baseUrl}/auth/token`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

const get = (path: string, auth?: string): Promise<Response> => fetch(`${running.baseUrl}${path}`, { headers: auth ? { authorization: auth } : {} })

describe('smsgate simulator over HTTP', () => {
  it('serves the cloud BASE_URL on loopback', () => {
    expect(running.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/3rdparty\/v1$/)
  })

  it('issues a token pair (201) whose JWT carries exactly the documented header and claims', async () => {
    const before = Math.floor(running.clock.now() / 1000)
    const response = await issueToken({ ttl: 3600, scopes: ['messages:send', 'devices:list'] })
    const after = Math.floor(running.clock.now() / 1000)
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('link')).toBe(LINK)
    expect(response.headers.get('www-authenticate')).toBeNull()
    const pair = (await response.json()) as TokenPair
    expect(Object.keys(pair)).toEqual(['id', 'token_type', 'access_token', 'refresh_token', 'expires_at'])
    expect(pair.id).toMatch(/^[A-Za-z0-9_-]{21}$/)
    expect(pair.token_type).toBe('Bearer')
    expect(pair.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)

    const decoded = decodeJwt(pair.access_token)
    expect(decoded?.header).toEqual({ alg: 'HS256', typ: 'JWT' })
    const claims = decoded?.payload ?? {}
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'iss', 'jti', 'scopes', 'sub', 'user_id'])
    expect(claims.jti).toBe(pair.id)
    expect(claims.iss).toBe('sms-gate.app')
    expect(claims.sub).toBe('VALID1')
    expect(claims.user_id).toBe('VALID1')
    expect(claims.scopes).toEqual(['messages:send', 'devices:list'])
    const iat = Number(claims.iat)
    expect(iat).toBeGreaterThanOrEqual(before)
    expect(iat).toBeLessThanOrEqual(after)
    // 3600 requested, capped at the default 15-min access TTL, visible in expires_at.
    expect(Number(claims.exp)).toBe(iat + 900)
    expect(Date.parse(pair.expires_at)).toBe(Number(claims.exp) * 1000)

    const refresh = decodeJwt(pair.refresh_token)?.payload ?? {}
    expect(refresh).toMatchObject({ iss: 'sms-gate.app', sub: 'VALID1', user_id: 'VALID1', scopes: ['tokens:refresh'], original_scopes: ['messages:send', 'devices:list'] })
    expect(Number(refresh.exp) - Number(refresh.iat)).toBe(720 * 3600)
  })

  it('answers the probe: devices with a Bearer token, 403 scope required for a missing scope', async () => {
    const pair = (await (await issueToken({ scopes: ['messages:send', 'devices:list'] })).json()) as TokenPair
    const auth = `Bearer ${pair.access_token}`
    const devices = await get('/devices', auth)
    expect(devices.status).toBe(200)
    const list = (await devices.json()) as Array<Record<string, unknown>>
    expect(list.map((device) => Object.keys(device))).toEqual([['id', 'name', 'createdAt', 'updatedAt', 'lastSeen', 'simCards']])
    expect(list[0]?.id).toBe('PyDmBQZZXYmyxMwED8Fzy')
    const denied = await get('/messages', auth)
    expect(denied.status).toBe(403)
    expect(denied.headers.get('content-type')).toBe('application/json')
    expect(await denied.text()).toBe('{"message":"scope required: messages:list"}')
  })

  it('rotates refresh tokens (201) and answers a replay with 401 Unauthorized', async () => {
    const pair = (await (await issueToken({ scopes: ['devices:list'] })).json()) as TokenPair
    const refresh = (token: string) => fetch(`${running.baseUrl}/auth/token/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    const rotated = await refresh(pair.refresh_token)
    expect(rotated.status).toBe(201)
    const next = (await rotated.json()) as TokenPair
    expect(next.id).not.toBe(pair.id)
    const replay = await refresh(pair.refresh_token)
    expect([replay.status, await replay.text()]).toEqual([401, '{"message":"Unauthorized"}'])
    const wrongToken = await refresh(next.access_token)
    expect([wrongToken.status, await wrongToken.json()]).toEqual([403, { message: 'scope required: tokens:refresh' }])
  })

  it('revokes with 204 and no body; the access token and its refresh token then get 401', async () => {
    const pair = (await (await issueToken({ scopes: ['devices:list'] })).json()) as TokenPair
    const revoked = await fetch(`${running.baseUrl}/auth/token/${pair.id}`, { method: 'DELETE', headers: { authorization: VALID } })
    expect([revoked.status, await revoked.text(), revoked.headers.get('content-type')]).toEqual([204, '', null])
    expect((await get('/devices', `Bearer ${pair.access_token}`)).status).toBe(401)
    const refreshed = await fetch(`${running.baseUrl}/auth/token/refresh`, { method: 'POST', headers: { authorization: `Bearer ${pair.refresh_token}` } })
    expect(refreshed.status).toBe(401)
  })

  it('expires tokens when the server clock moves, with a Date header from that clock', async () => {
    const pair = (await (await issueToken({ ttl: 60, scopes: ['devices:list'] })).json()) as TokenPair
    running.clock.advance(61_000)
    const response = await get('/devices', `Bearer ${pair.access_token}`)
    expect(response.status).toBe(401)
    expect(Date.parse(response.headers.get('date') ?? '')).toBeGreaterThan(Date.parse(pair.expires_at))
  })

  it('answers health without credentials and unknown paths with a plain-text 404', async () => {
    const health = await fetch(`${running.origin}/health`)
    expect([health.status, health.headers.get('content-type')]).toEqual([200, 'application/json'])
    expect(await health.json()).toMatchObject({ status: 'pass', version: expect.any(String), releaseId: expect.any(Number), checks: expect.any(Object) })
    const missing = await fetch(`${running.origin}/api/3rdparty/v1/devices`, { headers: { authorization: VALID } })
    expect([missing.status, missing.headers.get('content-type'), await missing.text()]).toEqual([404, 'text/plain; charset=utf-8', 'Not Found'])
  })

  it('answers 501 on /auth/token of the JWT-disabled server, reached through the scenario BASE_URL', async () => {
    const c = credentials('jwt-disabled')
    expect(c.BASE_URL).toBe(`${running.origin}/nojwt/api/3rdparty/v1`)
    const response = await fetch(`${c.BASE_URL}/auth/token`, {
      method: 'POST',
      headers: { authorization: basic(c.USERNAME ?? '', c.PASSWORD ?? ''), 'content-type': 'application/json' },
      body: '{"scopes":["devices:list"]}',
    })
    expect([response.status, await response.json()]).toEqual([501, { message: 'token service disabled, contact your administrator' }])
  })

  it.each([
    ['valid', 200],
    ['wrong-password', 401],
    ['unknown-user', 401],
    ['no-device', 200],
    ['token-valid', 200],
    ['token-missing-scope', 403],
    ['token-expired', 401],
    ['token-expired-refreshable', 401],
    ['token-revoked', 401],
    ['token-wrong-server', 401],
    ['token-malformed', 401],
    ['refresh-replayed', 401],
    ['jwt-disabled', 200],
    ['private-server', 200],
    ['missing-api-prefix', 404],
  ])('probes scenario %s through its absolute BASE_URL: GET /devices → %i', async (name, status) => {
    const c = credentials(name)
    expect(c.BASE_URL?.startsWith(running.origin)).toBe(true)
    // Basic when the account has a password (jwt-disabled has both), Bearer otherwise.
    const auth = c.PASSWORD !== undefined ? basic(c.USERNAME ?? '', c.PASSWORD) : `Bearer ${c.TOKEN}`
    const response = await fetch(`${c.BASE_URL}/devices`, { headers: { authorization: auth } })
    expect(response.status).toBe(status)
  })

  it('lets the server apply a per-account fault to one scenario only (accountOf)', async () => {
    running.faults.add({ kind: 'maintenance', account: 'VALID1' })
    expect((await get('/devices', VALID)).status).toBe(503)
    expect((await get('/devices', `Bearer ${credentials('token-valid').TOKEN}`)).status).toBe(200)
  })
})

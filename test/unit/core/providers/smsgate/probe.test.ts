import { describe, expect, it } from 'vitest'
import { checkAccount } from '../../../../../src/core/diagnosis/engine'
import type { RefreshedTokens } from '../../../../../src/core/diagnosis/types'
import { signHs256 } from '../../../../../src/core/providers/smsgate/jwt'
import { NO_SUCH_JTI } from '../../../../../src/core/providers/smsgate/probe'
import { fakeHttp, json } from '../../../../support/fake-http'

const SECRET = 'y'.repeat(32)
const jwt = (expInS: number, scopes: string[]) => signHs256({ iss: 'sms-gate.app', sub: 'U1', exp: Math.floor(Date.now() / 1000) + expInS, scopes }, SECRET)
const refresh = (expInS = 86_400) => signHs256({ sub: 'U1', exp: Math.floor(Date.now() / 1000) + expInS, scopes: ['tokens:refresh'], original_scopes: ['devices:list'] }, SECRET)
const unauthorized = json(401, { message: 'Unauthorized' })
const devices = json(200, [])

describe('SMSGate probe', () => {
  it('GET /device with Basic base64(username:password)', async () => {
    const http = fakeHttp(() => devices)
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { USERNAME: 'VALID1', PASSWORD: 'k3x9-fq2m_p8zt' } }, { http })
    expect(http.requests[0]).toMatchObject({ method: 'GET', url: 'https://api.sms-gate.app/3rdparty/v1/device', headers: { authorization: `Basic ${Buffer.from('VALID1:k3x9-fq2m_p8zt').toString('base64')}` } })
    expect(diagnosis.cause).toBe('ok')
  })

  it('reports the token’s scopes, and a needed scope it lacks even when the call succeeds (inferred)', async () => {
    const token = jwt(86_400, ['devices:list'])
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { TOKEN: token, SCOPES: 'devices:list,messages:send' } }, { http: fakeHttp(() => devices) })
    expect(diagnosis).toMatchObject({ cause: 'scope.missing', details: { token: { scopes: ['devices:list'], missingScopes: ['messages:send'] } } })
    expect(diagnosis.evidence.inferred).toMatch(/decoded from the token/)
  })

  it('warns when a token without refresh token is about to expire', async () => {
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { TOKEN: jwt(120, ['devices:list']) } }, { http: fakeHttp(() => devices) })
    expect(diagnosis).toMatchObject({ state: 'degraded', cause: 'token.expiring' })
  })

  it('never spends a refresh token when nobody can store the new pair', async () => {
    const http = fakeHttp(() => unauthorized)
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { TOKEN: jwt(-60, ['devices:list']), REFRESH_TOKEN: refresh() } }, { http })
    expect(http.requests).toHaveLength(1)
    expect(diagnosis.cause).toBe('token.expired')
    expect(diagnosis.details.notes?.[0]).toMatch(/never spends it/)
  })

  it('refreshes once, hands the pair to the store, and retries with the new token', async () => {
    const fresh = jwt(900, ['devices:list'])
    const next = refresh()
    const http = fakeHttp((r) => (r.url.endsWith('/refresh') ? json(201, { access_token: fresh, refresh_token: next, expires_at: 'x' }) : r.headers.authorization === `Bearer ${fresh}` ? devices : unauthorized))
    const stored: RefreshedTokens[] = []
    const diagnosis = await checkAccount(
      { provider: 'smsgate', fields: { TOKEN: jwt(-60, ['devices:list']), REFRESH_TOKEN: refresh() }, storeTokens: async (t) => void stored.push(t) },
      { http },
    )
    expect(http.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['GET /3rdparty/v1/device', 'POST /3rdparty/v1/auth/token/refresh', 'GET /3rdparty/v1/device'])
    expect(stored).toEqual([{ accessToken: fresh, refreshToken: next, expiresAt: 'x' }])
    expect(diagnosis).toMatchObject({ cause: 'ok', details: { token: { refreshed: true } } })
    expect(JSON.stringify(diagnosis)).not.toContain(fresh)
    expect(JSON.stringify(diagnosis)).not.toContain(next)
  })

  it('does not repeat a refresh that failed mid-way (it rotates the token)', async () => {
    const http = fakeHttp((r) => (r.url.endsWith('/refresh') ? { error: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) } : unauthorized))
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { TOKEN: jwt(-60, ['devices:list']), REFRESH_TOKEN: refresh() }, storeTokens: async () => {} }, { http })
    expect(http.requests.filter((r) => r.url.endsWith('/refresh'))).toHaveLength(1)
    expect(diagnosis.cause).toBe('network.reset')
  })

  it('an expired refresh token fails without a request to refresh', async () => {
    const http = fakeHttp(() => unauthorized)
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { TOKEN: jwt(-60, ['devices:list']), REFRESH_TOKEN: refresh(-10) }, storeTokens: async () => {} }, { http })
    expect(diagnosis.cause).toBe('token.refresh_failed')
    expect(http.requests).toHaveLength(1)
  })

  it('a rejected token with working Basic credentials: a no-op revoke tells JWT disabled (501) from revoked', async () => {
    const fields = { USERNAME: 'NOJWT1', PASSWORD: 'k8q3-tb7f_w5zc', TOKEN: jwt(3600, ['devices:list']) }
    const answer = (service: ReturnType<typeof json>) => fakeHttp((r) => (r.method === 'DELETE' ? service : r.headers.authorization?.startsWith('Basic') ? devices : unauthorized))
    const disabled = answer(json(501, { message: 'token service disabled, contact your administrator' }))
    expect((await checkAccount({ provider: 'smsgate', fields }, { http: disabled })).cause).toBe('service.disabled')
    expect(disabled.requests[2]!.url).toBe(`https://api.sms-gate.app/3rdparty/v1/auth/token/${NO_SUCH_JTI}`)
    const enabled = answer({ status: 204 })
    expect((await checkAccount({ provider: 'smsgate', fields }, { http: enabled })).cause).toBe('token.rejected')
  })

  it('a rejected token and rejected Basic credentials: the credentials are invalid', async () => {
    const fields = { USERNAME: 'NOJWT1', PASSWORD: 'wrong-password', TOKEN: jwt(3600, ['devices:list']) }
    expect((await checkAccount({ provider: 'smsgate', fields }, { http: fakeHttp(() => unauthorized) })).cause).toBe('credentials.invalid')
  })
})

describe('SMSGate probe redaction', () => {
  it('scrubs the encoded Basic credential if a server echoes the header', async () => {
    const encoded = Buffer.from('VALID1:k3x9-fq2m_p8zt').toString('base64')
    const http = fakeHttp(() => ({ status: 502, headers: { 'content-type': 'text/html' }, body: `<html><title>Bad gateway</title><pre>Authorization: Basic ${encoded}</pre></html>` }))
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { USERNAME: 'VALID1', PASSWORD: 'k3x9-fq2m_p8zt' } }, { http, retry: (_p, s) => ({ ...s, maxAttempts: 1 }) })
    expect(diagnosis.cause).toBe('server.error')
    expect(JSON.stringify(diagnosis)).not.toContain(encoded)
  })

  it('MODE=local without BASE_URL sends nothing (the credentials would otherwise go to the cloud)', async () => {
    const http = fakeHttp(() => ({ status: 200, body: '[]' }))
    const diagnosis = await checkAccount({ provider: 'smsgate', fields: { USERNAME: 'sms', PASSWORD: 'Ph0ne-l0cal-pw1', MODE: 'local' } }, { http })
    expect(http.requests).toEqual([])
    expect(diagnosis).toMatchObject({ state: 'failing', cause: 'credentials.malformed', evidence: { step: 'lint', field: 'BASE_URL' } })
  })

  it('MODE=local: a 404 on refresh means an app older than v1.64.0, not a wrong address', async () => {
    const expired = signHs256({ iss: 'me.capcom.smsgateway', exp: Math.floor(Date.now() / 1000) - 60, scopes: ['devices:list'] }, 'k'.repeat(32))
    const refresh = signHs256({ iss: 'me.capcom.smsgateway', exp: Math.floor(Date.now() / 1000) + 3600, scopes: ['tokens:refresh'] }, 'k'.repeat(32))
    const http = fakeHttp((r) => (r.url.endsWith('/refresh') ? { status: 404, body: '' } : { status: 401, body: '' }))
    const fields = { TOKEN: expired, REFRESH_TOKEN: refresh, MODE: 'local', BASE_URL: 'http://127.0.0.1:8080' }
    const diagnosis = await checkAccount({ provider: 'smsgate', fields, storeTokens: async () => {} }, { http })
    expect(http.requests.map((r) => new URL(r.url).pathname)).toEqual(['/device', '/auth/token/refresh'])
    expect(diagnosis).toMatchObject({ state: 'failing', cause: 'token.refresh_failed' })
    expect(diagnosis.summary).toMatch(/v1\.64\.0/)
  })
})

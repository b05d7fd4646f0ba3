import { describe, expect, it } from 'vitest'
import { checkAccount } from '../../../../../src/core/diagnosis/engine'
import { failureEnvelope, successEnvelope } from '../../../../../src/core/providers/authmatech/envelope'
import { fakeHttp, json } from '../../../../support/fake-http'

const KEY = 'f2c1a0b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3'
const account = { provider: 'authmatech' as const, fields: { API_KEY: KEY, CLIENT_ID: 'client-1' } }
const products = (enabled: Record<string, boolean>) => json(200, successEnvelope({ products: Object.entries(enabled).map(([product, on]) => ({ product, enabled: on })) }))
const usage = (balance: object) => json(200, successEnvelope({ balance }))

describe('Authmatech probe', () => {
  it('sends both headers to /v1/api/me/products and says which products are enabled', async () => {
    const http = fakeHttp((r) => (r.url.endsWith('/products') ? products({ VERIFY: true, TRUST: true, SHIELD: false }) : usage({ remaining: 10, expiresAt: null })))
    const diagnosis = await checkAccount(account, { http })
    expect(http.requests[0]).toMatchObject({ method: 'GET', headers: { 'x-api-key': KEY, 'x-client-id': 'client-1' } })
    expect(diagnosis).toMatchObject({ cause: 'ok', details: { enabledProducts: ['VERIFY', 'TRUST'], disabledProducts: ['SHIELD'] } })
    expect(diagnosis.summary).toMatch(/Enabled products: VERIFY, TRUST/)
  })

  it('VERIFY listed as disabled: only a note unless the account uses it, then degraded with the inferred evidence', async () => {
    const http = () => fakeHttp((r) => (r.url.endsWith('/products') ? products({ VERIFY: false, TRUST: true }) : usage({ remaining: 5 })))
    expect((await checkAccount(account, { http: http() })).state).toBe('healthy')
    const used = await checkAccount({ ...account, fields: { ...account.fields, PRODUCTS: 'verify' } }, { http: http() })
    expect(used).toMatchObject({ state: 'degraded', cause: 'feature.disabled', evidence: { inferred: expect.stringMatching(/schema/) as string } })
    expect(used.knowledgeSteps).toContain('authmatech.enable-product')
  })

  it.each([
    [{ remaining: 0, expiresAt: null }, 'balance.exhausted'],
    [{ remaining: 100, expiresAt: '2020-01-01T00:00:00Z' }, 'balance.exhausted'],
    [{ remaining: 100, expiresAt: '2999-01-01T00:00:00Z' }, 'ok'],
  ])('balance %j → %s', async (balance, cause) => {
    const http = fakeHttp((r) => (r.url.endsWith('/products') ? products({ VERIFY: true }) : usage(balance)))
    expect((await checkAccount(account, { http })).cause).toBe(cause)
  })

  it('a usage endpoint that fails does not fail the check, and says the balance was not checked', async () => {
    const http = fakeHttp((r) => (r.url.endsWith('/products') ? products({ VERIFY: true }) : json(404, failureEnvelope(404, 'Resource not found.', 'resource_not_found'))))
    const diagnosis = await checkAccount(account, { http })
    expect(diagnosis.cause).toBe('ok')
    expect(diagnosis.details.notes?.[0]).toMatch(/balance was not checked/)
  })

  it('401 → credentials.invalid with what a person can check (not the headers AuthDesk sends itself)', async () => {
    const diagnosis = await checkAccount(account, { http: fakeHttp(() => json(401, failureEnvelope(401, 'Unauthorized'))) })
    expect(diagnosis).toMatchObject({ cause: 'credentials.invalid', evidence: { status: 401, providerMessage: 'Unauthorized' } })
    expect(diagnosis.knowledgeSteps.slice(0, 3)).toEqual(['authmatech.recopy-key', 'authmatech.check-client-id', 'authmatech.environment'])
  })
})

import { describe, expect, it } from 'vitest'
import { checkAccount } from '../../../../../src/core/diagnosis/engine'
import { counterpartOf } from '../../../../../src/core/providers/nmbrs/probe'
import { providerDefinition } from '../../../../../src/core/providers/registry'
import { buildFaultEnvelope, buildResponseEnvelope } from '../../../../../src/core/providers/nmbrs/soap-envelope'
import type { HttpRequestSpec } from '../../../../../src/core/http/client'
import { fakeHttp, type FakeAnswer } from '../../../../support/fake-http'

const TOKEN = '5e01c0ffee4b1d9a7f3e8d2c6b0a9f5e'
const xml = (status: number, body: string): FakeAnswer => ({ status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body })
const environment = xml(200, buildResponseEnvelope('1.1', 'DebtorService', 'Environment_Get', '<Domain>acme.nmbrs.nl</Domain><SubDomain>acme</SubDomain>'))
const debtors = xml(200, buildResponseEnvelope('1.1', 'DebtorService', 'List_GetAll', '<Debtor><Id>1</Id></Debtor>'))
const nmbrsFault = (code: string) => xml(500, buildFaultEnvelope('1.1', 'server', `Server was unable to process request. ---> ${code}: Invalid Authentication`))
const operation = (r: HttpRequestSpec) => r.headers.soapaction?.split('/').pop()
const account = (fields: Record<string, string> = {}) => ({ provider: 'nmbrs' as const, fields: { USERNAME: 'api@acme.example', TOKEN, ...fields } })

describe('Nmbrs probe', () => {
  it('calls Environment_Get with AuthHeader, then List_GetAll with the configured domain', async () => {
    const http = fakeHttp((r) => (operation(r) === 'Environment_Get' ? environment : debtors))
    const diagnosis = await checkAccount(account({ DOMAIN: 'acme' }), { http })
    expect(http.requests.map(operation)).toEqual(['Environment_Get', 'List_GetAll'])
    expect(http.requests[0]!.body).toContain('<AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/DebtorService">')
    expect(http.requests[1]!.body).toContain('<Domain>acme</Domain>')
    expect(diagnosis).toMatchObject({ cause: 'ok', evidence: { step: 'List_GetAll' } })
    for (const entry of diagnosis.transcript) expect(entry.requestBody).toContain('<Token>[redacted]</Token>')
  })

  it('without DOMAIN, checks the domain Environment_Get reports and suggests it', async () => {
    const http = fakeHttp((r) => (operation(r) === 'Environment_Get' ? environment : debtors))
    const diagnosis = await checkAccount(account(), { http })
    expect(http.requests[1]!.body).toContain('<Domain>acme</Domain>')
    expect(diagnosis).toMatchObject({ cause: 'ok', details: { suggestedDomain: 'acme' } })
    expect(diagnosis.knowledgeSteps).toContain('nmbrs.domain-from-environment-get')
  })

  it('a refused domain carries the domain the provider reported', async () => {
    const http = fakeHttp((r) => (operation(r) === 'Environment_Get' ? environment : nmbrsFault('1001')))
    const diagnosis = await checkAccount(account({ DOMAIN: 'acme-bv' }), { http })
    expect(diagnosis).toMatchObject({ cause: 'domain.invalid', details: { suggestedDomain: 'acme' }, evidence: { step: 'List_GetAll', providerCode: '1001' } })
    expect(diagnosis.summary).toBe("The domain 'acme-bv' was refused; this token's domain is 'acme'.")
  })

  it('after a 1001 in Production, asks Sandbox; acceptance there means the token was reset today: copy the new one', async () => {
    const http = fakeHttp((r) => (r.url.includes('api-sandbox') ? environment : nmbrsFault('1001')))
    const diagnosis = await checkAccount(account(), { http })
    expect(http.requests.map((r) => r.url)).toEqual(['https://api.nmbrs.nl/soap/v3/DebtorService.asmx', 'https://api-sandbox.nmbrs.nl/soap/v3/DebtorService.asmx'])
    expect(http.requests[1]!.binding).toMatchObject({ environment: 'sandbox', baseUrl: null })
    expect(diagnosis.cause).toBe('credentials.invalid')
    expect(diagnosis.summary).toMatch(/token was reset.*Copy the new one/)
    expect(diagnosis.evidence.inferred).toMatch(/Environment_Get \(sandbox\) accepted/)
    // Switching to Sandbox would only hide the reset: no environment switch is offered.
    expect(diagnosis.summary).not.toMatch(/ENVIRONMENT=/)
    expect(diagnosis.details.suggestedEnvironment).toBeUndefined()
  })

  it('after a 1001 in Sandbox that Production accepts: new tokens reach Sandbox the day after', async () => {
    const http = fakeHttp((r) => (r.url.includes('api-sandbox') ? nmbrsFault('1001') : environment))
    const diagnosis = await checkAccount(account({ ENVIRONMENT: 'sandbox' }), { http })
    expect(diagnosis.cause).toBe('credentials.invalid')
    expect(diagnosis.summary).toMatch(/reach Sandbox the day after/)
    // Checking against Production today is carried for a one-click switch, named for a person (no environment variable).
    expect(diagnosis.summary).not.toMatch(/ENVIRONMENT=/)
    expect(diagnosis.details.suggestedEnvironment).toEqual({ environment: 'production', label: 'production', baseUrl: null })
  })

  it('after a 1001 that the other environment refuses too, the credentials are invalid', async () => {
    const http = fakeHttp(() => nmbrsFault('1001'))
    const diagnosis = await checkAccount(account(), { http })
    expect(diagnosis.cause).toBe('credentials.invalid')
    expect(diagnosis.knowledgeSteps.slice(0, 3)).toEqual(['nmbrs.check-username', 'nmbrs.check-token', 'nmbrs.token-owner'])
  })
})

describe('counterpartOf', () => {
  const base = { definition: providerDefinition('nmbrs'), fields: {}, scopes: [] }
  it('swaps the provider hosts for default base URLs', () => {
    expect(counterpartOf({ ...base, environment: 'sandbox', baseUrl: 'https://api-sandbox.nmbrs.nl/soap/v3' })).toMatchObject({ environment: 'production', baseUrl: 'https://api.nmbrs.nl/soap/v3' })
  })
  it('swaps the simulator’s environment paths on the same origin', () => {
    expect(counterpartOf({ ...base, environment: 'production', baseUrl: 'http://127.0.0.1:9/soap/v3' })).toMatchObject({ environment: 'sandbox', baseUrl: 'http://127.0.0.1:9/sandbox/soap/v3' })
    expect(counterpartOf({ ...base, environment: 'production', baseUrl: 'http://127.0.0.1:9/sandbox/soap/v3' })).toMatchObject({ environment: 'production', baseUrl: 'http://127.0.0.1:9/soap/v3' })
  })
  it('has none for a custom base URL it cannot map', () => {
    expect(counterpartOf({ ...base, environment: 'production', baseUrl: 'https://proxy.example.org/nmbrs' })).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import {
  effectiveBaseUrl,
  isLoopbackHost,
  isPrivateNetworkHost,
  isProviderHost,
  mayFollowRedirect,
  mayReceiveCredential,
  mayUsePlainHttp,
  normaliseBaseUrl,
  type CredentialBinding,
} from '../../../../src/core/http/host-binding'
import { builtInModules, providerDefinition } from '../../../../src/core/providers/registry'

const nmbrsProd: CredentialBinding = { definition: providerDefinition('nmbrs'), environment: 'production', baseUrl: null }
const nmbrsSandbox: CredentialBinding = { ...nmbrsProd, environment: 'sandbox' }
const privateSmsGate: CredentialBinding = { definition: providerDefinition('smsgate'), environment: 'production', baseUrl: 'https://sms.example.org/api/3rdparty/v1' }
const local: CredentialBinding = { definition: providerDefinition('authmatech'), environment: 'production', baseUrl: 'http://127.0.0.1:40123' }

describe('mayReceiveCredential', () => {
  it.each([
    ['environment host under its base path', nmbrsProd, 'https://api.nmbrs.nl/soap/v3/DebtorService.asmx', true],
    ['environment host, trailing dot', nmbrsProd, 'https://api.nmbrs.nl./soap/v3/DebtorService.asmx', true],
    ['the other environment’s host', nmbrsProd, 'https://api-sandbox.nmbrs.nl/soap/v3/DebtorService.asmx', false],
    ['sandbox host for sandbox', nmbrsSandbox, 'https://api-sandbox.nmbrs.nl/soap/v3/DebtorService.asmx', true],
    ['plain http to the right host', nmbrsProd, 'http://api.nmbrs.nl/soap/v3/DebtorService.asmx', false],
    ['a non-default port', nmbrsProd, 'https://api.nmbrs.nl:8443/soap/v3/DebtorService.asmx', false],
    ['a look-alike host', nmbrsProd, 'https://api.nmbrs.nl.evil.example/soap/v3/x', false],
    ['a path outside the base', nmbrsProd, 'https://api.nmbrs.nl/soap/v2.1/DebtorService.asmx', false],
    ['a path that only shares a prefix', nmbrsProd, 'https://api.nmbrs.nl/soap/v30/x', false],
    ['user info in the URL', nmbrsProd, 'https://user:pw@api.nmbrs.nl/soap/v3/x', false],
    ['not a URL', nmbrsProd, 'api.nmbrs.nl/soap', false],
    ['saved base URL, under its path', privateSmsGate, 'https://sms.example.org/api/3rdparty/v1/devices', true],
    ['saved base URL, the base itself', privateSmsGate, 'https://sms.example.org/api/3rdparty/v1', true],
    ['saved base URL, outside its path', privateSmsGate, 'https://sms.example.org/other', false],
    ['saved base URL set: provider host no longer allowed', privateSmsGate, 'https://api.sms-gate.app/3rdparty/v1/devices', false],
    ['saved loopback base URL over http', local, 'http://127.0.0.1:40123/v1/api/me/products', true],
    ['saved loopback base URL, other port', local, 'http://127.0.0.1:40124/v1/api/me/products', false],
  ])('%s', (_name, binding, url, allowed) => {
    expect(mayReceiveCredential(binding, url).allowed).toBe(allowed)
  })

  it('says why, naming hosts but no credential', () => {
    const decision = mayReceiveCredential(nmbrsProd, 'https://api-sandbox.nmbrs.nl/soap/v3/x')
    expect(decision).toEqual({ allowed: false, reason: expect.stringContaining('api.nmbrs.nl') })
  })

  it('refuses an environment the provider does not have', () => {
    expect(mayReceiveCredential({ ...nmbrsProd, environment: 'test' }, 'https://api.nmbrs.nl/soap/v3/x').allowed).toBe(false)
  })

  it('every provider environment’s default base URL passes its own binding', () => {
    for (const definition of builtInModules().map((m) => m.definition))
      for (const env of definition.environments) {
        const binding = { definition, environment: env.id, baseUrl: null }
        expect(effectiveBaseUrl(binding)).toBe(env.baseUrl)
        expect(mayReceiveCredential(binding, `${env.baseUrl}/probe`).allowed).toBe(true)
      }
  })
})

describe('mayFollowRedirect', () => {
  const from = 'https://api.nmbrs.nl/soap/v3/DebtorService.asmx'
  it.each([
    ['same origin, within the binding', 'https://api.nmbrs.nl/soap/v3/Other.asmx', true, true],
    ['relative Location, same origin', '/soap/v3/Other.asmx', true, true],
    ['another origin with a credential', 'https://login.example.com/soap/v3/x', true, false],
    ['downgrade to http with a credential', 'http://api.nmbrs.nl/soap/v3/x', true, false],
    ['same origin but outside the binding', 'https://api.nmbrs.nl/elsewhere', true, false],
    ['another origin without a credential', 'https://login.example.com/', false, true],
  ])('%s', (_name, to, carries, allowed) => {
    expect(mayFollowRedirect(nmbrsProd, from, to, carries).allowed).toBe(allowed)
  })
})

describe('normaliseBaseUrl', () => {
  it.each([
    ['https://sms.example.org/api/3rdparty/v1/', { url: 'https://sms.example.org/api/3rdparty/v1' }],
    ['https://m5api.groupcall.com', { url: 'https://m5api.groupcall.com' }],
    ['http://localhost:8080/x', { url: 'http://localhost:8080/x' }],
    ['http://sms.example.org', { problem: expect.stringContaining('https://') }],
    ['ftp://example.org', { problem: expect.stringContaining('https://') }],
    ['https://u:p@example.org', { problem: expect.stringContaining('user name or password') }],
    ['https://example.org/?key=1', { problem: expect.stringContaining('query') }],
    ['https://example.org/\npath', { problem: expect.stringContaining('control') }],
    ['example.org', { problem: expect.stringContaining('full URL') }],
    [`https://example.org/${'a'.repeat(2100)}`, { problem: expect.stringContaining('2048') }],
  ])('%s', (input, expected) => {
    expect(normaliseBaseUrl(input)).toEqual(expected)
  })

  it('problems never repeat the URL', () => {
    const result = normaliseBaseUrl('https://secret-token-in-host@example.org')
    expect(JSON.stringify(result)).not.toContain('secret-token')
  })
})

describe('host helpers', () => {
  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1'].every(isLoopbackHost)).toBe(true)
    expect(['10.0.0.1', 'localhost.example.com', '128.0.0.1'].some(isLoopbackHost)).toBe(false)
  })

  it('knows each provider’s hosts across environments', () => {
    expect(isProviderHost(providerDefinition('groupcall'), 'apitesting.groupcall.com')).toBe(true)
    expect(isProviderHost(providerDefinition('groupcall'), 'API.NMBRS.NL')).toBe(false)
    expect(isProviderHost(providerDefinition('nmbrs'), 'API.NMBRS.NL')).toBe(true)
  })
})

describe('plain http:// on the local network (the phone’s SMSGate Local server)', () => {
  it.each([
    ['10.0.0.5', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.20', true],
    ['192.169.1.20', false],
    ['169.254.10.3', true],
    ['[fe80::1]', true],
    ['pixel-7.local', true],
    ['pixel-7.local.', true],
    ['8.8.8.8', false],
    ['203.0.113.7', false],
    ['[2001:db8::1]', false],
    ['phone.example.com', false],
    ['local', false],
    ['evil.local.example.com', false],
    ['10.0.0.256', false],
  ])('%s is a private-network host: %s', (host, expected) => {
    expect(isPrivateNetworkHost(host)).toBe(expected)
  })

  it('allows loopback always, a private address only with the opt-in, a public address never', () => {
    expect(mayUsePlainHttp('127.0.0.1', false).allowed).toBe(true)
    expect(mayUsePlainHttp('192.168.1.20', false)).toEqual({ allowed: false, reason: expect.stringContaining('allow unencrypted HTTP on my local network') })
    expect(mayUsePlainHttp('192.168.1.20', true).allowed).toBe(true)
    expect(mayUsePlainHttp('203.0.113.7', true)).toEqual({ allowed: false, reason: expect.stringContaining('never') })
  })

  it('saves such a base URL only with the opt-in, and sends to it only with the opt-in', () => {
    expect(normaliseBaseUrl('http://192.168.1.20:8080')).toEqual({ problem: expect.stringContaining('allow unencrypted HTTP on my local network') })
    expect(normaliseBaseUrl('http://192.168.1.20:8080', { allowPrivateHttp: true })).toEqual({ url: 'http://192.168.1.20:8080' })
    expect(normaliseBaseUrl('http://203.0.113.7:8080', { allowPrivateHttp: true })).toEqual({ problem: expect.stringContaining('https://') })
    const phone: CredentialBinding = { definition: providerDefinition('smsgate'), environment: 'production', baseUrl: 'http://192.168.1.20:8080' }
    expect(mayReceiveCredential(phone, 'http://192.168.1.20:8080/device').allowed).toBe(false)
    expect(mayReceiveCredential({ ...phone, allowPrivateHttp: true }, 'http://192.168.1.20:8080/device').allowed).toBe(true)
    const public_: CredentialBinding = { ...phone, baseUrl: 'http://203.0.113.7:8080', allowPrivateHttp: true }
    expect(mayReceiveCredential(public_, 'http://203.0.113.7:8080/device').allowed).toBe(false)
  })
})

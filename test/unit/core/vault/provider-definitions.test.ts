import { describe, expect, it } from 'vitest'
import { PROVIDERS, providerByEnvName } from '../../../../src/core/providers/registry'
import { PROVIDER_IDS } from '../../../../src/shared/model'

describe('provider definitions', () => {
  it('one per provider id, each found by its variable token', () => {
    expect(Object.keys(PROVIDERS).sort()).toEqual([...PROVIDER_IDS].sort())
    for (const id of PROVIDER_IDS) {
      expect(PROVIDERS[id].id).toBe(id)
      expect(providerByEnvName(PROVIDERS[id].envName.toLowerCase())).toBe(PROVIDERS[id])
    }
  })

  it.each(Object.values(PROVIDERS))('$label: fields follow the convention; each environment’s base URL is https on one of its hosts', (definition) => {
    for (const field of definition.fields) {
      expect(field.name).toMatch(/^[A-Z][A-Z0-9_]*$/)
      expect(['BASE_URL', 'ENVIRONMENT', 'SCOPES']).not.toContain(field.name)
    }
    expect(definition.fields.some((f) => f.secret)).toBe(true)
    for (const env of definition.environments) {
      const url = new URL(env.baseUrl)
      expect(url.protocol).toBe('https:')
      expect(env.hosts).toContain(url.hostname)
    }
  })

  it('matches the CLI spec’s required fields and documented hosts', () => {
    const required = (id: keyof typeof PROVIDERS) => PROVIDERS[id].fields.filter((f) => f.required).map((f) => f.name)
    expect(required('groupcall')).toEqual(['CUSTOMER_ID', 'PASSWORD'])
    expect(required('nmbrs')).toEqual(['USERNAME', 'TOKEN'])
    expect(required('authmatech')).toEqual(['API_KEY', 'CLIENT_ID'])
    expect(PROVIDERS.groupcall.environments.map((e) => e.baseUrl)).toEqual(['https://m5api.groupcall.com', 'https://apitesting.groupcall.com'])
    expect(PROVIDERS.nmbrs.environments.map((e) => e.baseUrl)).toEqual(['https://api.nmbrs.nl/soap/v3', 'https://api-sandbox.nmbrs.nl/soap/v3'])
    expect(PROVIDERS.smsgate.environments.map((e) => e.baseUrl)).toEqual(['https://api.sms-gate.app/3rdparty/v1'])
    expect(PROVIDERS.authmatech.environments[0]!.baseUrl).toBe('https://service.authmatech.com')
    expect(PROVIDERS.smsgate.scopes!.defaults.every((s) => PROVIDERS.smsgate.scopes!.known.includes(s))).toBe(true)
  })
})

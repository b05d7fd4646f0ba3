import { describe, expect, it } from 'vitest'
import { builtInModules, providerDefinition } from '../../../../src/core/providers/registry'
import { providerByEnvName } from '../../../../src/core/providers/registry'
import { PROVIDER_IDS, type BuiltInProviderId } from '../../../../src/shared/model'

describe('provider definitions', () => {
  it('one per provider id, each found by its variable token', () => {
    expect(builtInModules().map((m) => m.definition.id).sort()).toEqual([...PROVIDER_IDS].sort())
    for (const id of PROVIDER_IDS) {
      expect(providerDefinition(id).id).toBe(id)
      expect(providerByEnvName(providerDefinition(id).envName.toLowerCase())).toBe(providerDefinition(id))
    }
  })

  it.each(builtInModules().map((m) => m.definition))('$label: fields follow the convention; each environment’s base URL is https on one of its hosts', (definition) => {
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
    const required = (id: BuiltInProviderId) => providerDefinition(id).fields.filter((f) => f.required).map((f) => f.name)
    expect(required('groupcall')).toEqual(['CUSTOMER_ID', 'PASSWORD'])
    expect(required('nmbrs')).toEqual(['USERNAME', 'TOKEN'])
    expect(required('authmatech')).toEqual(['API_KEY', 'CLIENT_ID'])
    expect(providerDefinition('groupcall').environments.map((e) => e.baseUrl)).toEqual(['https://m5api.groupcall.com', 'https://apitesting.groupcall.com'])
    expect(providerDefinition('nmbrs').environments.map((e) => e.baseUrl)).toEqual(['https://api.nmbrs.nl/soap/v3', 'https://api-sandbox.nmbrs.nl/soap/v3'])
    expect(providerDefinition('smsgate').environments.map((e) => e.baseUrl)).toEqual(['https://api.sms-gate.app/3rdparty/v1'])
    expect(providerDefinition('authmatech').environments[0]!.baseUrl).toBe('https://service.authmatech.com')
    expect(providerDefinition('smsgate').scopes!.defaults.every((s) => providerDefinition('smsgate').scopes!.known.includes(s))).toBe(true)
  })
})

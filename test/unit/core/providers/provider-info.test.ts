import { describe, expect, it } from 'vitest'
import { listProviders } from '../../../../src/core/providers/provider-info'
import { PROVIDER_IDS } from '../../../../src/shared/model'

describe('providers:list', () => {
  it('describes every provider with its fields, environments and scopes, as plain data', () => {
    const providers = listProviders()
    expect(providers.map((p) => p.id)).toEqual([...PROVIDER_IDS])
    // Plain data only: it crosses IPC, so no functions (field checks stay in core).
    expect(JSON.parse(JSON.stringify(providers))).toEqual(providers)
    const nmbrs = providers.find((p) => p.id === 'nmbrs')!
    expect(nmbrs.fields.find((f) => f.name === 'TOKEN')).toMatchObject({ secret: true, required: true })
    expect(nmbrs.fields.find((f) => f.name === 'USERNAME')).toMatchObject({ secret: false })
    expect(nmbrs.environments.map((e) => e.id)).toContain('sandbox')
    expect(providers.find((p) => p.id === 'smsgate')!.scopes?.defaults.length).toBeGreaterThan(0)
  })
})

describe('providers:list field facts', () => {
  it('names the shape core checks each field against, and lists only scopes a user may request', () => {
    const providers = listProviders()
    const field = (p: string, f: string) => providers.find((x) => x.id === p)!.fields.find((x) => x.name === f)!
    expect(field('nmbrs', 'USERNAME').shape).toBe('email')
    expect(field('groupcall', 'CUSTOMER_ID').shape).toBe('digits')
    expect(field('smsgate', 'TOKEN').shape).toBe('jwt')
    expect(providers.find((p) => p.id === 'smsgate')!.scopes!.known).not.toContain('tokens:refresh')
  })
})

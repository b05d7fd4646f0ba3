import { describe, expect, it } from 'vitest'
import { listProviders } from '../../../../src/core/providers/provider-info'
import { PROVIDER_IDS } from '../../../../src/shared/model'

describe('providers:list', () => {
  it('offers each account setting’s values, and the plain-HTTP opt-in with its warning', () => {
    const field = (provider: string, name: string) => listProviders().find((p) => p.id === provider)!.fields.find((f) => f.name === name)
    expect(field('groupcall', 'CHANNEL')).toMatchObject({ secret: false, required: false, choices: ['SMS', 'Email', 'App'], multiple: false })
    expect(field('groupcall', 'CHECK')?.hint).toMatch(/empty recipient list.*\+447700900000/)
    expect(field('authmatech', 'PRODUCTS')).toMatchObject({ choices: ['VERIFY', 'TRUST', 'SHIELD', 'DETECT'], multiple: true })
    expect(field('nmbrs', 'USES_DEBTOR_SERVICE')).toMatchObject({ choices: ['yes', 'no'] })
    expect(field('smsgate', 'MODE')).toMatchObject({ choices: ['cloud', 'private', 'local'] })
    expect(field('smsgate', 'ALLOW_LOCAL_HTTP')).toMatchObject({ label: 'Allow unencrypted HTTP on my local network', warning: expect.stringMatching(/unencrypted/) as string })
  })

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

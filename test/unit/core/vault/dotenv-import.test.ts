import { describe, expect, it } from 'vitest'
import { draftOf, groupEnvAccounts, parseDotenv, selects, variableOf } from '../../../../src/core/vault/dotenv-import'

describe('groupEnvAccounts (spec/cli.md variable convention)', () => {
  it('groups by prefix; NAME defaults to the provider id; fields may contain underscores', () => {
    const { accounts, ignored } = groupEnvAccounts({
      SMSGATE_USERNAME: 'ABCDEF',
      SMSGATE_PASSWORD: 'p',
      PROD_NMBRS_USERNAME: 'ops@example.com',
      PROD_NMBRS_TOKEN: 't',
      PROD_NMBRS_DOMAIN: 'acme',
      GROUPCALL_CUSTOMER_ID: '1469',
      GROUPCALL_PASSWORD: 'k',
      EU_WEST_AUTHMATECH_API_KEY: 'a',
      EU_WEST_AUTHMATECH_CLIENT_ID: 'c',
      PATH: '/usr/bin',
      HOME: '/root',
    })
    expect(accounts.map((a) => [a.name, a.provider]).sort()).toEqual([
      ['EU_WEST_AUTHMATECH', 'authmatech'],
      ['GROUPCALL', 'groupcall'],
      ['PROD_NMBRS', 'nmbrs'],
      ['SMSGATE', 'smsgate'],
    ])
    expect(accounts.find((a) => a.name === 'PROD_NMBRS')!.values).toEqual({ USERNAME: 'ops@example.com', TOKEN: 't', DOMAIN: 'acme' })
    expect(accounts.find((a) => a.name === 'GROUPCALL')!.values).toEqual({ CUSTOMER_ID: '1469', PASSWORD: 'k' })
    expect(ignored).toEqual([])
  })

  it('a NAME may itself be a provider token', () => {
    const { accounts } = groupEnvAccounts({ NMBRS_SMSGATE_USERNAME: 'U', NMBRS_SMSGATE_PASSWORD: 'p' })
    expect(accounts).toEqual([{ name: 'NMBRS_SMSGATE', provider: 'smsgate', values: { USERNAME: 'U', PASSWORD: 'p' } }])
  })

  it('reports variables that name a provider but no field of it, by name only', () => {
    const { ignored } = groupEnvAccounts({ SMSGATE_PASWORD: 'secret-value' })
    expect(ignored).toEqual([{ variable: 'SMSGATE_PASWORD', reason: expect.stringContaining('typo') }])
    expect(JSON.stringify(ignored)).not.toContain('secret-value')
  })

  it('parses dotenv syntax: comments, quotes, export, BOM', () => {
    expect(parseDotenv('\uFEFF# c\nexport SMSGATE_USERNAME=ABC\nSMSGATE_PASSWORD="p w"\n')).toEqual({ SMSGATE_USERNAME: 'ABC', SMSGATE_PASSWORD: 'p w' })
  })
})

describe('draftOf', () => {
  it('maps BASE_URL, ENVIRONMENT and SCOPES; the file’s base URL counts as confirmed', () => {
    const { draft, problems } = draftOf({
      name: 'X_SMSGATE',
      provider: 'smsgate',
      values: { TOKEN: 'a.b.c', BASE_URL: 'https://sms.example.org/api/3rdparty/v1', SCOPES: 'messages:send, devices:list' },
    })
    expect(problems).toEqual([])
    expect(draft).toMatchObject({ label: 'X_SMSGATE', baseUrl: 'https://sms.example.org/api/3rdparty/v1', confirmUnlistedHost: true, fields: { TOKEN: 'a.b.c' } })
    expect(draft.scopes).toEqual(['messages:send', ' devices:list'])
  })

  it('reports an unknown ENVIRONMENT', () => {
    expect(draftOf({ name: 'NMBRS', provider: 'nmbrs', values: { ENVIRONMENT: 'staging' } }).problems).toEqual([
      { field: 'environment', message: expect.stringContaining('production, sandbox, test') },
    ])
    expect(draftOf({ name: 'NMBRS', provider: 'nmbrs', values: { ENVIRONMENT: 'Sandbox' } }).draft.environment).toBe('sandbox')
  })
})

describe('selects and variableOf', () => {
  const account = { name: 'PROD_NMBRS', provider: 'nmbrs' as const, values: {} }
  it('--only matches the full name or NAME alone, case-insensitively', () => {
    expect(selects(undefined, account)).toBe(true)
    expect(selects(['prod_nmbrs'], account)).toBe(true)
    expect(selects(['PROD'], account)).toBe(true)
    expect(selects(['STAGING'], account)).toBe(false)
  })

  it('names the variable a problem is about', () => {
    expect(variableOf(account, 'fields.TOKEN')).toBe('PROD_NMBRS_TOKEN')
    expect(variableOf(account, 'baseUrl')).toBe('PROD_NMBRS_BASE_URL')
    expect(variableOf(account, 'scopes.1')).toBe('PROD_NMBRS_SCOPES')
    expect(variableOf(account, 'label')).toBe('PROD_NMBRS')
  })
})

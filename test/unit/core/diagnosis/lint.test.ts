import { describe, expect, it } from 'vitest'
import { lintAccount, type LintInput } from '../../../../src/core/diagnosis/lint'
import { lintSmsGate } from '../../../../src/core/providers/smsgate/lint'
import { signHs256 } from '../../../../src/core/providers/smsgate/jwt'
import { providerDefinition } from '../../../../src/core/providers/registry'
import type { BuiltInProviderId } from '../../../../src/shared/model'

const SECRET = 'c2a4f0e1-6b3d-4e8a-9f71-5d2b8c0e4a13'
const JWT = signHs256({ sub: 'VALID1', exp: 2_000_000_000, scopes: ['devices:list'] }, 'x'.repeat(32))
const input = (fields: Record<string, string>, extra: Partial<LintInput> = {}): LintInput => ({ fields, baseUrl: null, environment: null, scopes: null, ...extra })
const lint = (provider: BuiltInProviderId, fields: Record<string, string>, extra: Partial<LintInput> = {}) => lintAccount(providerDefinition(provider), input(fields, extra))

describe('lintAccount', () => {
  it('passes well-formed accounts of every provider', () => {
    expect(lint('groupcall', { CUSTOMER_ID: '1469', PASSWORD: SECRET })).toEqual([])
    expect(lint('nmbrs', { USERNAME: 'api@acme.example', TOKEN: SECRET.replaceAll('-', ''), DOMAIN: 'acme' })).toEqual([])
    expect(lint('smsgate', { TOKEN: JWT }, { scopes: 'devices:list,messages:send' })).toEqual([])
    expect(lint('authmatech', { API_KEY: SECRET, CLIENT_ID: 'client-1' }, { baseUrl: 'https://service.authmatech.com' })).toEqual([])
  })

  it('a base URL ending in the /v1 every Authmatech path starts with is named before anything is sent (not joined to /v1/v1)', () => {
    const problems = lint('authmatech', { API_KEY: SECRET, CLIENT_ID: 'client-1' }, { baseUrl: 'https://service.authmatech.com/v1/' })
    expect(problems).toEqual([{ field: 'BASE_URL', cause: 'config.invalid', message: expect.stringContaining('must not end in /v1') }])
    expect(problems[0]!.message).toContain('use https://service.authmatech.com')
    // SMSGate's own base URL ends in /v1 legitimately: its paths do not start with it.
    expect(lint('smsgate', { TOKEN: JWT }, { baseUrl: 'https://api.sms-gate.app/3rdparty/v1', scopes: 'devices:list' })).toEqual([])
  })

  it.each([
    ['an empty required field', 'groupcall', { CUSTOMER_ID: '1469', PASSWORD: '' }, 'PASSWORD'],
    ['an absent required field', 'authmatech', { API_KEY: SECRET }, 'CLIENT_ID'],
    ['SMSGate with neither a password nor a token', 'smsgate', { USERNAME: 'VALID1' }, 'PASSWORD'],
  ] as const)('%s → credentials.missing', (_name, provider, fields, field) => {
    const [first] = lint(provider, fields)
    expect(first).toMatchObject({ cause: 'credentials.missing', field })
  })

  it.each([
    ['a trailing line break', 'nmbrs', 'TOKEN', `${SECRET}\n`, /line breaks/],
    ['a leading space', 'groupcall', 'PASSWORD', ` ${SECRET}`, /start or end with a space/],
    ['quotes around it', 'authmatech', 'API_KEY', `"${SECRET}"`, /quotes/],
    ['a JWT in a password field', 'groupcall', 'PASSWORD', JWT, /looks like a JWT/],
    ['a JWT in the SMSGate password', 'smsgate', 'PASSWORD', JWT, /looks like a JWT/],
    ['an e-mail where a token belongs', 'nmbrs', 'TOKEN', 'api@acme.example', /e-mail address/],
    ['a "Bearer " prefix', 'smsgate', 'TOKEN', `Bearer ${JWT}`, /authorization scheme/],
    ['a pasted assignment', 'authmatech', 'API_KEY', `API_KEY=${SECRET}`, /variable assignment/],
    ['a token that is not three parts', 'smsgate', 'TOKEN', 'eyJhbGciOiJIUzI1NiJ9.not-a-jwt', /three base64url parts/],
    ['letters in the Groupcall customer id', 'groupcall', 'CUSTOMER_ID', '14a9', /digits only/],
    ['a URL as the Nmbrs domain', 'nmbrs', 'DOMAIN', 'https://acme.nmbrs.nl/', /host name/],
  ] as const)('%s → credentials.malformed', (_name, provider, field, value, message) => {
    const base: Record<BuiltInProviderId, Record<string, string>> = {
      groupcall: { CUSTOMER_ID: '1469', PASSWORD: SECRET },
      nmbrs: { USERNAME: 'api@acme.example', TOKEN: 'abcdef0123456789', DOMAIN: 'acme' },
      smsgate: { USERNAME: 'VALID1', PASSWORD: 'k3x9-fq2m_p8zt' },
      authmatech: { API_KEY: SECRET, CLIENT_ID: 'client-1' },
    }
    const problems = lint(provider, { ...base[provider], [field]: value })
    expect(problems[0]).toMatchObject({ cause: 'credentials.malformed', field })
    expect(problems[0]!.message).toMatch(message)
  })

  it('never repeats the value in its message', () => {
    const values = [`${SECRET}\n`, ` ${SECRET}`, `"${SECRET}"`, JWT, `API_KEY=${SECRET}`, `Bearer ${SECRET}`]
    for (const value of values) {
      for (const problem of lint('groupcall', { CUSTOMER_ID: '1469', PASSWORD: value })) {
        expect(problem.message).not.toContain(SECRET)
        expect(problem.message).not.toContain(JWT.slice(0, 20))
      }
    }
  })

  it('checks BASE_URL, ENVIRONMENT and SCOPES too', () => {
    const fields = { USERNAME: 'VALID1', PASSWORD: 'k3x9-fq2m_p8zt' }
    expect(lint('smsgate', fields, { baseUrl: 'http://sms.example.org/api/3rdparty/v1' })[0]).toMatchObject({ field: 'BASE_URL' })
    expect(lint('smsgate', fields, { scopes: 'devices:list,devices:lsit' })[0]).toMatchObject({ field: 'SCOPES' })
    expect(lint('nmbrs', { USERNAME: 'a@b.example', TOKEN: 'abcdef0123' }, { environment: 'test' })[0]).toMatchObject({ field: 'ENVIRONMENT' })
    expect(lint('groupcall', { CUSTOMER_ID: '1469', PASSWORD: SECRET }, { environment: 'test' })).toEqual([])
  })

  it('lists missing fields before malformed ones', () => {
    const problems = lint('groupcall', { CUSTOMER_ID: 'abc', PASSWORD: '' })
    expect(problems.map((p) => p.cause)).toEqual(['credentials.missing', 'credentials.malformed'])
  })
})

describe('lintSmsGate', () => {
  const refresh = signHs256({ sub: 'VALID1', exp: 2_000_000_000, scopes: ['tokens:refresh'], original_scopes: ['devices:list'] }, 'x'.repeat(32))

  it('refuses a JWT whose parts do not decode, or whose claims are mistyped', () => {
    expect(lintSmsGate({ TOKEN: 'aaaaaaaaaa.bbbbbbbbbb.cccc' })[0]).toMatchObject({ field: 'TOKEN', cause: 'credentials.malformed' })
    const mistyped = signHs256({ exp: 'tomorrow' }, 'x'.repeat(32))
    expect(lintSmsGate({ TOKEN: mistyped })[0]!.message).toMatch(/wrong type/)
  })

  it('spots the access and refresh tokens swapped', () => {
    expect(lintSmsGate({ TOKEN: refresh })[0]!.message).toMatch(/is a refresh token/)
    expect(lintSmsGate({ TOKEN: JWT, REFRESH_TOKEN: JWT })[0]).toMatchObject({ field: 'REFRESH_TOKEN' })
    expect(lintSmsGate({ TOKEN: JWT, REFRESH_TOKEN: refresh })).toEqual([])
  })
})

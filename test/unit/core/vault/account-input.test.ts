import { describe, expect, it } from 'vitest'
import { e164 } from '../../../../src/core/providers/field-shapes'
import { providerDefinition } from '../../../../src/core/providers/registry'
import { checkDraft, problemError, type AccountDraft } from '../../../../src/core/vault/account-input'

const SECRET = 'S3cr3t-VALUE-never-echoed'
const free = () => false

function problems(draft: AccountDraft) {
  return checkDraft(draft, free).problems
}

const valid: Record<string, AccountDraft> = {
  groupcall: { label: 'GC', provider: 'groupcall', fields: { CUSTOMER_ID: '1469', PASSWORD: SECRET } },
  nmbrs: { label: 'NM', provider: 'nmbrs', fields: { USERNAME: 'ops@example.com', TOKEN: SECRET, DOMAIN: 'acme' } },
  smsgateBasic: { label: 'SG', provider: 'smsgate', fields: { USERNAME: 'ABCDEF', PASSWORD: SECRET } },
  smsgateJwt: { label: 'SGJ', provider: 'smsgate', fields: { TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' } },
  authmatech: { label: 'AM', provider: 'authmatech', environment: 'sandbox', fields: { API_KEY: SECRET, CLIENT_ID: 'client-1' } },
}

describe('checkDraft: valid accounts of every provider', () => {
  it.each(Object.entries(valid))('%s', (_name, draft) => {
    const { value, problems } = checkDraft(draft, free)
    expect(problems).toEqual([])
    const secretNames = providerDefinition(draft.provider).fields.filter((f) => f.secret).map((f) => f.name)
    expect(Object.keys(value.secret).every((n) => secretNames.includes(n))).toBe(true)
    expect(Object.keys(value.plain).some((n) => secretNames.includes(n))).toBe(false)
  })

  it('fills in defaults: first environment; no SMSGate scope is required unless the account declares it', () => {
    const { value } = checkDraft(valid.smsgateBasic!, free)
    expect(value.environment).toBe('production')
    expect(value.scopes).toEqual([])
    expect(checkDraft({ ...valid.smsgateBasic!, scopes: [] }, free).value.scopes).toEqual([])
  })

  it('saves plain http:// only to a private-network address, and only with the opt-in', () => {
    const draft = { ...valid.smsgateBasic!, baseUrl: 'http://192.168.1.20:8080', confirmUnlistedHost: true, fields: { ...valid.smsgateBasic!.fields, MODE: 'local' } }
    expect(checkDraft(draft, free).problems.find((p) => p.field === 'baseUrl')?.message).toMatch(/allow unencrypted HTTP on my local network/)
    const optedIn = { ...draft, fields: { ...draft.fields, ALLOW_LOCAL_HTTP: 'yes' } }
    expect(checkDraft(optedIn, free).problems).toEqual([])
    expect(checkDraft({ ...optedIn, baseUrl: 'http://203.0.113.7:8080' }, free).problems.find((p) => p.field === 'baseUrl')?.message).toMatch(/https:\/\//)
  })
})

describe('checkDraft: every bad field gets a field-named error that never repeats the value', () => {
  const nm = valid.nmbrs!
  it.each<[string, AccountDraft, string, RegExp]>([
    ['Nmbrs username not an e-mail', { ...nm, fields: { ...nm.fields, USERNAME: 'ops.example.com' } }, 'fields.USERNAME', /e-mail/],
    ['missing required secret', { ...nm, fields: { USERNAME: 'ops@example.com' } }, 'fields.TOKEN', /required/],
    ['empty string counts as missing', { ...nm, fields: { ...nm.fields, TOKEN: '' } }, 'fields.TOKEN', /required/],
    ['secret with a line break', { ...nm, fields: { ...nm.fields, TOKEN: `${SECRET}\n` } }, 'fields.TOKEN', /line breaks/],
    ['secret with a zero-width space', { ...nm, fields: { ...nm.fields, TOKEN: `${SECRET}\u200b` } }, 'fields.TOKEN', /invisible/],
    ['secret with a trailing space', { ...nm, fields: { ...nm.fields, TOKEN: `${SECRET} ` } }, 'fields.TOKEN', /start or end with a space/],
    ['secret in quotes', { ...nm, fields: { ...nm.fields, TOKEN: `"${SECRET}"` } }, 'fields.TOKEN', /quotes/],
    ['secret too long', { ...nm, fields: { ...nm.fields, TOKEN: SECRET.repeat(20) } }, 'fields.TOKEN', /at most 256/],
    ['unknown field', { ...nm, fields: { ...nm.fields, PASSWORD: SECRET } }, 'fields.PASSWORD', /no field PASSWORD/],
    ['bad domain', { ...nm, fields: { ...nm.fields, DOMAIN: 'acme nmbrs' } }, 'fields.DOMAIN', /host name/],
    ['environment the provider lacks', { ...nm, environment: 'test' }, 'environment', /no test environment/],
    ['empty label', { ...nm, label: '   ' }, 'label', /required/],
    ['label too long', { ...nm, label: 'x'.repeat(81) }, 'label', /at most 80/],
    ['label with control characters', { ...nm, label: 'a\u0007b' }, 'label', /control/],
    ['notes with control characters', { ...nm, notes: 'ok\u0000' }, 'notes', /control/],
    ['notes too long', { ...nm, notes: 'x'.repeat(4001) }, 'notes', /at most 4000/],
    ['base URL not https', { ...nm, baseUrl: 'http://api.nmbrs.nl/soap/v3' }, 'baseUrl', /https/],
    ['base URL with credentials', { ...nm, baseUrl: `https://u:${SECRET}@api.nmbrs.nl` }, 'baseUrl', /user name or password/],
    ['unlisted host without confirmation', { ...nm, baseUrl: 'https://nmbrs.example.com/soap/v3' }, 'baseUrl', /Confirm/],
    ['scopes on a provider without scopes', { ...nm, scopes: ['messages:send'] }, 'scopes', /no scopes/],
    ['Groupcall customer id not digits', { ...valid.groupcall!, fields: { CUSTOMER_ID: 'abc', PASSWORD: SECRET } }, 'fields.CUSTOMER_ID', /digits/],
    ['SMSGate JWT not three parts', { ...valid.smsgateJwt!, fields: { TOKEN: 'abc.def' } }, 'fields.TOKEN', /three base64url parts/],
    ['SMSGate JWT with Bearer prefix', { ...valid.smsgateJwt!, fields: { TOKEN: 'Bearer a.b.c' } }, 'fields.TOKEN', /Bearer/],
    ['SMSGate username without password', { ...valid.smsgateBasic!, fields: { USERNAME: 'ABCDEF' } }, 'fields.PASSWORD', /required with USERNAME/],
    ['SMSGate nothing usable', { ...valid.smsgateBasic!, fields: {} }, 'fields.USERNAME', /USERNAME and PASSWORD, or a TOKEN/],
    ['SMSGate unknown scope', { ...valid.smsgateBasic!, scopes: ['messages:sned'] }, 'scopes.0', /not a SMSGate scope/],
    ['SMSGate reserved scope', { ...valid.smsgateBasic!, scopes: ['tokens:refresh'] }, 'scopes.0', /added by SMSGate itself/],
    ['Authmatech base URL ending in /v1 (would send to /v1/v1)', { ...valid.authmatech!, baseUrl: 'https://service.authmatech.com/v1' }, 'baseUrl', /must not end in \/v1.*use https:\/\/service\.authmatech\.com\)/],
  ])('%s', (_name, draft, field, message) => {
    const found = problems(draft)
    expect(found.map((p) => p.field)).toContain(field)
    expect(found.find((p) => p.field === field)!.message).toMatch(message)
    expect(JSON.stringify(found)).not.toContain(SECRET)
  })

  it('accepts an unlisted host when confirmed, and marks it', () => {
    const { value, problems } = checkDraft({ ...nm, baseUrl: 'https://nmbrs.example.com/soap/v3/', confirmUnlistedHost: true }, free)
    expect(problems).toEqual([])
    expect(value).toMatchObject({ baseUrl: 'https://nmbrs.example.com/soap/v3', baseUrlUnlisted: true })
  })

  it('a provider host needs no confirmation, even another environment’s', () => {
    expect(problems({ ...nm, baseUrl: 'https://api-sandbox.nmbrs.nl/soap/v3' })).toEqual([])
  })

  it('refuses a label that another account uses (case-insensitively)', () => {
    expect(checkDraft(nm, (l) => l === 'NM').problems).toEqual([{ field: 'label', message: expect.stringContaining('already used') }])
  })

  it('collects every problem, and the error names the first and counts the rest', () => {
    const found = problems({ ...nm, label: '', fields: { USERNAME: 'x', TOKEN: ' y' } })
    expect(found.length).toBeGreaterThanOrEqual(3)
    const error = problemError(found)
    expect(error).toMatchObject({ code: 'account.invalid', field: 'label', message: expect.stringContaining('more problems') })
  })

  it('the confirmation problem has its own code', () => {
    expect(problemError(problems({ ...nm, baseUrl: 'https://nmbrs.example.com' })).code).toBe('account.host-unconfirmed')
  })
})

describe('e164', () => {
  it.each([
    ['+447700900123', null],
    ['+962791234567', null],
    ['0791234567', 'E.164'],
    ['+962 79 123 4567', 'E.164'],
    ['+962-79-1234567', 'E.164'],
    ['+0123456789', 'E.164'],
  ])('%s', (value, problem) => {
    const result = e164(value)
    if (problem === null) expect(result).toBeNull()
    else expect(result).toContain(problem)
  })
})

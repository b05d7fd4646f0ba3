import { describe, expect, it } from 'vitest'
import type { AccountView, ProviderInfo } from '../../../src/shared/model'
import { createRequest, errorKey, initialForm, unlistedHost, updateRequest } from '../../../src/renderer/src/features/accounts/utils/account-form'

const SMSGATE: ProviderInfo = {
  id: 'smsgate',
  label: 'SMSGate',
  capabilities: { tokens: true, keyRotation: false, revokesTokens: true, tokenLifetime: true, tokenIssuerFields: ['USERNAME', 'PASSWORD'] },
  fields: [
    { name: 'USERNAME', label: 'Username', secret: false, required: false, hint: '', maxLength: 64, shape: null },
    { name: 'PASSWORD', label: 'Password', secret: true, required: false, hint: '', maxLength: 256, shape: null },
    { name: 'TOKEN', label: 'Access token (JWT)', secret: true, required: false, hint: '', maxLength: 8192, shape: 'jwt' },
  ],
  environments: [{ id: 'production', label: 'Cloud', baseUrl: 'https://api.sms-gate.app/3rdparty/v1', hosts: ['api.sms-gate.app'] }],
  scopes: { known: ['messages:send', 'devices:list'], defaults: ['messages:send'] },
}

const set = (tail: string) => ({ set: true, fingerprint: `fp-${tail}`, maskedTail: `••••${tail}` })
const ACCOUNT: AccountView = {
  id: 'a1',
  label: 'Gateway',
  provider: 'smsgate',
  environment: 'production',
  baseUrl: null,
  baseUrlConfirmedAt: null,
  fields: { USERNAME: 'GW7KQ2' },
  secrets: { PASSWORD: set('2026'), TOKEN: set('abcd') },
  scopes: ['messages:send'],
  notes: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastRotatedAt: null,
  secretsStatus: 'keychain',
  problems: [],
}

describe('account editor requests', () => {
  it('a new account sends what was typed, no scope it did not declare, and no empty field', () => {
    const form = { ...initialForm(SMSGATE), label: 'Gateway', plain: { USERNAME: 'GW7KQ2' } }
    expect(createRequest(SMSGATE, form, { PASSWORD: 'pw-123456', TOKEN: '' })).toEqual({
      label: 'Gateway',
      provider: 'smsgate',
      environment: 'production',
      baseUrl: null,
      confirmUnlistedHost: false,
      fields: { USERNAME: 'GW7KQ2', PASSWORD: 'pw-123456' },
      scopes: [],
      notes: '',
    })
  })

  it('an edit sends only what changed: a replaced secret, a cleared one, nothing for kept ones', () => {
    const form = { ...initialForm(SMSGATE, ACCOUNT), secretModes: { PASSWORD: 'replace' as const, TOKEN: 'clear' as const } }
    expect(updateRequest(SMSGATE, ACCOUNT, form, { PASSWORD: 'new-password-2027' })).toEqual({ id: 'a1', fields: { PASSWORD: 'new-password-2027', TOKEN: null } })
    const unchanged = initialForm(SMSGATE, ACCOUNT)
    expect(updateRequest(SMSGATE, ACCOUNT, unchanged, {})).toEqual({ id: 'a1' })
    const replaceLeftEmpty = { ...unchanged, secretModes: { PASSWORD: 'replace' as const, TOKEN: 'keep' as const } }
    expect(updateRequest(SMSGATE, ACCOUNT, replaceLeftEmpty, { PASSWORD: '' })).toEqual({ id: 'a1' })
  })

  it('an emptied plain field is cleared; a new base URL carries its confirmation', () => {
    const form = { ...initialForm(SMSGATE, ACCOUNT), plain: { USERNAME: '' }, baseUrl: 'https://sms.example.org/api', confirmHost: true }
    expect(updateRequest(SMSGATE, ACCOUNT, form, {})).toEqual({ id: 'a1', fields: { USERNAME: null }, baseUrl: 'https://sms.example.org/api', confirmUnlistedHost: true })
  })

  it('knows which hosts are the provider’s own', () => {
    expect(unlistedHost(SMSGATE, 'https://api.sms-gate.app/3rdparty/v1')).toBeNull()
    expect(unlistedHost(SMSGATE, 'https://sms.example.org/api')).toBe('sms.example.org')
    expect(unlistedHost(SMSGATE, 'not a url')).toBeNull()
    expect(unlistedHost(SMSGATE, '')).toBeNull()
  })

  it('maps server error fields to form fields', () => {
    expect(errorKey('fields.PASSWORD')).toBe('fields.PASSWORD')
    expect(errorKey('scopes.3')).toBe('scopes')
    expect(errorKey(undefined)).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import type { AccountView, ProviderInfo } from '../../../src/shared/model'
import { buildRows, countByState, matchRows, visibleRows } from '../../../src/renderer/src/features/accounts/utils/account-rows'
import { tableItems } from '../../../src/renderer/src/features/accounts/utils/triage'
import { credentialSummary } from '../../../src/renderer/src/features/accounts/utils/secrets-summary'
import type { HealthSummary } from '../../../src/renderer/src/lib/health-summary'

const provider = (id: ProviderInfo['id'], label: string): ProviderInfo => ({ id, label, capabilities: { tokens: false, keyRotation: false, revokesTokens: false, tokenLifetime: false, tokenIssuerFields: [] }, fields: [], environments: [{ id: 'production', label: 'Production', baseUrl: 'https://x', hosts: ['x'] }], scopes: null })
const PROVIDERS = [provider('nmbrs', 'Nmbrs (SOAP v3)'), provider('groupcall', 'Groupcall Messenger')]

const account = (id: string, label: string, p: AccountView['provider'], fields: Record<string, string> = {}): AccountView => ({
  id,
  label,
  provider: p,
  environment: 'production',
  baseUrl: null,
  baseUrlConfirmedAt: null,
  fields,
  secrets: { TOKEN: { set: true, fingerprint: 'f', maskedTail: '••••9f5e' } },
  scopes: [],
  notes: '',
  createdAt: '',
  updatedAt: '',
  lastRotatedAt: null,
  secretsStatus: 'keychain',
  problems: [],
})

const ACCOUNTS = [account('1', 'Payroll 10', 'nmbrs', { USERNAME: 'pay@example.com' }), account('2', 'Payroll 9', 'nmbrs'), account('3', 'School SMS', 'groupcall', { CUSTOMER_ID: '1469' })]
const failing: HealthSummary = { state: 'failing', cause: 'credentials.invalid', summary: 'Credentials rejected', checkedAt: '2026-01-02T00:00:00Z' }

describe('dashboard rows', () => {
  const rows = buildRows(ACCOUNTS, PROVIDERS, new Map([['3', failing]]))
  const all = { search: '', provider: 'all' as const, state: 'all' as const, sort: 'label' as const, direction: 'asc' as const }

  it('are unchecked without a diagnosis, and carry provider and environment labels', () => {
    expect(rows.map((r) => [r.health.state, r.providerLabel, r.environmentLabel])).toEqual([
      ['unchecked', 'Nmbrs (SOAP v3)', 'Production'],
      ['unchecked', 'Nmbrs (SOAP v3)', 'Production'],
      ['failing', 'Groupcall Messenger', 'Production'],
    ])
  })

  it('match every search word against label, provider, fields and summary', () => {
    expect(matchRows(rows, { search: 'payroll EXAMPLE', provider: 'all' }).map((r) => r.account.id)).toEqual(['1'])
    expect(matchRows(rows, { search: '1469', provider: 'all' }).map((r) => r.account.id)).toEqual(['3'])
    expect(matchRows(rows, { search: 'rejected', provider: 'all' }).map((r) => r.account.id)).toEqual(['3'])
    expect(matchRows(rows, { search: '', provider: 'groupcall' }).map((r) => r.account.id)).toEqual(['3'])
  })

  it('sort naturally by label, most urgent first by state, and filter by state', () => {
    expect(visibleRows(rows, all).map((r) => r.account.label)).toEqual(['Payroll 9', 'Payroll 10', 'School SMS'])
    expect(visibleRows(rows, { ...all, direction: 'desc' }).map((r) => r.account.label)).toEqual(['School SMS', 'Payroll 10', 'Payroll 9'])
    expect(visibleRows(rows, { ...all, sort: 'state' }).map((r) => r.account.id)).toEqual(['3', '2', '1'])
    expect(visibleRows(rows, { ...all, state: 'failing' }).map((r) => r.account.id)).toEqual(['3'])
    expect(countByState(rows)).toEqual({ healthy: 0, degraded: 0, failing: 1, unknown: 0, unchecked: 2 })
  })

  it('summarise credentials with masked secrets only', () => {
    expect(credentialSummary(ACCOUNTS[0]!)).toBe('TOKEN ••••9f5e · USERNAME pay@example.com')
  })
})

describe('triage order', () => {
  const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`
  const health = (state: HealthSummary['state'], cause: HealthSummary['cause'], lastHealthyAt: string | null): HealthSummary => ({ state, cause, summary: cause ?? 'Accepted', checkedAt: at(20), lastHealthyAt })
  const accounts = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => account(id, `Account ${id}`, 'nmbrs'))
  const rows = buildRows(accounts, PROVIDERS, new Map<string, HealthSummary>([
    ['a', health('healthy', 'ok', at(20))],
    ['b', health('unknown', 'network.timeout', at(10))],
    ['c', health('failing', 'credentials.invalid', at(5))],
    ['d', health('failing', 'domain.invalid', at(1))],
    ['e', health('failing', 'credentials.invalid', null)],
    ['f', health('failing', 'credentials.invalid', at(15))],
  ]))
  const sorted = visibleRows(rows, { search: '', provider: 'all', state: 'all', sort: 'triage', direction: 'asc' })

  it('puts failing first, then unknown, unchecked and healthy; the longest broken (never worked first) leads each state', () => {
    expect(sorted.map((r) => r.account.id)).toEqual(['e', 'd', 'c', 'f', 'b', 'g', 'a'])
  })

  it('gathers a cause shared by three or more accounts under one heading where its first account stands', () => {
    const items = tableItems(sorted, true)
    expect(items.map((i) => (i.kind === 'group' ? `${i.count}×${i.cause}` : i.key))).toEqual(['3×credentials.invalid', 'e', 'c', 'f', 'd', 'b', 'g', 'a'])
    expect(tableItems(sorted, false).every((i) => i.kind === 'row')).toBe(true)
  })
})

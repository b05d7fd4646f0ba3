/**
 * The dashboard's rows: accounts joined with their health and countdown, then filtered and
 * sorted. Pure functions, so the 1,000-account case is cheap to test and to measure.
 */
import type { AccountView, HealthState, ProviderInfo } from '@shared/model'
import type { HealthSummary, CountdownTarget } from '@renderer/lib/health-summary'
import { STATE_ORDER } from '@renderer/components/health-states'
import type { DashboardFilters } from '../stores/dashboard-filters'
import { compareTriage } from './triage'

export interface AccountRow {
  readonly account: AccountView
  readonly health: HealthSummary
  readonly countdown: CountdownTarget | null
  readonly providerLabel: string
  readonly environmentLabel: string
  /** Lower-case text the search box matches against. */
  readonly haystack: string
}

export const UNCHECKED: HealthSummary = { state: 'unchecked', cause: null, summary: 'Not checked yet', checkedAt: null }

export function buildRows(
  accounts: ReadonlyArray<AccountView>,
  providers: ReadonlyArray<ProviderInfo>,
  healthById?: ReadonlyMap<string, HealthSummary>,
  countdownById?: ReadonlyMap<string, CountdownTarget>,
): AccountRow[] {
  const byId = new Map(providers.map((p) => [p.id, p]))
  return accounts.map((account) => {
    const provider = byId.get(account.provider)
    const providerLabel = provider?.label ?? account.provider
    const environmentLabel = provider?.environments.find((e) => e.id === account.environment)?.label ?? account.environment
    const health = healthById?.get(account.id) ?? UNCHECKED
    const haystack = [account.label, providerLabel, environmentLabel, health.summary, health.detail ?? '', ...Object.values(account.fields)].join('\n').toLowerCase()
    return { account, health, countdown: countdownById?.get(account.id) ?? null, providerLabel, environmentLabel, haystack }
  })
}

/** Rows matching the search and provider (the state filter is applied separately, for the counts). */
export function matchRows(rows: ReadonlyArray<AccountRow>, filters: Pick<DashboardFilters, 'search' | 'provider'>): AccountRow[] {
  const terms = filters.search.toLowerCase().split(/\s+/).filter(Boolean)
  return rows.filter((r) => (filters.provider === 'all' || r.account.provider === filters.provider) && terms.every((t) => r.haystack.includes(t)))
}

export function countByState(rows: ReadonlyArray<AccountRow>): Record<HealthState, number> {
  const counts: Record<HealthState, number> = { healthy: 0, degraded: 0, failing: 0, unknown: 0, unchecked: 0 }
  for (const row of rows) counts[row.health.state]++
  return counts
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function compare(a: AccountRow, b: AccountRow, key: DashboardFilters['sort']): number {
  switch (key) {
    case 'triage':
      return compareTriage(a, b)
    case 'label':
      return collator.compare(a.account.label, b.account.label)
    case 'provider':
      return collator.compare(a.providerLabel, b.providerLabel) || collator.compare(a.environmentLabel, b.environmentLabel)
    case 'state':
      return STATE_ORDER.indexOf(a.health.state) - STATE_ORDER.indexOf(b.health.state)
    case 'checked':
      return (a.health.checkedAt ?? '').localeCompare(b.health.checkedAt ?? '')
  }
}

export function visibleRows(rows: ReadonlyArray<AccountRow>, filters: DashboardFilters): AccountRow[] {
  const shown = filters.state === 'all' ? [...rows] : rows.filter((r) => r.health.state === filters.state)
  const sign = filters.direction === 'asc' ? 1 : -1
  return shown.sort((a, b) => sign * compare(a, b, filters.sort) || collator.compare(a.account.label, b.account.label))
}

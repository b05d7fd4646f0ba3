import type { HealthState, ProviderId, ProviderInfo } from '../../../../../../shared/model'
import { HEALTH_META, STATE_ORDER } from '../../../../components/health-states'
import { Icon } from '../../../../components/icon'
import { useDashboardFilters } from '../../stores/dashboard-filters'

/** Search, state filter (with counts) and provider filter above the account list. */
export function FilterBar({ counts, total, providers }: { readonly counts: Record<HealthState, number>; readonly total: number; readonly providers: ReadonlyArray<ProviderInfo> }) {
  const { search, state, provider, setSearch, setState, setProvider } = useDashboardFilters()
  const options: ReadonlyArray<{ value: HealthState | 'all'; label: string; count: number }> = [
    { value: 'all', label: 'All', count: total },
    ...STATE_ORDER.map((s) => ({ value: s, label: HEALTH_META[s].label, count: counts[s] })),
  ]
  return (
    <div className="filter-bar">
      <div className="search-box">
        <Icon name="search" className="search-icon" />
        <label htmlFor="account-search" className="sr-only">
          Search accounts
        </label>
        <input
          id="account-search"
          type="search"
          className="input"
          placeholder="Search accounts"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <label htmlFor="provider-filter" className="sr-only">
        Filter by provider
      </label>
      <select id="provider-filter" className="select provider-filter" value={provider} onChange={(event) => setProvider(event.target.value as ProviderId | 'all')}>
        <option value="all">All providers</option>
        {providers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <fieldset className="state-filter">
        <legend className="sr-only">Filter by state</legend>
        {options.map((option) => (
          <label key={option.value} className={`state-chip${state === option.value ? ' is-selected' : ''}`} data-state={option.value}>
            <input type="radio" name="state-filter" value={option.value} checked={state === option.value} onChange={() => setState(option.value)} className="sr-only" />
            {option.value !== 'all' && <Icon name={HEALTH_META[option.value].icon} size={14} className={`state-${option.value}-icon`} />}
            {option.label}
            <span className="chip-count">{option.count}</span>
          </label>
        ))}
      </fieldset>
    </div>
  )
}

import type { ProviderId, ProviderInfo } from '@shared/model'
import { Icon } from '@renderer/components/icon'
import { useDashboardFilters } from '@renderer/features/accounts/stores/dashboard-filters'

/** Search and provider filter above the account list, and the way back to the triage order. */
export function FilterBar({ providers }: { readonly providers: ReadonlyArray<ProviderInfo> }) {
  const { search, provider, sort, setSearch, setProvider, sortBy } = useDashboardFilters()
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
      {sort !== 'triage' && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => sortBy('triage')}>
          <Icon name="failing" size={14} />
          Most urgent first
        </button>
      )}
    </div>
  )
}

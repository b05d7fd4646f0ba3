import { create } from 'zustand'
import type { HealthState, ProviderId } from '../../../../../shared/model'

export type SortKey = 'label' | 'provider' | 'state' | 'checked'
export type SortDirection = 'asc' | 'desc'

export interface DashboardFilters {
  readonly search: string
  readonly state: HealthState | 'all'
  readonly provider: ProviderId | 'all'
  readonly sort: SortKey
  readonly direction: SortDirection
}

interface DashboardFiltersStore extends DashboardFilters {
  setSearch(search: string): void
  setState(state: DashboardFilters['state']): void
  setProvider(provider: DashboardFilters['provider']): void
  /** Sorts by `key`; choosing the current key again flips the direction. */
  sortBy(key: SortKey): void
  clear(): void
}

const INITIAL: DashboardFilters = { search: '', state: 'all', provider: 'all', sort: 'label', direction: 'asc' }

/** The dashboard's filter, search and sort (UI state only; kept in memory, never persisted). */
export const useDashboardFilters = create<DashboardFiltersStore>((set, get) => ({
  ...INITIAL,
  setSearch: (search) => set({ search }),
  setState: (state) => set({ state }),
  setProvider: (provider) => set({ provider }),
  sortBy: (key) => set(get().sort === key ? { direction: get().direction === 'asc' ? 'desc' : 'asc' } : { sort: key, direction: 'asc' }),
  clear: () => set({ search: '', state: 'all', provider: 'all' }),
}))

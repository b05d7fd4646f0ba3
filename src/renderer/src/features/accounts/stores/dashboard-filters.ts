import { create } from 'zustand'
import type { HealthState, ProviderId, WorkspaceKind } from '@shared/model'

/** `triage`: what needs a person first (severity, then the longest broken), shared causes grouped. */
export type SortKey = 'triage' | 'label' | 'provider' | 'state' | 'checked'
export type SortDirection = 'asc' | 'desc'

export interface DashboardFilters {
  readonly search: string
  readonly state: HealthState | 'all'
  readonly provider: ProviderId | 'all'
  readonly sort: SortKey
  readonly direction: SortDirection
}

interface DashboardFiltersStore extends DashboardFilters {
  /** The workspace these filters belong to; each workspace keeps its own. */
  readonly workspace: WorkspaceKind | null
  readonly saved: ReadonlyMap<WorkspaceKind, DashboardFilters>
  setSearch(search: string): void
  setState(state: DashboardFilters['state']): void
  setProvider(provider: DashboardFilters['provider']): void
  /** Sorts by `key`; choosing the current key again flips the direction. */
  sortBy(key: SortKey): void
  clear(): void
  /** Keeps the current filters for the workspace left and restores (or starts) those of `workspace`. */
  enterWorkspace(workspace: WorkspaceKind): void
}

const INITIAL: DashboardFilters = { search: '', state: 'all', provider: 'all', sort: 'triage', direction: 'asc' }

const filtersOf = (s: DashboardFilters): DashboardFilters => ({ search: s.search, state: s.state, provider: s.provider, sort: s.sort, direction: s.direction })

/** The dashboard's filter, search and sort per workspace (UI state only; kept in memory, never persisted). */
export const useDashboardFilters = create<DashboardFiltersStore>((set, get) => ({
  ...INITIAL,
  workspace: null,
  saved: new Map(),
  setSearch: (search) => set({ search }),
  setState: (state) => set({ state }),
  setProvider: (provider) => set({ provider }),
  sortBy: (key) => set(get().sort === key ? { direction: get().direction === 'asc' ? 'desc' : 'asc' } : { sort: key, direction: 'asc' }),
  clear: () => set({ search: '', state: 'all', provider: 'all' }),
  enterWorkspace: (workspace) => {
    const current = get()
    if (current.workspace === workspace) return
    const saved = new Map(current.saved)
    if (current.workspace) saved.set(current.workspace, filtersOf(current))
    set({ ...(saved.get(workspace) ?? INITIAL), workspace, saved })
  },
}))

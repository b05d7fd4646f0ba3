import { create } from 'zustand'

interface ChangedSinceCheck {
  /** Accounts whose settings or secrets were edited after their last check (ids; UI state only). */
  readonly ids: ReadonlySet<string>
  mark(id: string): void
  /** A new check result arrived for these accounts. */
  clear(ids: Iterable<string>): void
}

/**
 * "Changed since the last check — re-test": set by an edit that can change a check's answer
 * (environment, base URL, fields, secrets, scopes), cleared by the next result for that account.
 */
export const useChangedSinceCheck = create<ChangedSinceCheck>((set, get) => ({
  ids: new Set(),
  mark: (id) => set({ ids: new Set([...get().ids, id]) }),
  clear: (ids) => {
    const next = new Set(get().ids)
    let changed = false
    for (const id of ids) changed = next.delete(id) || changed
    if (changed) set({ ids: next })
  },
}))

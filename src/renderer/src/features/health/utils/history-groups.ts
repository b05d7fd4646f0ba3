import type { Diagnosis } from '@shared/diagnosis'

/** A run of consecutive checks with the same result: the newest of them, and how many there were. */
export interface HistoryGroup {
  readonly newest: Diagnosis
  readonly count: number
  /** When the run began (its oldest check). */
  readonly since: string
  /** The state differs from the run before it (older), i.e. something changed here. */
  readonly changed: boolean
}

/** Groups a newest-first history into runs of the same state and cause. Pure. */
export function groupHistory(history: ReadonlyArray<Diagnosis>): HistoryGroup[] {
  const groups: { newest: Diagnosis; count: number; since: string }[] = []
  for (const d of history) {
    const last = groups.at(-1)
    if (last && last.newest.state === d.state && last.newest.cause === d.cause) {
      last.count++
      last.since = d.checkedAt
    } else groups.push({ newest: d, count: 1, since: d.checkedAt })
  }
  return groups.map((g, i) => ({ ...g, changed: groups[i + 1] !== undefined && groups[i + 1]!.newest.state !== g.newest.state }))
}

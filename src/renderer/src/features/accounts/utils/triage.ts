/**
 * The triage order of the dashboard: what needs a person first (by severity, then the longest
 * broken), with accounts that share a cause gathered under one heading when there are several.
 * Pure, so the order can be tested without a window.
 */
import type { CauseCode } from '@shared/causes'
import type { HealthState } from '@shared/model'
import { STATE_ORDER } from '@renderer/components/health-states'
import type { AccountRow } from './account-rows'

/** A cause shared by at least this many accounts of one state gets a heading. */
export const GROUP_MIN = 3

/** States that need a person; only these are grouped by cause. */
const NEEDS_A_PERSON: ReadonlySet<HealthState> = new Set(['failing', 'degraded', 'unknown'])

export interface GroupItem {
  readonly kind: 'group'
  readonly key: string
  readonly state: HealthState
  readonly cause: CauseCode
  /** The cause's title, e.g. "Credentials rejected". */
  readonly title: string
  readonly count: number
}

export interface RowItem {
  readonly kind: 'row'
  readonly key: string
  readonly row: AccountRow
  /** Under a cause heading (the cause is said there). */
  readonly grouped: boolean
}

export type TableItem = GroupItem | RowItem

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Never worked sorts as broken the longest. */
const brokenSince = (row: AccountRow): string => row.health.lastHealthyAt ?? ''

export function compareTriage(a: AccountRow, b: AccountRow): number {
  const severity = STATE_ORDER.indexOf(a.health.state) - STATE_ORDER.indexOf(b.health.state)
  if (severity !== 0) return severity
  const broken = NEEDS_A_PERSON.has(a.health.state) ? brokenSince(a).localeCompare(brokenSince(b)) : 0
  return broken || collator.compare(a.account.label, b.account.label)
}

const groupKey = (row: AccountRow): string | null => (row.health.cause && NEEDS_A_PERSON.has(row.health.state) ? `${row.health.state}:${row.health.cause}` : null)

/** Rows already in order → table items; with `group`, shared causes are gathered where their first account stands. */
export function tableItems(rows: ReadonlyArray<AccountRow>, group: boolean): TableItem[] {
  const plain = (row: AccountRow): RowItem => ({ kind: 'row', key: row.account.id, row, grouped: false })
  if (!group) return rows.map(plain)
  const members = new Map<string, AccountRow[]>()
  for (const row of rows) {
    const key = groupKey(row)
    if (key) members.set(key, [...(members.get(key) ?? []), row])
  }
  const items: TableItem[] = []
  const placed = new Set<string>()
  for (const row of rows) {
    const key = groupKey(row)
    const shared = key ? members.get(key) : undefined
    if (!key || !shared || shared.length < GROUP_MIN) {
      items.push(plain(row))
      continue
    }
    if (placed.has(key)) continue
    placed.add(key)
    items.push({ kind: 'group', key: `group:${key}`, state: row.health.state, cause: row.health.cause as CauseCode, title: row.health.summary, count: shared.length })
    for (const member of shared) items.push({ kind: 'row', key: member.account.id, row: member, grouped: true })
  }
  return items
}

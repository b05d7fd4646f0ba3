/**
 * From what `health:list` and `health:changed` carry to what the dashboard shows. Pure, so
 * the 1,000-account case is cheap to test.
 */
import { CAUSES } from '@shared/causes'
import { displayedState, type BlockedCode, type ScheduledHealth } from '@shared/fleet'
import type { HealthSummary } from '@renderer/lib/health-summary'

const NEVER = 'Not checked yet'

const BLOCKED_TITLES: Readonly<Record<BlockedCode, string>> = {
  'keychain.locked': 'Waiting: keychain locked',
  'keychain.unavailable': 'Not checked: no keychain',
  'secrets.missing': 'Not checked: secrets missing',
  'checks.billable': 'Checked only when you ask (may be charged)',
}

/** One account's line: the newest diagnosis, or why it is not checked. */
export function summaryOf(health: ScheduledHealth, checking = false): HealthSummary {
  const latest = health.latest
  // Left out of background checks by choice: its last manual check still speaks for it.
  const blocked = health.schedule?.blocked?.code === 'checks.billable' && latest ? null : health.schedule?.blocked
  return {
    state: displayedState(health),
    cause: blocked ? null : (latest?.cause ?? null),
    summary: blocked ? BLOCKED_TITLES[blocked.code] : latest ? CAUSES[latest.cause].title : NEVER,
    detail: blocked ? blocked.message : (latest?.summary ?? NEVER),
    checkedAt: health.lastCheckedAt,
    lastHealthyAt: health.lastHealthyAt,
    ...(checking ? { checking } : {}),
  }
}

export function summariesById(list: ReadonlyArray<ScheduledHealth>, checking: ReadonlySet<string>): Map<string, HealthSummary> {
  return new Map(list.map((h) => [h.id, summaryOf(h, checking.has(h.id))]))
}

/**
 * The list with `updates` applied (newest wins per id). Entries keep their identity when
 * unchanged, and the list keeps its order; an update for an unknown id is appended.
 */
export function mergeHealth(list: ReadonlyArray<ScheduledHealth>, updates: ReadonlyArray<ScheduledHealth>): ReadonlyArray<ScheduledHealth> {
  if (updates.length === 0) return list
  const byId = new Map(updates.map((u) => [u.id, u]))
  const merged = list.map((h) => byId.get(h.id) ?? h)
  const known = new Set(list.map((h) => h.id))
  for (const [id, update] of byId) if (!known.has(id)) merged.push(update)
  return merged
}

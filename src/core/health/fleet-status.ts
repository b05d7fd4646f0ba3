/** The scheduler's state as `fleet:status` and `fleet:changed` carry it. Pure. */
import type { BlockedReason, FleetProgress, FleetSettings, FleetStatus } from '../../shared/fleet'
import { PROVIDER_IDS, type ProviderId } from '../../shared/model'
import type { Entry, FleetEntries } from './fleet-entries'
import type { RateLimiter } from './rate-limiter'

export interface StatusFacts {
  readonly now: number
  readonly settings: FleetSettings
  readonly active: boolean
  readonly suspended: boolean
  readonly lock: BlockedReason | null
  readonly entries: FleetEntries
  readonly running: ReadonlyMap<ProviderId, number>
  readonly round: FleetProgress | null
  readonly limiter: RateLimiter
}

const iso = (ms: number): string => new Date(ms).toISOString()

export function describeFleet(facts: StatusFacts): FleetStatus {
  const { now, settings, entries, limiter } = facts
  const idle = entries.all().filter((e) => !e.running && !e.blocked)
  const due = new Map<Entry, number>(idle.map((e) => [e, entries.dueOf(e)]))
  const next = Math.min(Number.POSITIVE_INFINITY, ...due.values())
  const paused = facts.suspended
    ? { reason: 'suspended' as const, message: 'The computer is asleep: background checks continue after it wakes.' }
    : facts.lock
      ? { reason: facts.lock.code, message: facts.lock.message }
      : null
  return {
    settings,
    active: facts.active,
    paused,
    nextCheckAt: facts.active && settings.enabled && Number.isFinite(next) ? iso(Math.max(now, next)) : null,
    round: facts.round,
    providers: PROVIDER_IDS.map((provider) => {
      const mine = idle.filter((e) => e.account.provider === provider)
      const held = Math.max(0, ...new Set(mine.map((e) => limiter.hold(e.key)?.until ?? 0)))
      return {
        provider,
        running: facts.running.get(provider) ?? 0,
        waiting: mine.filter((e) => due.get(e)! <= now).length,
        heldUntil: held > now ? iso(held) : null,
      }
    }),
  }
}

/** Says why requests to a provider wait, for people (the CLI prints it while `check` waits). */
import { providerDefinition } from '../providers/registry'
import { budgetLookup, providerOfKey } from './provider-budgets'
import type { RateLimiter } from './rate-limiter'

export function describeBudgetWait(limiter: RateLimiter, key: string, until: number, now: number, limits = budgetLookup()): string {
  const label = providerDefinition(providerOfKey(key)).label
  const when = `${new Date(until).toISOString()} (in ${Math.max(1, Math.ceil((until - now) / 1000))} s)`
  const hold = limiter.hold(key)
  if (hold && hold.until >= until) return `${label} asked to wait (${hold.status}): its next request goes at ${when}.`
  const { limit, windowMs } = limits(key)
  return `${label}'s request budget (${limit.toLocaleString('en')} per ${windowMs === 60_000 ? 'minute' : `${windowMs / 1000} s`}) is spent: its next request goes at ${when}.`
}

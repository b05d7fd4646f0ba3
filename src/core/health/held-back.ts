/**
 * A check asked for while the provider told us to wait (429, or 503 with Retry-After) is not
 * sent: it ends at once as `unknown`, saying until when, instead of waiting out the provider's
 * pause (a manual check would time out) or sending anyway. It is not a check result, so it is
 * not kept in the history.
 */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import { commonSteps } from '../diagnosis/knowledge-common'
import type { Verdict } from '../diagnosis/types'
import { providerDefinition } from '../providers/registry'
import { accountKey } from './provider-budgets'
import type { RateLimiter } from './rate-limiter'

export const HELD_BACK_STEP = 'held back'

export function heldBackDiagnosis(account: AccountView, limiter: RateLimiter, now: number): Diagnosis | null {
  const hold = limiter.hold(accountKey(account))
  if (!hold) return null
  const label = providerDefinition(account.provider).label
  const until = new Date(hold.until).toISOString()
  const seconds = Math.ceil((hold.until - now) / 1000)
  const asked = hold.status === 429 ? 'is rate-limiting requests (429)' : 'is unavailable (503)'
  const verdict: Verdict = {
    cause: hold.status === 429 ? 'rate_limited' : 'server.unavailable',
    summary: `Not sent: ${label} ${asked} and asked to wait until ${until} (${seconds} s). Try again after that.`,
    evidence: {
      step: HELD_BACK_STEP,
      status: hold.status,
      retryAfterMs: hold.until - now,
      inferred: 'held back by AuthDesk: an earlier answer from this host asked it to wait',
    },
  }
  return {
    provider: account.provider,
    state: 'unknown',
    cause: verdict.cause,
    retryable: true,
    summary: verdict.summary,
    evidence: verdict.evidence,
    knowledgeSteps: [...commonSteps(verdict)],
    checkedAt: new Date(now).toISOString(),
    durationMs: 0,
    clockSkewMs: null,
    details: {},
    transcript: [],
  }
}

/**
 * A check asked for while the provider told us to wait (429, or 503 with Retry-After) is not
 * sent: it ends at once as `unknown`, saying until when, instead of waiting out the provider's
 * pause (a manual check would time out) or sending anyway. It is not a check result, so it is
 * not kept in the history.
 */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import { commonSteps } from '../diagnosis/knowledge-common'
import { heldBackVerdict } from '../diagnosis/held-back-verdict'
import { providerDefinition } from '../providers/registry'
import { accountKey } from './provider-budgets'
import type { RateLimiter } from './rate-limiter'

export const HELD_BACK_STEP = 'held back'

export function heldBackDiagnosis(account: AccountView, limiter: RateLimiter, now: number): Diagnosis | null {
  const hold = limiter.hold(accountKey(account))
  if (!hold) return null
  const verdict = heldBackVerdict(providerDefinition(account.provider).label, hold, HELD_BACK_STEP, now)
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

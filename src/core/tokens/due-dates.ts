/**
 * Due dates for every account: the managed token's refresh or expiry (providers with a token
 * lifecycle) and the credential rotation due date (every provider: last rotated, or created,
 * plus the policy). Pure.
 */
import type { AccountView } from '../../shared/model'
import type { AccountDeadlines, Deadline } from '../../shared/tokens'
import type { TokenFile } from './record-schema'
import { tokenLifecycleOf } from './token-capability'
import { tokenState } from './token-state'

export const DEFAULT_ROTATION_POLICY_DAYS = 90
const DAY_MS = 86_400_000

export function rotationDueAt(account: AccountView, policyDays: number): string {
  const since = Date.parse(account.lastRotatedAt ?? account.createdAt)
  return new Date(since + policyDays * DAY_MS).toISOString()
}

export function deadlinesOf(account: AccountView, file: TokenFile | null, policyDays: number, nowMs: number): AccountDeadlines {
  const state = file && tokenLifecycleOf(account) ? tokenState(file, account, nowMs) : null
  const live = state !== null && state.status !== 'none' && state.status !== 'revoked'
  const rotation = rotationDueAt(account, policyDays)
  let next: Deadline = { kind: 'rotation-due', at: rotation }
  if (live && state.refreshable && state.refreshAt) next = { kind: 'token-refresh', at: state.refreshAt }
  else if (live && state.expiresAt) next = { kind: 'token-expiry', at: state.expiresAt }
  return {
    accountId: account.id,
    provider: account.provider,
    tokenExpiresAt: live ? state.expiresAt : null,
    tokenRefreshAt: live ? state.refreshAt : null,
    tokenRefreshable: live && state.refreshable,
    lastRotatedAt: account.lastRotatedAt,
    rotationDueAt: rotation,
    rotationPolicyDays: policyDays,
    next,
  }
}

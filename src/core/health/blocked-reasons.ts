/**
 * Accounts that cannot be checked now, and why: known from the account list (secrets missing,
 * keychain unreachable this session) or learnt when reading a secret failed (a locked keychain
 * blocks every account kept there, until a read works again).
 */
import type { BlockedCode, BlockedReason } from '../../shared/fleet'
import type { AccountView } from '../../shared/model'
import { isAppError } from '../errors'
import { providerModule } from '../providers/registry'

export const LOCKED_MESSAGE = 'The OS keychain could not be read (it may be locked). Background checks wait until it can be read again.'

const reason = (code: BlockedCode, message: string, now: number): BlockedReason => ({ code, message, since: new Date(now).toISOString() })

/** What the account list already says. */
export function blockedByView(account: AccountView, now: number): BlockedReason | null {
  const problem = (code: string): string | undefined => account.problems.find((p) => p.code === code)?.message
  if (account.secretsStatus === 'unavailable')
    return reason('keychain.unavailable', problem('secret.unavailable') ?? 'Its secrets are in the OS keychain, which this session cannot reach.', now)
  if (account.secretsStatus === 'missing')
    return reason('secrets.missing', problem('secret.missing') ?? problem('secret.session-ended') ?? 'Its secrets are gone. Enter them again.', now)
  const billable = providerModule(account.provider).capabilities.backgroundCheckRefusal?.(account.fields) ?? null
  return billable === null ? null : reason('checks.billable', billable, now)
}

export interface ReadFailure {
  readonly reason: BlockedReason
  /** A failing keychain blocks every account kept in it; a missing item only its own account. */
  readonly scope: 'keychain' | 'account'
}

/** A check that could not start because its secrets could not be read. Null for any other error. */
export function blockedByError(error: unknown, now: number): ReadFailure | null {
  if (!isAppError(error)) return null
  switch (error.code) {
    case 'vault.keychain-failed':
      // The vault's message names the keychain's own error and the fix; it never holds a secret.
      return { reason: reason('keychain.locked', `${LOCKED_MESSAGE} ${error.message}`, now), scope: 'keychain' }
    case 'vault.keychain-unavailable':
      return { reason: reason('keychain.unavailable', error.message, now), scope: 'account' }
    case 'vault.secret-missing':
      return { reason: reason('secrets.missing', error.message, now), scope: 'account' }
    default:
      return null
  }
}

/** Accounts whose secrets live in the keychain wait with it. */
export const keptInKeychain = (account: AccountView): boolean => account.secretsStatus === 'keychain'

/**
 * A keychain that refused a read (typically locked): every account kept in it waits, shown as
 * `unchecked` with the reason. Now and then one of them is tried again (each try may show an
 * unlock prompt, so never more than one at a time), and right after a wake-up or screen unlock.
 */
import type { BlockedReason } from '../../shared/fleet'
import type { AccountView } from '../../shared/model'
import { keptInKeychain } from './blocked-reasons'

export class KeychainLock {
  reason: BlockedReason | null = null
  private tryAt = 0
  private trying: string | null = null

  constructor(private readonly retryMs: number) {}

  lock(reason: BlockedReason, now: number): void {
    this.reason ??= reason
    this.tryAt = now + this.retryMs
  }

  unlock(): void {
    this.reason = null
  }

  /** The reason an account waits for the keychain, if it does. */
  blocks(account: AccountView): BlockedReason | null {
    return this.reason && keptInKeychain(account) ? this.reason : null
  }

  /** Try again at `at` (after a wake-up or a screen unlock). */
  retryAt(at: number): void {
    if (this.reason) this.tryAt = at
  }

  /** When the next try is due: Infinity when unlocked or while one runs. */
  nextTry(): number {
    return this.reason && this.trying === null ? this.tryAt : Number.POSITIVE_INFINITY
  }

  /** A try starts (`id`) or ends; a try that found nothing to try is postponed. */
  started(id: string | null, now: number): void {
    this.trying = id
    if (id === null) this.tryAt = now + this.retryMs
  }

  ended(id: string): void {
    if (this.trying === id) this.trying = null
  }
}

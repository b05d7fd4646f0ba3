/**
 * The accounts' keychain items, through the SecretStore, and which accounts have one. The
 * set is filled once when the vault opens (the only listing) and kept current by our own
 * writes, so views never need the keychain.
 */
import { AppError } from '../errors'
import { keychainHint } from './keychain-store'
import { accountIdOf, itemName, parseItem, serializeItem, type SecretItem } from './secret-item'
import type { SecretStore } from './secret-store'

export class AccountItems {
  private readonly present = new Set<string>()

  constructor(
    private readonly store: SecretStore,
    /** Called with every secret value read or written. */
    private readonly remember: (values: ReadonlyArray<string>) => void,
    /** Error text with any remembered secret removed. */
    private readonly describe: (error: unknown) => string,
  ) {}

  has(id: string): boolean {
    return this.present.has(id)
  }

  /** Lists the keychain once; returns the ids of accounts that have an item. */
  async scan(): Promise<ReadonlySet<string>> {
    for (const name of await this.store.list()) {
      const id = accountIdOf(name)
      if (id) this.present.add(id)
    }
    return this.present
  }

  failure(action: string, error: unknown): AppError {
    const message = this.describe(error)
    return new AppError('vault.keychain-failed', `The OS keychain could not ${action}: ${message}. ${keychainHint(message)}`, { cause: error })
  }

  private static values(item: SecretItem): string[] {
    return [...Object.values(item.secrets), ...Object.values(item.tokens)]
  }

  /** Null when there is no item, or it is not in our format. */
  async read(id: string): Promise<SecretItem | null> {
    let raw: string | null
    try {
      raw = await this.store.get(itemName(id))
    } catch (error) {
      throw this.failure('read the account’s secrets', error)
    }
    const item = raw === null ? null : parseItem(raw)
    if (item) this.remember(AccountItems.values(item))
    return item
  }

  /** Writes the item; one that holds nothing is deleted instead. */
  async write(id: string, item: SecretItem): Promise<void> {
    this.remember(AccountItems.values(item))
    if (AccountItems.values(item).length === 0) return this.remove(id)
    try {
      await this.store.set(itemName(id), serializeItem(item))
    } catch (error) {
      throw this.failure('save the account’s secrets', error)
    }
    this.present.add(id)
  }

  async remove(id: string): Promise<void> {
    try {
      await this.store.delete(itemName(id))
    } catch (error) {
      throw this.failure('delete the account’s secrets', error)
    }
    this.present.delete(id)
  }
}

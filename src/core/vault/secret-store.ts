import type { SecretStorageStatus } from '../../shared/model'

export const KEYCHAIN_SERVICE = 'authdesk'

/**
 * Where secret values live. One item per account; its value is the account's secret
 * fields (and tokens) serialised by the vault.
 */
export interface SecretStore {
  readonly status: SecretStorageStatus
  get(account: string): Promise<string | null>
  set(account: string, value: string): Promise<void>
  delete(account: string): Promise<boolean>
  /** Account names that have an item. */
  list(): Promise<ReadonlyArray<string>>
}

/** Session-only storage, used when no keychain can be reached. Never touches the disk. */
export class MemorySecretStore implements SecretStore {
  private readonly items = new Map<string, string>()

  constructor(readonly status: SecretStorageStatus) {}

  async get(account: string): Promise<string | null> {
    return this.items.get(account) ?? null
  }

  async set(account: string, value: string): Promise<void> {
    this.items.set(account, value)
  }

  async delete(account: string): Promise<boolean> {
    return this.items.delete(account)
  }

  async list(): Promise<ReadonlyArray<string>> {
    return [...this.items.keys()]
  }
}

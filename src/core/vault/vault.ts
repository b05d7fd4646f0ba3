import type { AccountView } from '../../shared/model'
import type { SecretStore } from './secret-store'

/** Accounts: metadata on disk, secrets in the SecretStore. */
export class Vault {
  constructor(
    readonly dataDir: string,
    readonly secrets: SecretStore,
  ) {}

  async listAccounts(): Promise<ReadonlyArray<AccountView>> {
    return []
  }
}

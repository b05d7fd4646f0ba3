/**
 * Vaults made before each had its own keychain namespace kept their items in one service
 * shared by every data directory. On open, a vault moves over the items of its own accounts
 * (ids in its account file) and nothing else: another vault's items stay where they are
 * until that vault moves them.
 */
import { accountIdOf } from './secret-item'
import type { SecretStore } from './secret-store'

export async function moveLegacyItems(legacy: SecretStore, store: SecretStore, ownIds: ReadonlySet<string>): Promise<number> {
  let moved = 0
  for (const name of await legacy.list()) {
    const id = accountIdOf(name)
    if (id === null || !ownIds.has(id)) continue
    const value = await legacy.get(name)
    if (value === null) continue
    // A newer item already in the namespace wins over the old copy.
    if ((await store.get(name)) === null) await store.set(name, value)
    await legacy.delete(name)
    moved++
  }
  return moved
}

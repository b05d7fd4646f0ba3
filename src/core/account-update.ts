/**
 * Changing an account, the same way from every surface: when its address (base URL or
 * environment) changes, the token records of the old address go too (the vault has already
 * dropped the tokens themselves, and the secrets unless they were entered again).
 */
import type { AccountView } from '../shared/model'
import type { Services } from './services'
import type { AccountPatch } from './vault/vault-update'

export async function updateAccount(services: Pick<Services, 'vault' | 'tokens'>, patch: AccountPatch): Promise<AccountView> {
  const before = (await services.vault.list()).find((a) => a.id === patch.id)
  const view = await services.vault.update(patch)
  if (before && (before.environment !== view.environment || before.baseUrl !== view.baseUrl)) await services.tokens.forget(view.id)
  return view
}

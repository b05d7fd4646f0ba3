/**
 * The wizard's one-click environment switch. Re-pointing an account normally needs its secrets
 * entered again; here core moves them itself, because the target comes from core's own last
 * diagnosis (the provider accepted these very credentials there), never from the renderer. The
 * target is still held to the account's provider: one of its environments, at the provider's own
 * address or at the origin the owner already saved.
 */
import type { AccountView } from '../shared/model'
import { updateAccount } from './account-update'
import { AppError } from './errors'
import type { Services } from './services'

export async function switchToSuggestedEnvironment(services: Pick<Services, 'vault' | 'tokens' | 'health'>, id: string): Promise<AccountView> {
  const account = (await services.vault.list()).find((a) => a.id === id)
  if (!account) throw new AppError('account.not-found', 'No account has this id; it may have been deleted. Reload the list.', { field: 'id' })
  const suggestion = (await services.health.historyOf(id))[0]?.details.suggestedEnvironment
  if (!suggestion) throw new AppError('environment.no-suggestion', 'The last check of this account did not find another environment that accepts its credentials. Check it again first.', { field: 'id' })
  const sameOrigin = suggestion.baseUrl !== null && account.baseUrl !== null && new URL(suggestion.baseUrl).origin === new URL(account.baseUrl).origin
  if (suggestion.environment === account.environment || (suggestion.baseUrl !== null && !sameOrigin))
    throw new AppError('environment.no-suggestion', 'The suggested environment does not fit this account; check it again and switch in the account editor.', { field: 'id' })
  const { secrets } = await services.vault.readSecrets(id, 'switch-environment')
  return updateAccount(services, {
    id,
    environment: suggestion.environment,
    baseUrl: suggestion.baseUrl,
    fields: secrets,
    ...(sameOrigin && account.baseUrlConfirmedAt ? { confirmUnlistedHost: true } : {}),
  })
}

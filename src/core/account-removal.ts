/**
 * Deleting an account, the same way from the app and the CLI: its live SMSGate tokens are
 * revoked first (best effort), then the account, its secrets, history, wizard progress and
 * token record go.
 */
import type { AccountRemoval } from '../shared/model'
import type { Services } from './services'

export async function removeAccount(services: Pick<Services, 'vault' | 'health' | 'wizard' | 'tokens'>, id: string): Promise<AccountRemoval> {
  const { revoked, warnings } = await services.tokens.revokeBeforeDelete(id)
  await services.vault.delete(id)
  await services.health.forget([id])
  await services.wizard().reset([id])
  await services.tokens.forget(id)
  return { id, revokedTokens: revoked, warnings }
}

/**
 * Deleting an account, the same way from the app and the CLI: its live SMSGate tokens are
 * revoked first (best effort), then the account, its secrets, history, wizard progress and
 * token record go.
 */
import type { AccountRemoval } from '../shared/model'
import { AppError } from './errors'
import type { Services } from './services'

export interface RemovalOptions {
  /** Stop, removing nothing, when a token cannot be revoked (the CLI without --force). */
  readonly requireRevocation?: boolean
}

export async function removeAccount(services: Pick<Services, 'vault' | 'health' | 'wizard' | 'tokens'>, id: string, options: RemovalOptions = {}): Promise<AccountRemoval> {
  const { revoked, warnings } = await services.tokens.revokeBeforeDelete(id)
  if (options.requireRevocation && warnings.length > 0)
    throw new AppError('tokens.revoke-failed', `${warnings.join(' ')} The account was not removed.`, { field: 'id' })
  await services.vault.delete(id)
  await services.health.forget([id])
  await services.wizard().reset([id])
  await services.tokens.forget(id)
  return { id, revokedTokens: revoked, warnings }
}

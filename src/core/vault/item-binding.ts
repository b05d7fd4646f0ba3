/**
 * The address a secret may be sent to (environment and custom base URL) lives inside the
 * account's keychain item, next to the secret. accounts.json says the same for display; when
 * the two disagree the file was changed outside AuthDesk and nothing is sent (an attacker who
 * can write the file cannot redirect a credential, because only the keychain item decides).
 * Items written before the binding existed are bound, on first read, to the address the file
 * holds then, with a notice.
 */
import type { Environment, VaultNoticeCode } from '../../shared/model'
import { AppError } from '../errors'
import { providerDefinition } from '../providers/registry'
import { environmentOf } from '../providers/types'
import type { AccountRecord } from './account-schema'
import type { AccountItems } from './account-items'
import type { SecretItem } from './secret-item'

export interface BoundAddress {
  readonly environment: Environment
  /** The custom base URL, or null for the environment's default. */
  readonly baseUrl: string | null
}

export const addressOf = (from: { readonly environment: Environment; readonly baseUrl?: string | null }): BoundAddress => ({
  environment: from.environment,
  baseUrl: from.baseUrl ?? null,
})

export const sameAddress = (a: BoundAddress, b: BoundAddress): boolean => a.environment === b.environment && a.baseUrl === b.baseUrl

/** True when the item was written before its address was kept in it. */
export const isUnbound = (item: SecretItem): boolean => item.baseUrl === undefined

export function describeAddress(provider: AccountRecord['provider'], address: BoundAddress): string {
  const definition = providerDefinition(provider)
  const env = environmentOf(definition, address.environment)
  return address.baseUrl ?? `${env?.baseUrl ?? definition.label} (${env?.label ?? address.environment})`
}

export const ADDRESS_MISMATCH = 'vault.address-mismatch'

export function addressMismatch(record: AccountRecord, item: SecretItem): AppError {
  const saved = describeAddress(record.provider, addressOf(record))
  const bound = describeAddress(record.provider, addressOf(item))
  return new AppError(
    ADDRESS_MISMATCH,
    `"${record.label}": accounts.json now sends it to ${saved}, but its secrets in the keychain belong to ${bound}. The file was changed outside AuthDesk, so nothing was sent. If you made that change, enter the secrets again in the account editor; otherwise restore the address.`,
    { field: 'baseUrl' },
  )
}

export interface BindingDeps {
  readonly items: Pick<AccountItems, 'write'>
  readonly log: (level: 'info' | 'warn', event: string, data: Record<string, unknown>) => void
  readonly notice: (code: VaultNoticeCode, message: string) => void
}

/** The item, bound to its record's address; an item from before the binding is bound now. Throws when the file disagrees with the item. */
export async function verifyAddress(record: AccountRecord, item: SecretItem, deps: BindingDeps): Promise<SecretItem> {
  if (isUnbound(item)) {
    const bound: SecretItem = { ...item, ...addressOf(record) }
    await deps.items.write(record.id, bound)
    deps.log('info', 'account.address-bound', { id: record.id })
    deps.notice('keychain.address-bound', 'Secrets saved by an earlier AuthDesk were bound to their account’s current address (base URL and environment): from now on a change of address needs the secrets again.')
    return bound
  }
  if (sameAddress(addressOf(record), addressOf(item))) return item
  const error = addressMismatch(record, item)
  deps.log('warn', 'account.address-mismatch', { id: record.id })
  deps.notice('metadata.address-mismatch', error.message)
  throw error
}

/**
 * The one keychain item per account: its secret field values, any tokens issued for it, the
 * address they may be sent to (environment and custom base URL: see item-binding.ts), and the
 * label, so that an item whose record was lost can be shown again as a recovered account
 * instead of lingering unseen.
 */
import { z } from 'zod'
import { ENVIRONMENTS, PROVIDER_ID_PATTERN } from '../../shared/model'

const ITEM_PREFIX = 'account:'

export const itemName = (accountId: string): string => `${ITEM_PREFIX}${accountId}`

/** The account id an item belongs to, or null for items that are not accounts (e.g. the install key). */
export function accountIdOf(item: string): string | null {
  return item.startsWith(ITEM_PREFIX) && item.length > ITEM_PREFIX.length ? item.slice(ITEM_PREFIX.length) : null
}

const secretItemSchema = z.object({
  v: z.literal(1),
  provider: z.string().regex(PROVIDER_ID_PATTERN),
  environment: z.enum(ENVIRONMENTS),
  label: z.string(),
  /** The custom base URL the secrets may go to (null: the environment's default); absent in items from before it was kept here. */
  baseUrl: z.string().nullable().optional(),
  secrets: z.record(z.string(), z.string()),
  tokens: z.record(z.string(), z.string()),
})

export type SecretItem = z.infer<typeof secretItemSchema>

export function serializeItem(item: SecretItem): string {
  return JSON.stringify(item)
}

/** Null when the value is not one of ours; the error never quotes the value. */
export function parseItem(value: string): SecretItem | null {
  try {
    const parsed = secretItemSchema.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

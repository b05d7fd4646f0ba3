/**
 * The account record as stored in the account file. It holds no secret value: for each
 * secret field only its fingerprint and masked tail, so listing accounts never needs the
 * keychain.
 */
import { z } from 'zod'
import { ENVIRONMENTS, PROVIDER_ID_PATTERN } from '../../shared/model'

export const ACCOUNTS_FILE = 'accounts.json'
export const ACCOUNTS_FORMAT = 'authdesk-accounts'
export const ACCOUNTS_VERSION = 1

const secretFieldRecord = z.object({ fingerprint: z.string(), maskedTail: z.string() })

export const accountRecordSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  provider: z.string().regex(PROVIDER_ID_PATTERN),
  environment: z.enum(ENVIRONMENTS),
  baseUrl: z.string().nullable(),
  /** When the user confirmed a base URL whose host is not the provider's (null otherwise). */
  baseUrlConfirmedAt: z.string().nullable(),
  /** Non-secret provider fields by convention name. */
  fields: z.record(z.string(), z.string()),
  /** Secret fields that are set: fingerprint and masked tail only. */
  secrets: z.record(z.string(), secretFieldRecord),
  scopes: z.array(z.string()),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRotatedAt: z.string().nullable(),
  /** Where the secrets were put when last saved: the keychain, or memory for that session only. */
  secretStorage: z.enum(['keychain', 'session']),
  /** Set when the record was rebuilt from a keychain item that had no record; cleared by an update. */
  recoveredAt: z.string().nullable(),
  /** When its address changed without the secrets being entered again, so they were cleared (until new ones are saved). */
  secretsClearedAt: z.string().nullable().optional(),
})

export type AccountRecord = z.infer<typeof accountRecordSchema>

const documentSchema = z.object({ accounts: z.array(accountRecordSchema) })
export type AccountsDocument = z.infer<typeof documentSchema>

export function parseAccountsDocument(data: unknown): AccountsDocument {
  const doc = documentSchema.parse(data)
  const ids = new Set(doc.accounts.map((a) => a.id))
  if (ids.size !== doc.accounts.length) throw new Error('duplicate account ids')
  return doc
}

/**
 * Which accounts of a data directory use a provider, read from accounts.json alone (no lock,
 * no keychain): enough to warn before a provider's definition is removed.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ACCOUNTS_FILE, parseAccountsDocument } from './account-schema'

export async function accountLabelsUsing(dataDir: string, providerId: string): Promise<string[]> {
  try {
    const envelope = JSON.parse(await readFile(join(dataDir, ACCOUNTS_FILE), 'utf8')) as { data?: unknown }
    return parseAccountsDocument(envelope.data).accounts.filter((a) => a.provider === providerId).map((a) => a.label)
  } catch {
    return []
  }
}

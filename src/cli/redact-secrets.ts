/**
 * The vault's secrets for `authdesk redact`, when a vault is reachable. Unlike vault commands,
 * redact still works without one (names, syntax and entropy still find most secrets), so every
 * problem here becomes a note for stderr, not an exit code. A data directory that does not exist
 * is not created.
 */
import { stat } from 'node:fs/promises'
import { defaultDataDir } from '../core/paths'
import type { CliIo } from './io'
import type { OpenServices } from './vault-session'

export interface VaultSecrets {
  readonly secrets: ReadonlyArray<string>
  /** What stderr should say about the vault: where the secrets came from, or why there are none. */
  readonly note: string
}

export async function readVaultSecrets(open: OpenServices, dataDir: string | undefined, io: CliIo): Promise<VaultSecrets> {
  const dir = dataDir ?? defaultDataDir(io.env)
  const exists = await stat(dir).then((s) => s.isDirectory(), () => false)
  if (!exists) return { secrets: [], note: `no vault at ${dir}; redacting without vault secrets` }
  const services = await open(dir, io)
  try {
    const storage = services.secretStore.status
    if (storage.backend !== 'keychain')
      return { secrets: [], note: `the OS keychain is unavailable (${storage.error ?? storage.reason}); redacting without the vault's secrets` }
    const secrets: string[] = []
    let unread = 0
    const accounts = (await services.vault.list()).filter((a) => a.secretsStatus !== 'none' && a.secretsStatus !== 'missing')
    for (const account of accounts) {
      try {
        const item = await services.vault.readSecrets(account.id, 'redact')
        secrets.push(...Object.values(item.secrets), ...Object.values(item.tokens))
      } catch {
        unread++
      }
    }
    const note = `looked for ${secrets.length} secret(s) of ${accounts.length - unread} vault account(s)${unread > 0 ? `; ${unread} account(s) could not be read` : ''}`
    return { secrets, note }
  } finally {
    await services.close()
  }
}

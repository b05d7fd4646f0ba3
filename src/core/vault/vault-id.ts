/**
 * Each data directory is its own vault with its own id, kept in the directory (`vault-id`).
 * Its keychain items live in a service named after it (`authdesk/<id>`), so two data
 * directories in one keyring never see, change or delete each other's secrets.
 */
import { randomUUID } from 'node:crypto'
import { link, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../errors'

export const VAULT_ID_FILE = 'vault-id'
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The keychain service of one vault: the install's service (default `authdesk`) and the vault id. */
export const vaultService = (base: string, vaultId: string): string => `${base}/${vaultId}`

async function readId(path: string): Promise<string | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (text === null) return null
  const id = text.trim()
  if (!ID_PATTERN.test(id))
    throw new AppError('vault.id-unreadable', `The vault id in ${path} is damaged. Restore the file from a backup; without it this vault cannot find its keychain items.`, {
      field: 'dataDir',
    })
  return id
}

/** The data directory's vault id, or a new one (not yet saved) for a directory that has none. */
export async function vaultIdOf(dataDir: string): Promise<{ readonly id: string; readonly saved: boolean }> {
  const existing = await readId(join(dataDir, VAULT_ID_FILE))
  return existing ? { id: existing, saved: true } : { id: randomUUID(), saved: false }
}

/**
 * Saves a new vault id; returns the id the directory ends up with. The file appears whole (a
 * temp file hard-linked into place), and when two processes save one at once both get the
 * one that won.
 */
export async function saveVaultId(dataDir: string, id: string): Promise<string> {
  const path = join(dataDir, VAULT_ID_FILE)
  const temp = `${path}.${process.pid}.${id.slice(0, 8)}`
  await writeFile(temp, `${id}\n`, { mode: 0o600 })
  try {
    await link(temp, path)
    return id
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return (await readId(path))!
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

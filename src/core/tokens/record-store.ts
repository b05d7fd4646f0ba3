/**
 * Token records on disk: `<dataDir>/tokens/<account>.json`, one file per account so a refresh
 * rewrites a few hundred bytes, written atomically; a lock file per account so the app and
 * the CLI never refresh the same pair at once (a refresh token is single use).
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { ensurePrivateDir } from '../private-dir'
import { writeFileAtomic } from '../vault/durable-file'
import { acquireFileLock } from '../vault/file-lock'
import { emptyTokenFile, parseTokenFile, type TokenFile } from './record-schema'

export const TOKENS_DIR = 'tokens'
const LOCK_TIMEOUT_MS = 15_000

/** Vault ids are UUIDs; anything else is hashed so it can never escape the directory. */
function fileKey(accountId: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(accountId) ? accountId : createHash('sha256').update(accountId).digest('hex').slice(0, 40)
}

export class TokenRecordStore {
  readonly dir: string
  /** mtime of each file as this process last read or wrote it. */
  private readonly seen = new Map<string, number>()
  private made = false

  constructor(dataDir: string) {
    this.dir = join(dataDir, TOKENS_DIR)
  }

  private path(accountId: string): string {
    return join(this.dir, `${fileKey(accountId)}.json`)
  }

  private async ensureDir(): Promise<void> {
    if (this.made) return
    await ensurePrivateDir(this.dir)
    this.made = true
  }

  /** The account's record; an absent or unreadable file reads as empty (the keychain pair is reconciled into it). */
  async read(accountId: string): Promise<TokenFile> {
    const path = this.path(accountId)
    try {
      const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)])
      this.seen.set(path, info.mtimeMs)
      const file = parseTokenFile(JSON.parse(text))
      return file && file.accountId === accountId ? file : emptyTokenFile(accountId)
    } catch {
      return emptyTokenFile(accountId)
    }
  }

  async write(file: TokenFile): Promise<void> {
    await this.ensureDir()
    const path = this.path(file.accountId)
    await writeFileAtomic(path, JSON.stringify(file, null, 1))
    this.seen.set(path, (await stat(path)).mtimeMs)
  }

  async remove(accountId: string): Promise<void> {
    await unlink(this.path(accountId)).catch(() => undefined)
  }

  lock(accountId: string): Promise<() => Promise<void>> {
    return this.ensureDir().then(() => acquireFileLock(join(this.dir, `${fileKey(accountId)}.lock`), LOCK_TIMEOUT_MS))
  }

  /** Every record on disk. */
  async all(): Promise<TokenFile[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const files: TokenFile[] = []
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        const path = join(this.dir, name)
        const file = parseTokenFile(JSON.parse(await readFile(path, 'utf8')))
        if (file) files.push(file)
        this.seen.set(path, (await stat(path)).mtimeMs)
      } catch {
        // Unreadable: the keychain pair is reconciled into a new record on first use.
      }
    }
    return files
  }

  /** Records another process changed since this one last read or wrote them. */
  async changedElsewhere(): Promise<TokenFile[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const changed: TokenFile[] = []
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const path = join(this.dir, name)
      const mtime = await stat(path).then((s) => s.mtimeMs).catch(() => null)
      if (mtime === null || this.seen.get(path) === mtime) continue
      try {
        const file = parseTokenFile(JSON.parse(await readFile(path, 'utf8')))
        this.seen.set(path, mtime)
        if (file) changed.push(file)
      } catch {
        // Mid-write by another process is impossible (atomic rename); a damaged file is skipped.
      }
    }
    return changed
  }
}

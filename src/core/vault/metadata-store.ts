/**
 * One JSON document on disk, written atomically, with a backup copy and a checksum. A
 * damaged or missing file is detected, reported and restored from the backup; when both are
 * unreadable the store refuses to load (and so to overwrite), and never starts over silently.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../errors'
import { tempPrefix, writeFileAtomic } from './durable-file'

interface Envelope {
  readonly format: string
  readonly version: number
  readonly generation: number
  readonly savedAt: string
  readonly sha256: string
  readonly data: unknown
}

type Candidate<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly envelope: Envelope; readonly text: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'bad'; readonly reason: string; readonly newer?: boolean }

export interface StoreNotice {
  readonly code: 'metadata.restored-from-backup'
  readonly message: string
}

export interface LoadResult<T> {
  /** Null when there is no document yet (a new vault). */
  readonly value: T | null
  readonly notices: ReadonlyArray<StoreNotice>
}

export interface DocumentStoreOptions<T> {
  readonly path: string
  readonly format: string
  readonly version: number
  /** Validates the stored data; throws when it does not have the expected structure. */
  readonly parse: (data: unknown) => T
  readonly now?: () => Date
}

const digest = (data: unknown): string => createHash('sha256').update(JSON.stringify(data)).digest('hex')

function deepFreeze<V>(value: V): V {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** Changes whenever the file is replaced: every save renames a new file (a new inode) over it. */
async function identityOf(path: string): Promise<string | null> {
  try {
    const info = await stat(path)
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`
  } catch {
    return null
  }
}

export class DocumentStore<T> {
  readonly backupPath: string
  private generation = 0
  /**
   * The last document read, while the file is unchanged: reading secrets or saving tokens loads
   * the accounts under the vault lock, and parsing and verifying 1,000 accounts took ~10 ms.
   * Frozen, because every loader gets the same objects.
   */
  private cached: { readonly identity: string; readonly value: T; readonly generation: number } | null = null

  constructor(private readonly options: DocumentStoreOptions<T>) {
    this.backupPath = `${options.path}.bak`
  }

  private async read(path: string): Promise<Candidate<T>> {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'bad', reason: `it cannot be read (${code ?? 'error'})` }
    }
    let envelope: Envelope
    try {
      envelope = JSON.parse(text) as Envelope
    } catch {
      return { kind: 'bad', reason: 'it is not valid JSON (cut short or damaged)' }
    }
    if (typeof envelope !== 'object' || envelope === null || envelope.format !== this.options.format)
      return { kind: 'bad', reason: 'it is not an AuthDesk account file' }
    if (typeof envelope.version !== 'number' || envelope.version > this.options.version)
      return { kind: 'bad', reason: 'it was written by a newer version of AuthDesk', newer: true }
    if (envelope.sha256 !== digest(envelope.data)) return { kind: 'bad', reason: 'its checksum does not match its content (damaged)' }
    try {
      return { kind: 'ok', value: this.options.parse(envelope.data), envelope, text }
    } catch {
      return { kind: 'bad', reason: 'its content does not have the expected structure' }
    }
  }

  /** Removes temp files of writers that were killed; call only while holding the vault lock. */
  private async removeLeftovers(): Promise<void> {
    const dir = dirname(this.options.path)
    const prefixes = [tempPrefix(this.options.path), tempPrefix(this.backupPath)]
    const names = await readdir(dir).catch(() => [] as string[])
    await Promise.all(names.filter((n) => prefixes.some((p) => n.startsWith(p))).map((n) => unlink(join(dir, n)).catch(() => undefined)))
  }

  private unreadable(primary: string, backup: string): AppError {
    const name = basename(this.options.path)
    return new AppError(
      'vault.metadata-unreadable',
      `The account file ${name} ${primary}, and its backup ${basename(this.backupPath)} ${backup}. AuthDesk has not changed either file. ` +
        `Restore ${name} from a backup of ${dirname(this.options.path)}, or move both files aside to start with no accounts ` +
        '(secrets still in the keychain then come back as recovered accounts).',
    )
  }

  async load(): Promise<LoadResult<T>> {
    const identity = await identityOf(this.options.path)
    if (identity !== null && this.cached?.identity === identity) {
      this.generation = this.cached.generation
      return { value: this.cached.value, notices: [] }
    }
    this.cached = null
    await this.removeLeftovers()
    const primary = await this.read(this.options.path)
    if (primary.kind === 'ok') {
      this.generation = primary.envelope.generation
      // Keyed by the identity seen before reading: if the file changed in between, the next load only misses.
      if (identity !== null) this.cached = { identity, value: deepFreeze(primary.value), generation: this.generation }
      return { value: primary.value, notices: [] }
    }
    if (primary.kind === 'bad' && primary.newer) throw this.unreadable(primary.reason, 'was not tried')
    const backup = await this.read(this.backupPath)
    if (backup.kind === 'missing' && primary.kind === 'missing') return { value: null, notices: [] }
    if (backup.kind !== 'ok') {
      const primaryReason = primary.kind === 'missing' ? 'is missing' : `is unreadable: ${primary.reason}`
      throw this.unreadable(primaryReason, backup.kind === 'missing' ? 'is missing' : `is unreadable too: ${backup.reason}`)
    }
    let kept = ''
    if (primary.kind === 'bad') {
      kept = `${this.options.path}.corrupt-${(this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}`
      await rename(this.options.path, kept)
    }
    await writeFileAtomic(this.options.path, backup.text)
    this.generation = backup.envelope.generation
    const name = basename(this.options.path)
    const why = primary.kind === 'missing' ? 'was missing' : `was unreadable (${primary.reason})`
    return {
      value: backup.value,
      notices: [
        {
          code: 'metadata.restored-from-backup',
          message:
            `${name} ${why}; restored the copy saved at ${backup.envelope.savedAt} from ${basename(this.backupPath)}.` +
            (kept ? ` The damaged file was kept as ${basename(kept)}.` : ''),
        },
      ],
    }
  }

  /** Writes the document, then the same content as the backup. */
  async save(value: T): Promise<void> {
    const data = value as unknown
    const envelope: Envelope = {
      format: this.options.format,
      version: this.options.version,
      generation: this.generation + 1,
      savedAt: (this.options.now?.() ?? new Date()).toISOString(),
      sha256: digest(data),
      data,
    }
    const text = JSON.stringify(envelope, null, 1) + '\n'
    await writeFileAtomic(this.options.path, text)
    this.generation = envelope.generation
    await writeFileAtomic(this.backupPath, text)
  }
}

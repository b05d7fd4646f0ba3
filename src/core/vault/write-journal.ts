/**
 * The vault's own record of keychain writes not yet committed to the account file. Before an
 * add writes any keychain item it saves the records it is about to commit here; after the
 * account file is saved the journal is emptied. A process killed in between leaves the
 * journal behind, and the next open finishes exactly those accounts whose items were written.
 * An item in the vault's namespace that the journal does not name is never adopted.
 */
import { readdir, readFile, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { accountRecordSchema, type AccountRecord } from './account-schema'
import { tempPrefix, writeFileAtomic } from './durable-file'

export const JOURNAL_FILE = 'keychain-journal.json'

const journalSchema = z.object({ v: z.literal(1), records: z.array(accountRecordSchema) })

export class WriteJournal {
  private readonly path: string

  constructor(dataDir: string) {
    this.path = join(dataDir, JOURNAL_FILE)
  }

  /** Saved (and synced) before the first keychain write of an add. */
  begin(records: ReadonlyArray<AccountRecord>): Promise<void> {
    return writeFileAtomic(this.path, JSON.stringify({ v: 1, records }))
  }

  /** Empties the journal, and removes the temp files of a writer killed while saving it (call while holding the vault lock). */
  async clear(): Promise<void> {
    await unlink(this.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
    const dir = dirname(this.path)
    const prefix = tempPrefix(this.path)
    const names = await readdir(dir).catch(() => [] as string[])
    await Promise.all(names.filter((n) => n.startsWith(prefix)).map((n) => unlink(join(dir, n)).catch(() => undefined)))
  }

  /** The records of an add that was interrupted; none when the journal is absent or not ours. */
  async pending(): Promise<ReadonlyArray<AccountRecord>> {
    const text = await readFile(this.path, 'utf8').catch(() => null)
    if (text === null) return []
    try {
      return journalSchema.parse(JSON.parse(text)).records
    } catch {
      return []
    }
  }
}

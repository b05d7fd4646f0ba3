/**
 * Check history per account, bounded, one small JSON file per account in `history/` next to
 * the vault's account file, so a check rewrites only its own account's history (a fleet of
 * 1,000 accounts would otherwise rewrite megabytes per check). The newest entries keep their
 * (already redacted) transcript for the wizard and bundles; older ones only the conclusion.
 */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnosis } from '../../shared/diagnosis'
import { JsonDocument } from '../json-document'

export const HISTORY_DIR = 'history'
export const MAX_ENTRIES_PER_ACCOUNT = 50
export const ENTRIES_WITH_TRANSCRIPT = 3

/** Account ids are UUIDs from the vault; anything else never becomes a file name. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/

export class HistoryStore {
  private readonly documents = new Map<string, JsonDocument<Diagnosis[]>>()

  constructor(private readonly dataDir: string) {}

  private document(id: string): JsonDocument<Diagnosis[]> | null {
    if (!SAFE_ID.test(id)) return null
    let document = this.documents.get(id)
    if (!document) this.documents.set(id, (document = new JsonDocument(this.path(id), () => [])))
    return document
  }

  private path(id: string): string {
    return join(this.dataDir, HISTORY_DIR, `${id}.json`)
  }

  /** Damaged history files found and kept aside (paths), so a caller can say so. */
  keptAside(): string[] {
    return [...this.documents.values()].flatMap((d) => (d.keptAside ? [d.keptAside] : []))
  }

  /** Newest first. */
  async list(id: string): Promise<ReadonlyArray<Diagnosis>> {
    return [...((await this.document(id)?.read()) ?? [])]
  }

  async append(id: string, diagnosis: Diagnosis): Promise<void> {
    await this.document(id)?.update((entries) => {
      const kept = [diagnosis, ...entries].slice(0, MAX_ENTRIES_PER_ACCOUNT)
      entries.splice(0, entries.length, ...kept.map((entry, index) => (index < ENTRIES_WITH_TRANSCRIPT ? entry : { ...entry, transcript: [] })))
    })
  }

  async forget(ids: ReadonlyArray<string>): Promise<void> {
    for (const id of ids.filter((i) => SAFE_ID.test(i))) {
      this.documents.delete(id)
      await rm(this.path(id), { force: true })
    }
  }
}

/**
 * Check history per account, bounded, in one JSON file next to the vault's account file.
 * The newest entries keep their (already redacted) transcript for the wizard and bundles;
 * older ones keep only the conclusion, so the file stays small.
 */
import { join } from 'node:path'
import type { Diagnosis } from '../../shared/diagnosis'
import { JsonDocument } from '../json-document'

export const HISTORY_FILE = 'history.json'
export const MAX_ENTRIES_PER_ACCOUNT = 50
export const ENTRIES_WITH_TRANSCRIPT = 3

type History = Record<string, Diagnosis[]>

export class HistoryStore {
  private readonly document: JsonDocument<History>

  constructor(dataDir: string) {
    this.document = new JsonDocument(join(dataDir, HISTORY_FILE), () => ({}))
  }

  /** Newest first. */
  async list(id: string): Promise<ReadonlyArray<Diagnosis>> {
    return [...((await this.document.read())[id] ?? [])]
  }

  async append(id: string, diagnosis: Diagnosis): Promise<void> {
    await this.document.update((history) => {
      const entries = [diagnosis, ...(history[id] ?? [])].slice(0, MAX_ENTRIES_PER_ACCOUNT)
      history[id] = entries.map((entry, index) => (index < ENTRIES_WITH_TRANSCRIPT ? entry : { ...entry, transcript: [] }))
    })
  }

  async forget(ids: ReadonlyArray<string>): Promise<void> {
    await this.document.update((history) => ids.forEach((id) => delete history[id]))
  }
}

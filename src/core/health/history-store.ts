/**
 * Check history per account, bounded, in one JSON file next to the vault's account file.
 * The newest entries keep their (already redacted) transcript for the wizard and bundles;
 * older ones keep only the conclusion, so the file stays small.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnosis } from '../../shared/diagnosis'
import { writeFileAtomic } from '../vault/durable-file'

export const HISTORY_FILE = 'history.json'
export const MAX_ENTRIES_PER_ACCOUNT = 50
export const ENTRIES_WITH_TRANSCRIPT = 3

type History = Record<string, Diagnosis[]>

export class HistoryStore {
  private cache: Promise<History> | null = null
  private writes: Promise<void> = Promise.resolve()

  constructor(private readonly dataDir: string) {}

  private load(): Promise<History> {
    this.cache ??= readFile(join(this.dataDir, HISTORY_FILE), 'utf8')
      .then((text) => JSON.parse(text) as History)
      // A lost or damaged history is not worth stopping for: it only holds past results.
      .catch(() => ({}))
    return this.cache
  }

  /** Newest first. */
  async list(id: string): Promise<ReadonlyArray<Diagnosis>> {
    return [...((await this.load())[id] ?? [])]
  }

  async latest(id: string): Promise<Diagnosis | null> {
    return (await this.load())[id]?.[0] ?? null
  }

  async append(id: string, diagnosis: Diagnosis): Promise<void> {
    const history = await this.load()
    const entries = [diagnosis, ...(history[id] ?? [])].slice(0, MAX_ENTRIES_PER_ACCOUNT)
    history[id] = entries.map((entry, index) => (index < ENTRIES_WITH_TRANSCRIPT ? entry : { ...entry, transcript: [] }))
    await this.persist(history)
  }

  async forget(ids: ReadonlyArray<string>): Promise<void> {
    const history = await this.load()
    for (const id of ids) delete history[id]
    await this.persist(history)
  }

  private persist(history: History): Promise<void> {
    const write = () => writeFileAtomic(join(this.dataDir, HISTORY_FILE), JSON.stringify(history))
    this.writes = this.writes.then(write, write)
    return this.writes
  }
}

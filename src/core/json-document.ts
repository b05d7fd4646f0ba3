import { readFile, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ensurePrivateDir } from './private-dir'
import { writeFileAtomic } from './vault/durable-file'

/**
 * A small JSON document kept in memory and written atomically after each change, one write
 * at a time. For derived, non-critical data (check history, wizard progress): a missing or
 * damaged file starts empty instead of stopping the app, and a damaged one is first kept aside
 * (`<file>.corrupt-<time>`), never silently replaced.
 */
export class JsonDocument<T> {
  private cache: Promise<T> | null = null
  private writes: Promise<void> = Promise.resolve()
  /** Where a damaged file was moved, once one was found. */
  keptAside: string | null = null

  constructor(
    private readonly path: string,
    private readonly empty: () => T,
  ) {}

  read(): Promise<T> {
    this.cache ??= readFile(this.path, 'utf8').then(
      (text) => this.parse(text),
      () => this.empty(),
    )
    return this.cache
  }

  private async parse(text: string): Promise<T> {
    try {
      return JSON.parse(text) as T
    } catch {
      const aside = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await rename(this.path, aside).then(
        () => (this.keptAside = aside),
        () => undefined,
      )
      return this.empty()
    }
  }

  async update(change: (document: T) => void): Promise<T> {
    const document = await this.read()
    change(document)
    const write = async (): Promise<void> => {
      await ensurePrivateDir(dirname(this.path))
      await writeFileAtomic(this.path, JSON.stringify(document))
    }
    this.writes = this.writes.then(write, write)
    await this.writes
    return document
  }
}

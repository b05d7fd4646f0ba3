/**
 * A lock file so that the app and the CLI (or two CLI runs) never interleave a
 * read-modify-write of the vault. The file holds the owner's pid; a lock whose owner has
 * died (a crash, a kill) is taken over.
 */
import { readdir, readFile, rename, stat, link, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../errors'

const RETRY_MS = 15
/** A lock file without a pid (not ours: ours always have one) is stale after this. */
const EMPTY_LOCK_STALE_MS = 2_000

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The stale lock's content, or null when the lock is held (or already gone). */
async function staleContent(path: string): Promise<string | null> {
  try {
    const content = await readFile(path, 'utf8')
    const pid = Number.parseInt(content, 10)
    if (Number.isInteger(pid) && pid > 0) return pid !== process.pid && !isAlive(pid) ? content : null
    return Date.now() - (await stat(path)).mtimeMs > EMPTY_LOCK_STALE_MS ? content : null
  } catch {
    return null
  }
}

let tempSequence = 0
/** `<lock>.<pid>.<n>`: unique per attempt, so two vault instances in one process never share a temp file. */
const ownTemp = (path: string): string => `${path}.${process.pid}.${tempSequence++}`

/** The pid is written first and the lock appears whole (hard link), so a lock file always names its owner. */
async function tryCreate(path: string): Promise<boolean> {
  const temp = ownTemp(path)
  await writeFile(temp, String(process.pid), { mode: 0o600 })
  try {
    await link(temp, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/** Removes `<lock>.<pid>.<n>` temp files of processes killed between writing and linking them. */
async function removeDeadTemps(path: string): Promise<void> {
  const prefix = `${basename(path)}.`
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    const pid = Number(name.slice(prefix.length).split('.')[0])
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await unlink(join(dirname(path), name)).catch(() => undefined)
  }
}

/** Moves a stale lock aside; if another process replaced it meanwhile, puts that one back. */
async function breakStale(path: string, content: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}`
  try {
    await rename(path, aside)
  } catch {
    return // someone else moved it first
  }
  const moved = await readFile(aside, 'utf8').catch(() => content)
  if (moved === content) await unlink(aside).catch(() => undefined)
  else await rename(aside, path).catch(() => undefined)
}

export async function acquireFileLock(path: string, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await tryCreate(path)) return () => unlink(path).catch(() => undefined)
    const stale = await staleContent(path)
    if (stale !== null) {
      await breakStale(path, stale)
      await removeDeadTemps(path)
      continue
    }
    if (Date.now() > deadline)
      throw new AppError('vault.busy', 'Another AuthDesk process is saving accounts and did not finish in time. Try again in a moment.')
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}

import { randomBytes } from 'node:crypto'
import { open, rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Prefix of the temporary files `writeFileAtomic` leaves behind when it is killed midway. */
export function tempPrefix(path: string): string {
  return `${basename(path)}.tmp-`
}

async function fsyncDir(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Some platforms (Windows) cannot open or sync a directory; the rename is still atomic.
  } finally {
    await handle?.close()
  }
}

/**
 * Replaces `path` with `content` so that a reader, or a process killed at any point, sees
 * either the old file or the new one, never a mix: write a temp file, fsync it, rename it
 * over the target, fsync the directory so the rename itself survives a power cut.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `${tempPrefix(path)}${process.pid}-${randomBytes(4).toString('hex')}`)
  const handle = await open(temp, 'wx', 0o600)
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, path)
  await fsyncDir(dir)
}

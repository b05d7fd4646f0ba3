/**
 * Folders that hold account data (the data directory, history, wizard progress, token
 * records, bundles, logs) are private to the user: created 0700 whatever the umask, and
 * tightened to 0700 when found looser (a folder made by an older version, or under umask 000).
 * Files inside are written 0600 (durable-file.ts). Windows has no such modes: there the
 * calls do nothing harmful.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs'
import { chmod, mkdir, stat } from 'node:fs/promises'

const PRIVATE = 0o700

export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE })
  if (process.platform === 'win32') return
  // mkdir's mode passes through the umask and leaves an existing folder alone.
  if (((await stat(path)).mode & 0o777) !== PRIVATE) await chmod(path, PRIVATE)
}

export function ensurePrivateDirSync(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE })
  if (process.platform === 'win32') return
  if ((statSync(path).mode & 0o777) !== PRIVATE) chmodSync(path, PRIVATE)
}

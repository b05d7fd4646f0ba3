import { spawnSync } from 'node:child_process'
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireFileLock } from '../../../../src/core/vault/file-lock'
import { tempDir } from './fake-store'

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString())
}

describe('acquireFileLock', () => {
  it('holds the lock with its pid and releases it', async () => {
    const path = join(await tempDir(), 'x.lock')
    const release = await acquireFileLock(path, 1000)
    expect(await readFile(path, 'utf8')).toBe(String(process.pid))
    await release()
    await expect(readFile(path)).rejects.toThrow()
  })

  it('waits for a live holder and times out with vault.busy', async () => {
    const path = join(await tempDir(), 'x.lock')
    const release = await acquireFileLock(path, 1000)
    await expect(acquireFileLock(path, 100)).rejects.toMatchObject({ code: 'vault.busy' })
    const waiting = acquireFileLock(path, 2000)
    setTimeout(() => void release(), 50)
    await (await waiting)()
  })

  it('takes over a lock whose owner died', async () => {
    const path = join(await tempDir(), 'x.lock')
    await writeFile(path, String(deadPid()))
    const release = await acquireFileLock(path, 500)
    expect(await readFile(path, 'utf8')).toBe(String(process.pid))
    await release()
  })

  it('takes over an old lock file that never got a pid', async () => {
    const path = join(await tempDir(), 'x.lock')
    await writeFile(path, '')
    await utimes(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    await (await acquireFileLock(path, 500))()
  })

  it('lets many acquirers in one process take turns, one holder at a time', async () => {
    const path = join(await tempDir(), 'x.lock')
    let holders = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        const release = await acquireFileLock(path, 10_000)
        most = Math.max(most, ++holders)
        await new Promise((resolve) => setTimeout(resolve, 2))
        holders--
        await release()
      }),
    )
    expect(most).toBe(1)
    expect(await readdir(join(path, '..'))).toEqual([])
  })

  it('clears temp files a killed process left next to a stale lock', async () => {
    const dir = await tempDir()
    const path = join(dir, 'x.lock')
    const dead = deadPid()
    await writeFile(path, String(dead))
    await writeFile(`${path}.${dead}.0`, String(dead))
    const release = await acquireFileLock(path, 500)
    await release()
    expect(await readdir(dir)).toEqual([])
  })
})

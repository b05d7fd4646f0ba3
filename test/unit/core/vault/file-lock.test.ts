import { spawnSync } from 'node:child_process'
import { readFile, utimes, writeFile } from 'node:fs/promises'
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
})

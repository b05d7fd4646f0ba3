/**
 * System errors name the path (or port) and the fix, and exit with 5, never 1 (which means
 * "a credential is failing"); with --json every error is one JSON object on stdout.
 */
import { createServer, type Server } from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'

interface JsonError {
  readonly error: { readonly code: string; readonly message: string; readonly field: string | null }
}

describe('authdesk errors and exit codes', () => {
  let root: string
  let aFile: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'authdesk-errors-'))
    aFile = join(root, 'not-a-dir')
    await writeFile(aFile, 'x')
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('a data directory that cannot be made: exit 5, the path and a fix, no raw errno text', async () => {
    const result = await runCli(['accounts', 'list', '--data-dir', join(aFile, 'vault')], process.env)
    expect(result.code).toBe(5)
    expect(result.stderr).toContain(aFile)
    expect(result.stderr).toMatch(/Fix: /)
    expect(result.stderr).toContain('docs/cli.md')
    expect(result.stderr).not.toMatch(/ENOTDIR: not a directory/)
  })

  it('the same under --json: one JSON error object on stdout with code, message and field', async () => {
    const result = await runCli(['accounts', 'list', '--json', '--data-dir', join(aFile, 'vault')], process.env)
    expect(result.code).toBe(5)
    const doc = JSON.parse(result.stdout) as JsonError
    expect(doc.error).toMatchObject({ code: 'fs.ENOTDIR', field: '--data-dir', message: expect.stringContaining(aFile) })
  })

  it('a usage error under --json is a JSON object too, naming the flag', async () => {
    const result = await runCli(['check', '--json', '--env', join(root, 'missing.env')], { PATH: process.env.PATH })
    expect(result.code).toBe(2)
    const doc = JSON.parse(result.stdout) as JsonError
    expect(doc.error).toMatchObject({ code: 'usage', field: '--env', message: expect.stringContaining('missing.env') })
  })

  describe('a port in use', () => {
    let server: Server
    let port = 0
    beforeAll(async () => {
      server = createServer()
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      port = (server.address() as { port: number }).port
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('simulate --port N: exit 5, names the port and the fix', async () => {
      const result = await runCli(['simulate', '--port', String(port)], process.env)
      expect(result.code).toBe(5)
      expect(result.stderr).toContain(`127.0.0.1:${port}`)
      expect(result.stderr).toMatch(/Fix: .*--port/)
    })
  })
})

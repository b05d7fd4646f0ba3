/** `authdesk bundle --out`: `-` is stdout, an existing file needs --force, unknown --exclude ids are named. */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'
const BIN = resolve(__dirname, '../../../bin/authdesk.js')

function runBinary(args: ReadonlyArray<string>, env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env, cwd, encoding: 'buffer' }, (error, stdout, stderr) =>
      done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr: stderr.toString() }),
    )
  })
}

describe.skipIf(!haveKeyring)('authdesk bundle --out (built binary, real keychain; run under scripts/keyring-run.sh)', () => {
  let root: string
  let dataDir: string
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'authdesk-bundle-out-'))
    dataDir = join(root, 'vault')
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    await writeFile(join(root, 'a.env'), 'PROD_NMBRS_USERNAME=ops@example.com\nPROD_NMBRS_TOKEN=bundle-out-token-1234567890\nPROD_NMBRS_DOMAIN=acme\n')
    expect((await runCli(['accounts', 'add', '--env', join(root, 'a.env'), '--data-dir', dataDir], env)).code).toBe(0)
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('--out - writes the zip to stdout and no file named "-"', async () => {
    const result = await runBinary(['bundle', '--account', 'PROD_NMBRS', '--out', '-', '--data-dir', dataDir], env, root)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    expect(result.stdout.toString('latin1')).not.toContain('bundle-out-token-1234567890')
    expect(await readdir(root)).not.toContain('-')
  })

  it('an existing --out file is not overwritten without --force', async () => {
    const out = join(root, 'existing.zip')
    await writeFile(out, 'keep me')
    const refused = await runCli(['bundle', '--account', 'PROD_NMBRS', '--out', out, '--data-dir', dataDir], env)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--force')
    expect(await readFile(out, 'utf8')).toBe('keep me')
    const forced = await runCli(['bundle', '--account', 'PROD_NMBRS', '--out', out, '--force', '--data-dir', dataDir], env)
    expect(forced.code, forced.stderr).toBe(0)
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK')
  })

  it('an unknown --exclude id is an error that lists the valid ones', async () => {
    const out = join(root, 'excluded.zip')
    const result = await runCli(['bundle', '--account', 'PROD_NMBRS', '--out', out, '--exclude', 'account:NOPE', '--data-dir', dataDir], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('account:NOPE')
    expect(result.stderr).toContain('account:USERNAME')
    expect(await readdir(root)).not.toContain('excluded.zip')
  })
})

/**
 * Smoke tests of the built command (`npm run build` first): redact from stdin and from a FILE,
 * and bundle's exit codes and --json. With AUTHDESK_TEST_KEYRING=1 (scripts/keyring-run.sh) the
 * bundle runs against the real Secret Service; without it, the command must stop with exit 4.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../unit/core/vault/fake-store'
import { canary } from './fixtures'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'
const service = `authdesk-test-${randomUUID()}`

async function authdesk(args: ReadonlyArray<string>, stdin = '') {
  const child = spawn(process.execPath, ['bin/authdesk.js', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: service } })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  child.stdin.end(stdin)
  const [code] = (await once(child, 'exit')) as [number]
  return { code, out, err }
}

describe('authdesk redact (built)', () => {
  it('redacts stdin to stdout and summarises on stderr', async () => {
    const secret = canary('stdin')
    const result = await authdesk(['redact', '--no-vault'], `{"Password":"${secret}","CustomerId":"1469"}\n`)
    expect(result).toEqual({ code: 0, out: '{"Password":"[redacted]","CustomerId":"1469"}\n', err: 'authdesk redact: removed 1: 1 json-field (vault not used: --no-vault)\n' })
  })

  it('redacts a FILE, and without a vault says so', async () => {
    const dir = await tempDir('authdesk-redact-spawn-')
    const file = join(dir, 'paste.log')
    await writeFile(file, `Authorization: Basic ${Buffer.from('QWERTZ:cnrypw12345').toString('base64')}\nok at 2026-05-04T09:00:00Z\n`)
    const result = await authdesk(['redact', file, '--data-dir', join(dir, 'no-vault-here')])
    expect(result.code).toBe(0)
    expect(result.out).toBe('Authorization: Basic [redacted]\nok at 2026-05-04T09:00:00Z\n')
    expect(result.err).toContain('removed 1: 1 authorization-basic (no vault at')
  })
})

describe('authdesk bundle (built)', () => {
  afterAll(async () => {
    if (!haveKeyring) return
    const keytar = (await import('keytar')).default
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
  })

  it('exit 2 on a usage error', async () => {
    const result = await authdesk(['bundle', '--out', 'x.zip'])
    expect(result.code).toBe(2)
    expect(result.err).toContain('--account NAME is required')
  })

  it.skipIf(haveKeyring)('exit 4 without a keychain (this run has none: see scripts/keyring-run.sh)', async () => {
    const dir = await tempDir('authdesk-bundle-spawn-')
    const result = await authdesk(['bundle', '--account', 'X', '--out', join(dir, 'b.zip'), '--data-dir', dir])
    expect(result.code).toBe(4)
    expect(existsSync(join(dir, 'b.zip'))).toBe(false)
  })

  it.runIf(haveKeyring)('writes a clean bundle from the real keychain; --json; exit 2 for an unknown account', async () => {
    const dir = await tempDir('authdesk-bundle-spawn-')
    const token = canary('spawn')
    await writeFile(join(dir, 'a.env'), `PROD_NMBRS_USERNAME=ops@acme.nl\nPROD_NMBRS_TOKEN=${token}\n`)
    expect((await authdesk(['accounts', 'add', '--env', join(dir, 'a.env'), '--data-dir', dir])).code).toBe(0)
    const out = join(dir, 'b.zip')
    const result = await authdesk(['bundle', '--account', 'PROD_NMBRS', '--out', out, '--json', '--data-dir', dir])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, path: out, checks: 0, scan: { clean: true, vaultSecrets: 1 } })
    for (const content of Object.values(unzipSync(await readFile(out))).map((d) => strFromU8(d))) expect(content).not.toContain(token)
    expect((await authdesk(['bundle', '--account', 'NOPE', '--out', out, '--data-dir', dir])).code).toBe(2)
  })
})

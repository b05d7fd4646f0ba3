/**
 * One account's keychain item is gone (removed outside AuthDesk, or a fresh keyring): that
 * account is reported `unknown` with cause `secret.unavailable` and its fix, and every other
 * account is still checked, in the table and in JSON.
 */
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

describe.skipIf(!haveKeyring)('check --vault with one secret missing (real keychain; run under scripts/keyring-run.sh)', () => {
  let sims: SimulatorSet
  let dataDir: string
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    sims = await startAllSimulators()
    dataDir = await mkdtemp(join(tmpdir(), 'authdesk-secret-missing-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const valid = sims.describe().credentials.nmbrs.valid!
    const lines = ['GOOD', 'GONE'].flatMap((name) => Object.entries(valid).map(([field, value]) => `${name}_NMBRS_${field}=${value}`))
    await writeFile(join(dataDir, 'accounts.env'), lines.join('\n'))
    const added = await runCli(['accounts', 'add', '--env', join(dataDir, 'accounts.env'), '--data-dir', dataDir], env)
    expect(added.code, added.stderr).toBe(0)
    const list = JSON.parse((await runCli(['accounts', 'list', '--json', '--data-dir', dataDir], env)).stdout) as { accounts: Array<{ id: string; label: string }> }
    const gone = list.accounts.find((a) => a.label === 'GONE_NMBRS')!
    const keytar = (await import('keytar')).default
    const service = await namespaceOf(dataDir, env.AUTHDESK_KEYCHAIN_SERVICE!)
    expect(await keytar.deletePassword(service, `account:${gone.id}`)).toBe(true)
  })
  afterAll(async () => {
    await sims?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('JSON: the other account is checked, the missing one is unknown with secret.unavailable; exit 3', async () => {
    const result = await runCli(['check', '--vault', '--json', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(3)
    const doc = JSON.parse(result.stdout) as { results: Array<{ account: string; state: string; cause: string; summary: string; fix?: string }>; summary: Record<string, number> }
    const byName = Object.fromEntries(doc.results.map((r) => [r.account, r]))
    expect(byName.GOOD_NMBRS).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(byName.GONE_NMBRS).toMatchObject({ state: 'unknown', cause: 'secret.unavailable', fix: expect.stringContaining('accounts add') })
    expect(doc.summary).toMatchObject({ healthy: 1, unknown: 1, failing: 0 })
  })

  it('table: both rows and the fix', async () => {
    const result = await runCli(['check', '--vault', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(3)
    expect(result.stdout).toMatch(/GOOD_NMBRS\s+nmbrs\s+healthy/)
    expect(result.stdout).toMatch(/GONE_NMBRS\s+nmbrs\s+unknown\s+secret\.unavailable/)
    expect(result.stdout).toContain('1 healthy, 0 degraded, 0 failing, 1 unknown')
  })
})

describe.skipIf(!haveKeyring)('check --vault with a damaged history file (real keychain)', () => {
  let dataDir: string
  let env: NodeJS.ProcessEnv
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'authdesk-history-damaged-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    await writeFile(join(dataDir, 'a.env'), 'H_NMBRS_USERNAME=ops@example.com\nH_NMBRS_TOKEN=history-token-1234567890\nH_NMBRS_DOMAIN=acme\nH_NMBRS_BASE_URL=http://127.0.0.1:9/soap/v3\n')
    expect((await runCli(['accounts', 'add', '--env', join(dataDir, 'a.env'), '--data-dir', dataDir], env)).code).toBe(0)
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('keeps the damaged file aside (.corrupt-…) and says so, instead of silently replacing it', async () => {
    const list = JSON.parse((await runCli(['accounts', 'list', '--json', '--data-dir', dataDir], env)).stdout) as { accounts: Array<{ id: string }> }
    await mkdir(join(dataDir, 'history'), { recursive: true })
    await writeFile(join(dataDir, 'history', `${list.accounts[0]!.id}.json`), '[{"state": "heal')
    const result = await runCli(['check', '--vault', '--data-dir', dataDir], env)
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/damaged check history was kept aside as .*\.corrupt-/)
    const aside = (await readdir(join(dataDir, 'history'))).filter((n) => n.includes('.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dataDir, 'history', aside[0]!), 'utf8')).toBe('[{"state": "heal')
  })
})

async function namespaceOf(dataDir: string, base: string): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  return `${base}/${(await readFile(join(dataDir, 'vault-id'), 'utf8')).trim()}`
}

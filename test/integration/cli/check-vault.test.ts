import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'


describe.skipIf(!haveKeyring)('authdesk check --vault (real keychain; run under scripts/keyring-run.sh)', () => {
  let sims: SimulatorSet
  let dataDir: string
  let env: NodeJS.ProcessEnv
  let secrets: string[]

  beforeAll(async () => {
    sims = await startAllSimulators()
    dataDir = await mkdtemp(join(tmpdir(), 'authdesk-check-vault-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const creds = sims.describe().credentials.nmbrs
    const valid = creds.valid!
    const wrong = creds['domain-wrong']!
    secrets = [valid.TOKEN!, wrong.TOKEN!]
    const file = join(dataDir, 'accounts.env')
    await writeFile(
      file,
      [
        `GOOD_NMBRS_USERNAME=${valid.USERNAME}`,
        `GOOD_NMBRS_TOKEN=${valid.TOKEN}`,
        `GOOD_NMBRS_DOMAIN=${valid.DOMAIN}`,
        `GOOD_NMBRS_BASE_URL=${valid.BASE_URL}`,
        `BAD_NMBRS_USERNAME=${wrong.USERNAME}`,
        `BAD_NMBRS_TOKEN=${wrong.TOKEN}`,
        `BAD_NMBRS_DOMAIN=${wrong.DOMAIN}`,
        `BAD_NMBRS_BASE_URL=${wrong.BASE_URL}`,
      ].join('\n'),
    )
    const added = await runCli(['accounts', 'add', '--env', file, '--data-dir', dataDir], env)
    expect(added.code, added.stderr).toBe(0)
  })
  afterAll(async () => {
    await sims?.close()
  })

  it('checks the vault’s accounts, prints JSON per cli.md and exits 1 when one is failing', async () => {
    const result = await runCli(['check', '--vault', '--json', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(1)
    const doc = JSON.parse(result.stdout) as { results: Array<{ account: string; state: string; cause: string }>; summary: Record<string, number> }
    const byName = Object.fromEntries(doc.results.map((r) => [r.account, r]))
    expect(byName.GOOD_NMBRS).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(byName.BAD_NMBRS).toMatchObject({ state: 'failing', cause: 'domain.invalid' })
    expect(doc.summary).toMatchObject({ healthy: 1, failing: 1 })
    for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret)
    // The check is recorded where the app shows it, without any secret.
    const historyDir = join(dataDir, 'history')
    const history = (await Promise.all((await readdir(historyDir)).map((f) => readFile(join(historyDir, f), 'utf8')))).join('\n')
    expect(history).toContain('domain.invalid')
    for (const secret of secrets) expect(history).not.toContain(secret)
  })

  it('--only picks accounts by name, and names a missing one', async () => {
    const good = await runCli(['check', '--vault', '--only', 'good_nmbrs', '--data-dir', dataDir], env)
    expect(good.code, good.stderr).toBe(0)
    const missing = await runCli(['check', '--vault', '--only', 'NOPE', '--data-dir', dataDir], env)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('NOPE')
  })

  it('says on stderr when the checks wait because the provider asked to (a 429 with Retry-After)', async () => {
    // One of the two concurrent checks gets the 429; the other's next request waits for the hold.
    sims.byId.nmbrs.faults.add({ kind: 'rate-limit', retryAfterSeconds: 2, count: 1 })
    const result = await runCli(['check', '--vault', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toMatch(/^authdesk check: Nmbrs[^\n]* asked to wait \(429\): its next request goes at \S+Z \(in [12] s\)\.$/m)
    expect(result.stdout).not.toContain('asked to wait')
  })

  it('refuses --vault with --env, and exits 4 without a keychain', async () => {
    expect((await runCli(['check', '--vault', '--env', 'x.env'], env)).code).toBe(2)
    const noBus = { ...env }
    delete noBus.DBUS_SESSION_BUS_ADDRESS
    const locked = await runCli(['check', '--vault', '--data-dir', dataDir], noBus)
    expect(locked.code).toBe(4)
    expect(locked.stderr).toContain('keychain is unavailable')
  })
})

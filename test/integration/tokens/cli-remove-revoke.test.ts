/**
 * `accounts remove` revokes the account's SMSGate tokens first: when that fails it stops
 * (non-zero, nothing removed) unless --force, which says what stays valid; `tokens revoke
 * --jti` of an id AuthDesk never issued is a usage error.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

describe.skipIf(!haveKeyring)('removal and revocation (built binary, real keychain; run under scripts/keyring-run.sh)', () => {
  let sims: SimulatorSet
  let dataDir: string
  let env: NodeJS.ProcessEnv
  const labels = async (): Promise<string[]> =>
    (JSON.parse((await runCli(['accounts', 'list', '--json', '--data-dir', dataDir], env)).stdout) as { accounts: Array<{ label: string }> }).accounts.map((a) => a.label)

  beforeAll(async () => {
    sims = await startAllSimulators()
    dataDir = await mkdtemp(join(tmpdir(), 'authdesk-remove-revoke-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const valid = sims.describe().credentials.smsgate.valid!
    const file = join(dataDir, 'accounts.env')
    await writeFile(file, [`SG_SMSGATE_USERNAME=${valid.USERNAME}`, `SG_SMSGATE_PASSWORD=${valid.PASSWORD}`, `SG_SMSGATE_BASE_URL=${valid.BASE_URL}`].join('\n'))
    expect((await runCli(['accounts', 'add', '--env', file, '--data-dir', dataDir], env)).code).toBe(0)
    const issued = await runCli(['tokens', 'issue', '--account', 'SG_SMSGATE', '--data-dir', dataDir], env)
    expect(issued.code, issued.stderr).toBe(0)
  })
  afterAll(async () => {
    await sims?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('tokens revoke --jti of an unknown id exits 2 and names the known ones', async () => {
    const result = await runCli(['tokens', 'revoke', '--account', 'SG_SMSGATE', '--jti', 'no-such-token', '--data-dir', dataDir], env)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no-such-token')
  })

  it('accounts remove stops when the token cannot be revoked: non-zero, nothing removed', async () => {
    sims.byId.smsgate.faults.add({ kind: 'server-error' })
    const result = await runCli(['accounts', 'remove', 'SG_SMSGATE', '--data-dir', dataDir], env)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/not removed|Nothing was removed/)
    expect(result.stderr).toContain('--force')
    expect(await labels()).toEqual(['SG_SMSGATE'])
  })

  it('--force removes it anyway and says which token stays valid', async () => {
    const result = await runCli(['accounts', 'remove', 'SG_SMSGATE', '--force', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(/stays valid until/)
    expect(await labels()).toEqual([])
    sims.byId.smsgate.faults.clear()
  })
})

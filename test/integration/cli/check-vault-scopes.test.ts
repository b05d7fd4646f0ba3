/**
 * An SMSGate account saved without scopes declares no requirement: a least-privilege
 * `messages:send` token (SMSGate's own FAQ example) is healthy through the vault as through
 * `--env` (issue 14). Real keychain: run under scripts/keyring-run.sh; `npm run build` first.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

describe.skipIf(!haveKeyring)('authdesk check --vault: declared scopes are the only requirements (real keychain)', () => {
  let sims: SimulatorSet
  let dataDir: string
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    sims = await startAllSimulators()
    dataDir = await mkdtemp(join(tmpdir(), 'authdesk-vault-scopes-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const sendOnly = sims.describe().credentials.smsgate['send-only-token']!
    const file = join(dataDir, 'accounts.env')
    await writeFile(file, [`SEND_SMSGATE_TOKEN=${sendOnly.TOKEN}`, `SEND_SMSGATE_BASE_URL=${sendOnly.BASE_URL}`].join('\n'))
    const added = await runCli(['accounts', 'add', '--env', file, '--data-dir', dataDir], env)
    expect(added.code, added.stderr).toBe(0)
  })
  afterAll(async () => {
    await runCli(['accounts', 'remove', 'SEND_SMSGATE', '--data-dir', dataDir], env)
    await sims?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('a messages:send token saved without scopes is healthy, with a note saying what it lacks', async () => {
    const result = await runCli(['check', '--vault', '--json', '--data-dir', dataDir], env)
    expect(result.code, result.stderr).toBe(0)
    const doc = JSON.parse(result.stdout) as { results: Array<{ account: string; state: string; cause: string }> }
    expect(doc.results).toEqual([expect.objectContaining({ account: 'SEND_SMSGATE', state: 'healthy', cause: 'ok' })])
  })
})

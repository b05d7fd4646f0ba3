/**
 * The reported attack through the built CLI (issue 13, point 4): rewrite an account's base URL
 * and the file's checksum in accounts.json, then run `tokens issue` and `check --vault`. The
 * credential must not reach the new host. Needs `npm run build` and scripts/keyring-run.sh.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

describe.skipIf(!haveKeyring)('authdesk with an accounts.json edited to point elsewhere', () => {
  let sims: SimulatorSet
  let other: Server
  let otherUrl = ''
  let dir: string
  const received: string[] = []
  const env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }

  beforeAll(async () => {
    sims = await startAllSimulators()
    other = createServer((req, res) => {
      received.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`)
      res.writeHead(404).end()
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/3rdparty/v1`
    dir = mkdtempSync(join(tmpdir(), 'authdesk-tamper-'))
  })
  afterAll(async () => {
    await runCli(['accounts', 'remove', 'SG_SMSGATE', '--data-dir', join(dir, 'data')], env)
    await new Promise((resolve) => other.close(resolve))
    await sims.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('tokens issue and check send nothing to the new host and say the file was changed', async () => {
    const dataDir = join(dir, 'data')
    const valid = sims.byId.smsgate.scenarioCredentials().valid!
    const file = join(dir, 'accounts.env')
    writeFileSync(file, [`SG_SMSGATE_USERNAME=${valid.USERNAME}`, `SG_SMSGATE_PASSWORD=${valid.PASSWORD}`, `SG_SMSGATE_BASE_URL=${valid.BASE_URL}`].join('\n'))
    expect((await runCli(['accounts', 'add', '--env', file, '--data-dir', dataDir], env)).code).toBe(0)

    const path = join(dataDir, 'accounts.json')
    const envelope = JSON.parse(readFileSync(path, 'utf8')) as { sha256: string; data: { accounts: Array<{ baseUrl: string | null }> } }
    envelope.data.accounts[0]!.baseUrl = otherUrl
    envelope.sha256 = createHash('sha256').update(JSON.stringify(envelope.data)).digest('hex')
    writeFileSync(path, JSON.stringify(envelope))

    const issue = await runCli(['tokens', 'issue', '--account', 'SG_SMSGATE', '--data-dir', dataDir], env)
    expect(issue.code).not.toBe(0)
    expect(issue.stderr).toMatch(/changed outside AuthDesk, so nothing was sent/)
    const check = await runCli(['check', '--vault', '--json', '--data-dir', dataDir], env)
    expect(JSON.parse(check.stdout).results[0]).toMatchObject({ cause: 'config.invalid' })
    expect(received).toEqual([])
  })
})

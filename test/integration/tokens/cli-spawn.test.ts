/** `authdesk tokens` as a user runs it: the built binary, a separate data dir, the real keychain. */
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/run-cli'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'


describe.skipIf(!haveKeyring)('authdesk tokens (built binary, real keychain; run under scripts/keyring-run.sh after npm run build)', () => {
  let sims: SimulatorSet
  let dataDir: string
  let env: NodeJS.ProcessEnv
  const issued: string[] = []

  beforeAll(async () => {
    sims = await startAllSimulators()
    // Every access and refresh token the simulator hands out, to look for in the output.
    const simulator = sims.byId.smsgate.simulator
    const handle = simulator.handle.bind(simulator)
    simulator.handle = async (request, context) => {
      const response = await handle(request, context)
      const body = /access_token/.test(response.body ?? '') ? (JSON.parse(response.body!) as { access_token: string; refresh_token?: string }) : null
      if (body) issued.push(body.access_token, ...(body.refresh_token ? [body.refresh_token] : []))
      return response
    }
    dataDir = await mkdtemp(join(tmpdir(), 'authdesk-tokens-cli-'))
    env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const valid = sims.describe().credentials.smsgate.valid!
    const file = join(dataDir, 'accounts.env')
    await writeFile(file, [`SG_SMSGATE_USERNAME=${valid.USERNAME}`, `SG_SMSGATE_PASSWORD=${valid.PASSWORD}`, `SG_SMSGATE_BASE_URL=${valid.BASE_URL}`, 'SG_SMSGATE_SCOPES=devices:list,messages:send'].join('\n'))
    const added = await runCli(['accounts', 'add', '--env', file, '--data-dir', dataDir], env)
    expect(added.code, added.stderr).toBe(0)
  })
  afterAll(async () => {
    await runCli(['accounts', 'remove', 'SG_SMSGATE', '--data-dir', dataDir], env)
    await sims?.close()
  })

  it('issue, list, refresh, revoke on the same vault; a token is printed only by issue --print', async () => {
    const first = await runCli(['tokens', 'issue', '--account', 'SG_SMSGATE', '--json', '--data-dir', dataDir], env)
    expect(first.code, first.stderr).toBe(0)
    const state = (JSON.parse(first.stdout) as { state: { jti: string; scopes: string[]; status: string } }).state
    expect(state).toMatchObject({ status: 'active', scopes: ['devices:list', 'messages:send'] })

    const listed = await runCli(['tokens', 'list', '--account', 'SG_SMSGATE', '--data-dir', dataDir], env)
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain(state.jti)
    expect(listed.stdout).toMatch(/REFRESH-AT/)

    const refreshed = await runCli(['tokens', 'refresh', '--account', 'SG_SMSGATE', '--json', '--data-dir', dataDir], env)
    expect(refreshed.code, refreshed.stderr).toBe(0)
    expect(JSON.parse(refreshed.stdout).state.lastRefresh.outcome).toBe('refreshed')

    const printed = await runCli(['tokens', 'issue', '--account', 'SG_SMSGATE', '--scopes', 'messages:send', '--print', '--data-dir', dataDir], env)
    expect(printed.code, printed.stderr).toBe(0)
    expect(issued).toContain(printed.stdout.trim())

    const revoked = await runCli(['tokens', 'revoke', '--account', 'SG_SMSGATE', '--json', '--data-dir', dataDir], env)
    expect(revoked.code, revoked.stderr).toBe(0)
    expect((JSON.parse(revoked.stdout) as { state: { records: Array<{ status: string }> } }).state.records.every((r) => r.status === 'revoked')).toBe(true)

    const others = [first, listed, refreshed, revoked].map((r) => r.stdout + r.stderr).join('\n') + printed.stderr
    for (const token of issued) expect(others).not.toContain(token)
    expect(await readdir(join(dataDir, 'tokens'))).toEqual(expect.arrayContaining([expect.stringMatching(/\.json$/)]))
  })

  it('exit codes: 2 for usage, 1 when the account cannot do it', async () => {
    expect((await runCli(['tokens', 'list', '--account', 'SG_SMSGATE', '--print', '--data-dir', dataDir], env)).code).toBe(2)
    expect((await runCli(['tokens', 'list', '--account', 'NOPE', '--data-dir', dataDir], env)).code).toBe(2)
    const bad = await runCli(['tokens', 'issue', '--account', 'SG_SMSGATE', '--scopes', 'tokens:refresh', '--data-dir', dataDir], env)
    expect(bad.code).toBe(2)
    // Everything was revoked above: refreshing a revoked token is refused (failing).
    const revoked = await runCli(['tokens', 'refresh', '--account', 'SG_SMSGATE', '--data-dir', dataDir], env)
    expect(revoked.code).toBe(1)
    expect(revoked.stderr).toMatch(/revoked: issue a new one/)
  })

  it('accounts remove revokes the tokens it handed out before removing the account', async () => {
    const printed = await runCli(['tokens', 'issue', '--account', 'SG_SMSGATE', '--print', '--data-dir', dataDir], env)
    expect(printed.code, printed.stderr).toBe(0)
    const token = printed.stdout.trim()
    const devices = async (): Promise<number> => {
      const response = await fetch(`${sims.byId.smsgate.baseUrl}/devices`, { headers: { authorization: `Bearer ${token}` } })
      await response.arrayBuffer()
      return response.status
    }
    expect(await devices()).toBe(200)

    const removed = await runCli(['accounts', 'remove', 'SG_SMSGATE', '--data-dir', dataDir], env)
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed SG_SMSGATE (revoked 1 SMSGate token)\n', stderr: '' })
    expect(await devices()).toBe(401)
    expect((await runCli(['accounts', 'list', '--data-dir', dataDir], env)).stdout).not.toContain('SG_SMSGATE')
  })
})

/**
 * The built `authdesk check` against the simulators (spec/cli.md): variables from the
 * environment and from --env FILE, human and JSON output, exit codes 0/1/2/3, and no secret
 * in anything it prints. Needs `npm run build` first.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import type { BuiltInProviderId } from '../../../src/shared/model'
import { canary, expectNoSecrets, secretsOf } from '../../support/diagnosis'

let sims: SimulatorSet
let dir: string

beforeAll(async () => {
  sims = await startAllSimulators()
  dir = mkdtempSync(join(tmpdir(), 'authdesk-check-'))
})
afterAll(async () => {
  await sims.close()
  rmSync(dir, { recursive: true, force: true })
})

async function check(args: ReadonlyArray<string>, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/authdesk.js', 'check', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const [code] = (await once(child, 'exit')) as [number]
  return { code, stdout, stderr }
}

/** `<prefix>_<FIELD>` variables for one scenario of one provider. */
function vars(prefix: string, provider: BuiltInProviderId, scenario: string, patch: Record<string, string> = {}): Record<string, string> {
  const fields = { ...sims.byId[provider].scenarioCredentials()[scenario], ...patch }
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}_${k}`, v]))
}

function envFile(name: string, variables: Record<string, string>): string {
  const path = join(dir, name)
  writeFileSync(path, Object.entries(variables).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n'))
  return path
}

const allValid = (): Record<string, string> => ({
  ...vars('GROUPCALL', 'groupcall', 'valid'),
  ...vars('NMBRS', 'nmbrs', 'valid'),
  ...vars('SMSGATE', 'smsgate', 'valid'),
  ...vars('AUTHMATECH', 'authmatech', 'valid'),
})

describe('authdesk check', () => {
  it('reads accounts from the environment, prints a table, and exits 0 when all are healthy', async () => {
    const { code, stdout, stderr } = await check([], allValid())
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^ACCOUNT\s+PROVIDER\s+STATE\s+CAUSE/)
    for (const name of ['GROUPCALL', 'NMBRS', 'SMSGATE', 'AUTHMATECH']) expect(stdout).toMatch(new RegExp(`^${name}\\s+\\w+\\s+healthy\\s+ok`, 'm'))
    expect(stdout).toContain('4 healthy, 0 degraded, 0 failing, 0 unknown')
  })

  it('prints the JSON document of spec/cli.md and exits 1 when one account is failing', async () => {
    const file = envFile('failing.env', { ...vars('PROD_NMBRS', 'nmbrs', 'domain-full-host'), ...vars('SMSGATE', 'smsgate', 'valid') })
    const { code, stdout } = await check(['--env', file, '--json'])
    expect(code).toBe(1)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    const doc = JSON.parse(stdout) as { results: Array<Record<string, unknown>>; summary: Record<string, number> }
    expect(doc.summary).toEqual({ healthy: 1, degraded: 0, failing: 1, unknown: 0 })
    const nmbrs = doc.results.find((r) => r.account === 'PROD_NMBRS')!
    expect(Object.keys(nmbrs).sort()).toEqual(['account', 'cause', 'durationMs', 'evidence', 'provider', 'retryable', 'state', 'summary'])
    expect(nmbrs).toMatchObject({
      provider: 'nmbrs',
      state: 'failing',
      cause: 'domain.invalid',
      retryable: false,
      summary: "The domain 'acme.nmbrs.nl' was refused; this token's domain is 'acme'.",
      evidence: { step: 'List_GetAll', status: 500, providerCode: '1001' },
    })
  })

  it('exits 3 when nothing fails but something is unknown, and --timeout bounds the wait', async () => {
    sims.byId.authmatech.faults.add({ kind: 'hang' })
    try {
      const { code, stdout } = await check(['--json', '--timeout', '300'], { ...vars('AUTHMATECH', 'authmatech', 'valid'), ...vars('SMSGATE', 'smsgate', 'valid') })
      expect(code).toBe(3)
      const doc = JSON.parse(stdout) as { results: Array<{ account: string; cause: string; retryable: boolean }> }
      expect(doc.results.find((r) => r.account === 'AUTHMATECH')).toMatchObject({ cause: 'network.timeout', retryable: true })
    } finally {
      sims.byId.authmatech.faults.clear()
    }
  })

  it('lets FILE win over the environment, and --only pick accounts by NAME or full name', async () => {
    const env = { ...vars('SMSGATE', 'smsgate', 'valid', { PASSWORD: 'wrong-passw0rd' }), ...vars('PROD_NMBRS', 'nmbrs', 'valid') }
    const file = envFile('fix.env', vars('SMSGATE', 'smsgate', 'valid'))
    const both = await check(['--env', file, '--json'], env)
    expect(JSON.parse(both.stdout)).toMatchObject({ summary: { healthy: 2 } })
    const only = await check(['--env', file, '--json', '--only', 'PROD'], env)
    expect((JSON.parse(only.stdout) as { results: Array<{ account: string }> }).results.map((r) => r.account)).toEqual(['PROD_NMBRS'])
  })

  it.each([
    ['an unknown flag', ['--colour'], /Unknown option '--colour'/],
    ['an unreadable file', ['--env', '/nonexistent/accounts.env'], /cannot read --env file/],
    ['no accounts at all', [], /no accounts found/],
    ['--only naming no account', ['--only', 'NOPE'], /--only names no account: NOPE/],
    ['a bad --concurrency', ['--concurrency', '0'], /--concurrency must be a whole number/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const env = args[0] === '--only' ? vars('SMSGATE', 'smsgate', 'valid') : {}
    const { code, stderr } = await check(args, env)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })

  it('prints no secret, human or JSON, whatever the accounts contain', async () => {
    const canaries = { gc: canary('gcpw'), nm: canary('nmtk'), sg: canary('sgpw'), am: canary('amkey') }
    const env = {
      ...vars('CANARY_GROUPCALL', 'groupcall', 'valid', { PASSWORD: `${canaries.gc} ` }),
      ...vars('CANARY_NMBRS', 'nmbrs', 'valid', { TOKEN: canaries.nm }),
      ...vars('CANARY_SMSGATE', 'smsgate', 'valid', { PASSWORD: canaries.sg }),
      ...vars('CANARY_AUTHMATECH', 'authmatech', 'valid', { API_KEY: `"${canaries.am}"` }),
      ...vars('GROUPCALL', 'groupcall', 'valid'),
      ...vars('SMSGATE', 'smsgate', 'token-valid'),
      SMSGATE_PASWORD: canary('typo'),
    }
    const secrets = [...Object.values(canaries), ...secretsOf('groupcall', vars('X', 'groupcall', 'valid')), ...secretsOf('smsgate', sims.byId.smsgate.scenarioCredentials()['token-valid']!)]
    for (const json of [true, false]) {
      const { code, stdout, stderr } = await check(json ? ['--json'] : [], env)
      expect(code).toBe(1)
      expect(stderr).toContain('ignored SMSGATE_PASWORD')
      expectNoSecrets(stdout + stderr, secrets, json ? 'json' : 'table')
    }
  })
})

describe('authdesk check with a large inventory', () => {
  it('writes the whole JSON document to a slow pipe before exiting', async () => {
    const env: Record<string, string> = {}
    // Within each provider's request budget per minute (SMSGate 600, Groupcall 300); more would wait for the next minute.
    for (let i = 0; i < 500; i++) Object.assign(env, vars(`BULK${i}_SMSGATE`, 'smsgate', 'valid'))
    for (let i = 0; i < 250; i++) Object.assign(env, vars(`BULK${i}_GROUPCALL`, 'groupcall', 'valid'))
    // Well over the 64 KiB a pipe buffers, read by a consumer that starts late.
    const child = spawn('sh', ['-c', `"${process.execPath}" bin/authdesk.js check --json | (sleep 1; cat)`], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    const exited = once(child, 'exit')
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    await exited
    expect(stdout.length).toBeGreaterThan(128 * 1024)
    expect((JSON.parse(stdout) as { summary: { healthy: number } }).summary.healthy).toBe(750)
  }, 30_000)
})

describe('authdesk check and Ctrl-C', () => {
  it('stops at once when interrupted while a provider hangs (it does not wait for the timeout)', async () => {
    sims.byId.groupcall.faults.add({ kind: 'hang', count: 1 })
    const child = spawn(process.execPath, ['bin/authdesk.js', 'check', '--timeout', '300000'], {
      env: { PATH: process.env.PATH ?? '', ...vars('GROUPCALL', 'groupcall', 'valid') },
      stdio: 'ignore',
    })
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    // The hang rule is dropped once the request took it: the check is now waiting on the provider.
    while (sims.byId.groupcall.faults.list().length > 0) await new Promise((resolve) => setTimeout(resolve, 20))
    child.kill('SIGINT')
    // It prints what it has (nothing finished here) and exits 130 at once, without waiting for the provider.
    expect(await exited).toEqual([130, null])
  })
})


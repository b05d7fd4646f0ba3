import { readdir } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { createTokensCommand } from '../../../src/cli/commands/tokens'
import type { CliIo } from '../../../src/cli/io'
import { runCli, runCommand } from '../../../src/cli/main'
import { createServices } from '../../../src/core/services'
import { addSmsGate, tapSmsGate, tokenWorld, type TokenWorld } from '../../integration/tokens/support'
import { FakeKeychain, memoryStatus, tempDir } from '../core/vault/fake-store'

const worlds: TokenWorld[] = []
afterEach(async () => {
  for (const world of worlds.splice(0)) {
    await world.services.close()
    await world.sims.close()
  }
})

function io() {
  const out: string[] = []
  const err: string[] = []
  const value: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: {}, readStdin: async () => '', interrupted: new Promise(() => {}) }
  return { value, out: () => out.join(''), err: () => err.join('') }
}

async function setup() {
  const w = await tokenWorld({ ttlSeconds: 900, maxTtlSeconds: 900, schedule: false })
  worlds.push(w)
  const tap = tapSmsGate(w.sims)
  await addSmsGate(w, { label: 'SG' })
  await addSmsGate(w, { label: 'SG-TOKEN-ONLY', scenario: 'token-valid', withoutBasic: true })
  const command = createTokensCommand(async () => w.services)
  const run = async (...argv: string[]) => {
    const t = io()
    const code = await runCommand(command, argv, t.value)
    return { code, out: t.out(), err: t.err() }
  }
  return { w, tap, run }
}

describe('authdesk tokens', () => {
  it('issue, list, refresh and revoke a managed token; no token is printed', async () => {
    const { run, tap } = await setup()
    const issued = await run('issue', '--account', 'sg', '--scopes', 'devices:list,messages:send', '--ttl', '3600')
    expect(issued.code, issued.err).toBe(0)
    expect(issued.out).toMatch(/^SG {2}smsgate {2}token active {2}jti [A-Za-z0-9_-]{21}/)
    expect(issued.out).toContain('scopes: devices:list, messages:send')
    expect(issued.out).toContain('! The server capped the TTL to 900 s (asked 3600 s).')
    expect(issued.out).toMatch(/JTI\s+SCOPES\s+ISSUED\s+REFRESH-AT\s+EXPIRES-AT\s+STATUS/)

    const listed = JSON.parse((await run('list', '--account', 'SG', '--json')).out) as { account: string; state: { jti: string; records: Array<{ status: string }> } }
    expect(listed).toMatchObject({ account: 'SG', state: { records: [{ status: 'current' }] } })
    const refreshed = JSON.parse((await run('refresh', '--account', 'SG', '--json')).out) as { state: { jti: string; lastRefresh: { outcome: string } } }
    expect(refreshed.state.lastRefresh.outcome).toBe('refreshed')
    expect(refreshed.state.jti).not.toBe(listed.state.jti)
    const revoked = await run('revoke', '--account', 'SG', `--jti=${refreshed.state.jti}`)
    expect(revoked.code).toBe(0)
    expect(revoked.out).toContain('token revoked')
    for (const token of tap.issuedTokens) expect(issued.out + revoked.out + JSON.stringify(listed) + JSON.stringify(refreshed)).not.toContain(token)
  })

  it('issue --print hands out a token AuthDesk records but does not manage', async () => {
    const { run, tap } = await setup()
    const printed = await run('issue', '--account', 'SG', '--scopes', 'messages:send', '--print')
    expect(printed.code).toBe(0)
    expect(printed.out.trim()).toBe(tap.issuedTokens[0])
    expect(printed.err).toMatch(/Issued [A-Za-z0-9_-]{21} \(messages:send\).*will neither use nor refresh it/)
    const json = JSON.parse((await run('issue', '--account', 'SG', '--print', '--json')).out) as { token: { accessToken: string; jti: string }; state: { status: string; records: Array<{ jti: string; origin: string }> } }
    expect(json.token.accessToken).toBe(tap.issuedTokens[2])
    expect(json.state.status).toBe('none')
    expect(json.state.records.map((r) => r.origin)).toEqual(['detached', 'detached'])
  })

  it.each([
    [['issue', '--account', 'SG-TOKEN-ONLY'], 1, 'needs its USERNAME and PASSWORD'],
    [['refresh', '--account', 'SG'], 1, 'issue one first'],
    [['issue', '--account', 'SG', '--scopes', 'tokens:refresh'], 2, 'added by SMSGate itself'],
    [['issue', '--account', 'SG', '--scopes', 'mesages:send'], 2, 'has no scope mesages:send'],
    [['list', '--account', 'NOPE'], 2, 'no account named NOPE'],
  ])('%j exits %i', async (argv, code, message) => {
    const { run } = await setup()
    const result = await run(...argv)
    expect(result.code).toBe(code)
    expect(result.err).toContain(message)
  })

  it('a provider that cannot be reached is "unknown" (exit 3)', async () => {
    const { run, w } = await setup()
    await w.sims.close()
    const result = await run('issue', '--account', 'SG')
    expect(result.code).toBe(3)
    expect(result.err).toMatch(/refused|reach/i)
  })

  it.each([
    [['list'], '--account NAME is required'],
    [['list', '--account', 'SG', '--print'], '--print goes with `tokens issue` only'],
    [['refresh', '--account', 'SG', '--ttl', '60'], '--ttl goes with `tokens issue` only'],
    [['list', '--account', 'SG', '--jti', 'x'], '--jti goes with `tokens revoke` only'],
    [['issue', '--account', 'SG', '--ttl', '1.5'], '--ttl must be whole seconds'],
    [['rotate', '--account', 'SG'], 'unknown action'],
    [[], 'say what to do'],
  ])('usage error %j (exit 2, before the vault is opened)', async (argv, message) => {
    const t = io()
    expect(await runCli(['tokens', ...argv], t.value)).toBe(2)
    expect(t.err()).toContain(message)
  })

  it('without a keychain: exit 4 and nothing written', async () => {
    const dataDir = await tempDir('authdesk-cli-tokens-')
    const command = createTokensCommand((dir) => createServices({ dataDir: dir, appVersion: 'test', secretStore: new FakeKeychain(memoryStatus()) }))
    const t = io()
    expect(await runCommand(command, ['list', '--account', 'SG', '--data-dir', dataDir], t.value)).toBe(4)
    expect(t.err()).toContain('the OS keychain is unavailable')
    expect(await readdir(dataDir)).toEqual([])
  })
})

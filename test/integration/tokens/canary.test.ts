/**
 * Every token the simulator issues is a canary: after the whole lifecycle through the IPC
 * router (issue, refreshes on schedule and by hand, a re-issue, revocations, checks, deleting the
 * account with a revocation failing), none of
 * them may appear in an IPC answer, an event, a log line, a file of the data dir, or the CLI's
 * output — except the one token `tokens issue --print` hands out, on its stdout only.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createTokensCommand } from '../../../src/cli/commands/tokens'
import type { CliIo } from '../../../src/cli/io'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { createRouter } from '../../../src/core/ipc/router'
import { REFRESH_TOKEN } from '../../../src/core/tokens/managed-pair'
import type { ChannelName } from '../../../src/shared/contract'
import type { TokenState } from '../../../src/shared/tokens'
import { hitsIn, hitsInDir } from '../vault/canaries'
import { addSmsGate, keychainTokens, settle, spendRefreshToken, tapSmsGate, tokenWorld, type TokenWorld } from './support'

let world: TokenWorld | null = null
afterAll(async () => {
  await world?.services.close()
  await world?.sims.close()
})

function cliIo() {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), env: {}, readStdin: async () => '', interrupted: new Promise(() => {}) }
  return { io, out: () => out.join(''), err: () => err.join('') }
}

describe('token values never leave core', () => {
  it('appear in no IPC answer, event, log line, record file or CLI output (except issue --print)', async () => {
    const w = (world = await tokenWorld({ ttlSeconds: 60 }))
    const tap = tapSmsGate(w.sims)
    const { services } = w
    const id = await addSmsGate(w, { label: 'SG' })
    const router = createRouter(createHandlers(services), { trust: () => true, logger: services.logger })
    const answers: string[] = []
    const call = async <T>(channel: ChannelName, payload?: unknown): Promise<T> => {
      const reply = (await router.dispatch({ url: 'app://authdesk/index.html', isMainFrame: true }, channel, payload)) as { ok: boolean; value: T }
      answers.push(JSON.stringify(reply))
      expect(reply.ok, JSON.stringify(reply)).toBe(true)
      return reply.value
    }

    const issued = await call<TokenState>('tokens:issue', { accountId: id, ttlSeconds: 3600 })
    await call('health:check', { id })
    for (let i = 0; i < 6; i++) {
      w.clock.advance(20_000)
      await settle(w)
    }
    await call('tokens:refresh', { accountId: id })
    await spendRefreshToken(w.sims, (await keychainTokens(w, id))[REFRESH_TOKEN]!)
    await call('tokens:refresh', { accountId: id }) // refused refresh token → re-issue with Basic
    await call('tokens:issue', { accountId: id, scopes: ['messages:send', 'devices:list'] })
    await call('health:check', { id })
    await call('tokens:list', { accountId: id })
    await call('tokens:due')
    await call('tokens:revoke', { accountId: id, jti: issued.jti })

    const cli = createTokensCommand(async () => services)
    const cliOutput: string[] = []
    for (const argv of [['list'], ['list', '--json'], ['refresh', '--json'], ['issue', '--scopes', 'devices:list'], ['issue', '--json'], ['revoke']]) {
      const t = cliIo()
      expect(await cli.run([argv[0]!, '--account', 'SG', ...argv.slice(1)], t.io), t.err()).toBe(0)
      cliOutput.push(t.out(), t.err())
    }
    const printed = cliIo()
    expect(await cli.run(['issue', '--account', 'SG', '--scopes', 'messages:send', '--print'], printed.io)).toBe(0)
    const handedOut = printed.out().trim()
    expect(tap.issuedTokens).toContain(handedOut)
    expect(printed.err()).toMatch(/will neither use nor refresh it/)
    cliOutput.push(printed.err())
    // Deleting the account tries to revoke what is still live (the handed-out token); SMSGate fails it, which the answer says.
    w.sims.byId.smsgate.faults.add({ kind: 'server-error' })
    const removal = await call<{ revokedTokens: string[]; warnings: string[] }>('accounts:delete', { id })
    w.sims.byId.smsgate.faults.clear()
    expect(removal).toMatchObject({ revokedTokens: [], warnings: [expect.stringMatching(/not( be)? revoked.*server error \(500\)/)] })

    const events = w.events.map((e) => JSON.stringify(e))
    expect(events.some((e) => e.includes('tokens:changed'))).toBe(true)
    expect(tap.refreshes).toBeGreaterThanOrEqual(3)
    expect(tap.issuedTokens.length).toBeGreaterThanOrEqual(12)
    const canaries = tap.issuedTokens
    expect(hitsIn(answers.join('\n'), canaries)).toEqual([])
    expect(hitsIn(events.join('\n'), canaries)).toEqual([])
    expect(hitsIn(w.logs.join('\n'), canaries)).toEqual([])
    expect(hitsIn(cliOutput.join('\n'), canaries)).toEqual([])
    expect(await hitsInDir(w.dataDir, canaries)).toEqual({})
    // The scanner finds them where they are.
    expect(hitsIn(handedOut, canaries)).not.toEqual([])
    expect(w.logs.some((line) => line.includes('"tokens.refresh"'))).toBe(true)
  })
})

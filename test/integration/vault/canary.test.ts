/**
 * Canary secrets go in through the IPC router; then every channel is called, and the whole
 * data dir, every log line, every IPC answer and the CLI's output are scanned: zero hits.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createAccountsCommand } from '../../../src/cli/commands/accounts'
import type { CliIo } from '../../../src/cli/io'
import { runCommand } from '../../../src/cli/main'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { createRouter } from '../../../src/core/ipc/router'
import { createServices, type Services } from '../../../src/core/services'
import { FINGERPRINT_KEY_ITEM } from '../../../src/core/vault/fingerprint'
import { MemorySecretStore } from '../../../src/core/vault/secret-store'
import { CHANNEL_NAMES, type ChannelName } from '../../../src/shared/contract'
import { FakeKeychain, memoryStatus, tempDir } from '../../unit/core/vault/fake-store'
import { hitsIn, hitsInDir, makeCanaries } from './canaries'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'
const service = `authdesk-test-${randomUUID()}`

const BACKENDS = [
  // The CI always has the keyring; a plain `vitest run` falls back to a stand-in keychain.
  { name: haveKeyring ? 'the real OS keychain' : 'a stand-in keychain (no AUTHDESK_TEST_KEYRING)', options: haveKeyring ? { keychainService: service } : { secretStore: new FakeKeychain() } },
  { name: 'no keychain (memory, session only)', options: { secretStore: new MemorySecretStore(memoryStatus()) } },
]

describe.each(BACKENDS)('canary secrets with $name', ({ options }) => {
  afterAll(async () => {
    if (!haveKeyring) return
    const keytar = (await import('keytar')).default
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
  })

  it('appear in no IPC answer, log line, CLI output or file of the data dir', async () => {
    const canaries = makeCanaries()
    const dataDir = await tempDir('authdesk-canary-')
    const logs: string[] = []
    const services: Services = await createServices({ dataDir, appVersion: 'canary', logSink: (line) => logs.push(line), ...options })
    const router = createRouter(createHandlers(services), { trust: () => true, logger: services.logger })
    const answers: string[] = []
    const called = new Set<ChannelName>()
    const call = async <T = unknown>(channel: ChannelName, payload?: unknown): Promise<{ ok: boolean; value: T; error?: { code: string } }> => {
      called.add(channel)
      const reply = await router.dispatch({ url: 'app://authdesk/index.html', isMainFrame: true }, channel, payload)
      answers.push(JSON.stringify(reply))
      return reply as never
    }

    const ids: string[] = []
    for (const draft of canaries.drafts) {
      const reply = await call<{ id: string }>('accounts:create', draft)
      expect(reply.ok).toBe(true)
      ids.push(reply.value.id)
    }
    const [gc, nm, sg] = ids as [string, string, string, string]
    const extra = makeCanaries().values
    const rotated = extra[0]!
    await call('accounts:update', { id: gc, fields: { PASSWORD: rotated, PARTNER_KEY: null }, notes: 'rotated' })
    await call('accounts:update', { id: nm, label: 'NM renamed' }) // secrets unchanged
    // Rejected input that carries secrets: the error must not echo them.
    expect((await call('accounts:update', { id: nm, fields: { TOKEN: ` ${extra[1]} ` } })).ok).toBe(false)
    expect((await call('accounts:create', { label: 'bad', provider: 'nmbrs', fields: { USERNAME: 'x', TOKEN: `"${extra[2]}"` } })).ok).toBe(false)
    expect((await call('accounts:create', { label: 'bad', provider: 'nmbrs', fields: { USERNAME: 'a@b.co', TOKEN: 5 } })).ok).toBe(false)
    await call('accounts:duplicate', { id: sg })
    const preview = await call<{ digest: string }>('accounts:import-preview', { source: { kind: 'text', text: canaries.env } })
    expect(preview.ok).toBe(true)
    expect((await call('accounts:import', { source: { kind: 'text', text: canaries.env }, digest: preview.value.digest })).ok).toBe(true)
    await call('accounts:export', { format: 'json' })
    await call('accounts:export', { format: 'env' })
    await call('accounts:list')
    await call('accounts:status')
    await call('app:info')
    await call('app:security')
    await call('app:clear-ca-file')
    // No Open dialog here (no desktop app): refused, naming the CLI's --ca-file.
    expect((await call('app:choose-ca-file')).ok).toBe(false)
    await call('providers:list')
    // A refused definition text holding a canary in a comment: the problems sent back never repeat it.
    await call('providers:catalog')
    expect((await call('providers:add', { text: `apiVersion: authdesk.dev/provider/v1\nid: Canary\n# ${extra[0]}\n` })).ok).toBe(true)
    expect((await call('providers:remove', { id: 'no-such-provider' })).ok).toBe(false)
    // The workspace channels: without the Demo offered, the user's own vault stays active.
    await call('workspace:info')
    await call('workspace:switch', { to: 'mine' })
    // Health channels without reaching a provider (the canary accounts point at real hosts).
    await call('health:list')
    await call('health:history', { id: gc })
    expect((await call('health:check', { id: 'no-such-account' })).ok).toBe(false)
    await call('health:check-all', { ids: [] })
    await call('health:cancel', { runId: '00000000-0000-4000-8000-000000000000' })
    // Background checks: no scheduler runs here (no `fleet.start`), so nothing reaches a provider.
    await call('fleet:status')
    await call('fleet:configure', { intervalMinutes: 60, notifications: false })
    await call('fleet:cancel', {})
    await call('knowledge:steps', { ids: ['nmbrs.check-token'] })
    await call('wizard:record', { accountId: gc, stepId: 'groupcall.recopy-credentials', outcome: 'done', note: null })
    await call('wizard:get', { accountId: gc })
    await call('wizard:reset', { accountId: gc })
    const bundle = await call<{ digest: string; generatedAt: string }>('bundle:preview', { accountId: gc })
    expect(bundle.ok).toBe(true)
    expect((await call('bundle:export', { accountId: gc, digest: bundle.value.digest, generatedAt: bundle.value.generatedAt })).ok).toBe(true)
    // Only a bundle saved through the Save dialog in this session can be shown in the folder.
    expect((await call('bundle:reveal', { exportId: '00000000-0000-4000-8000-000000000000' })).error?.code).toBe('bundle.unknown-export')
    // Token channels without reaching a provider: the pasted refresh token is refused before sending,
    // issuing and key rotation are refused for a Groupcall account, and there is nothing to revoke.
    await call('tokens:list', { accountId: sg })
    expect((await call('tokens:refresh', { accountId: sg })).error?.code).toBe('credentials.malformed')
    expect((await call('tokens:issue', { accountId: gc, scopes: ['messages:send'], ttlSeconds: 600 })).error?.code).toBe('tokens.unsupported')
    await call('tokens:revoke', { accountId: sg })
    await call('tokens:due')
    const clientSecret = extra[3]!
    expect((await call('accounts:rotate-key', { id: gc, secretKey: clientSecret })).error?.code).toBe('tokens.unsupported')
    // No check found another environment for it: nothing to switch to.
    expect((await call('accounts:switch-environment', { id: gc })).error?.code).toBe('environment.no-suggestion')
    await call('accounts:delete', { id: nm })
    expect([...called].sort()).toEqual([...CHANNEL_NAMES].sort())

    // Core reads secrets for checks; those reads are logged too.
    expect((await services.vault.readSecrets(gc, 'check')).secrets.PASSWORD).toBe(rotated)

    // The CLI on the same vault (list, and a dry-run import of the canary file).
    const cliOut: string[] = []
    const io: CliIo = { stdout: (t) => void cliOut.push(t), stderr: (t) => void cliOut.push(t), env: {}, readStdin: async () => '', interrupted: new Promise(() => {}) }
    const command = createAccountsCommand(async () => services)
    const envFile = join(await tempDir('authdesk-canary-env-'), 'c.env')
    await (await import('node:fs/promises')).writeFile(envFile, canaries.env)
    for (const argv of [['list'], ['list', '--json'], ['add', '--env', envFile, '--dry-run'], ['add', '--env', envFile, '--replace', '--json']])
      await runCommand(command, [...argv, '--data-dir', dataDir], io)

    const all = [...canaries.values, ...extra]
    expect(hitsIn(answers.join('\n'), all)).toEqual([])
    expect(hitsIn(logs.join('\n'), all)).toEqual([])
    expect(hitsIn(cliOut.join(''), all)).toEqual([])
    expect(await hitsInDir(dataDir, all)).toEqual({})
    // Nor the fingerprint key: it lives in the keychain (or memory), never in the data dir.
    const key = await services.secretStore.get(FINGERPRINT_KEY_ITEM)
    expect(key).toBeTruthy()
    expect(hitsIn(answers.join('\n') + logs.join('\n'), [key!])).toEqual([])
    expect(await hitsInDir(dataDir, [key!])).toEqual({})
    // Sanity: the scanner does find canaries where they are.
    expect(hitsIn(JSON.stringify(await services.vault.readSecrets(gc, 'check')), all)).not.toEqual([])
    expect(logs.length).toBeGreaterThan(10)
  })
})

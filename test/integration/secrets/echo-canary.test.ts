/**
 * Issue 12's adversary: a provider that echoes the credential it received in every form (see
 * test/support/echo-provider.ts). Every output the user or a support engineer can see must hold
 * no recoverable form of any canary: `check --env` (text and JSON), `check --vault` and the
 * history it writes, the app's IPC answers and events (through the same router main uses), the
 * log, and exported bundles.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { createRouter } from '../../../src/core/ipc/router'
import { sameOriginMainFrame } from '../../../src/core/ipc/sender-policy'
import { createServices } from '../../../src/core/services'
import { PROVIDER_IDS, type BuiltInProviderId } from '../../../src/shared/model'
import { recoverableCanaries } from '../../support/canary-search'
import { ECHO_SECRETS, echoForms, startEchoProvider, type EchoProvider } from '../../support/echo-provider'
import { runCli } from '../../support/run-cli'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

let echo: EchoProvider
let dir: string

beforeAll(async () => {
  echo = await startEchoProvider()
  dir = await mkdtemp(join(tmpdir(), 'authdesk-echo-'))
})
afterAll(async () => {
  await echo?.close()
  await rm(dir, { recursive: true, force: true })
})

function envFile(): string {
  const lines = PROVIDER_IDS.flatMap((p) => Object.entries(echo.fields[p]).map(([field, value]) => `ECHO_${p.toUpperCase()}_${field}=${JSON.stringify(value)}`))
  return lines.join('\n')
}

const expectNoCanary = (where: string, text: string): void => {
  expect(recoverableCanaries(text, ECHO_SECRETS), `${where} still holds a canary`).toEqual([])
}

describe('the canary search itself', () => {
  it('finds every form the echo provider writes (so a clean result means something)', () => {
    for (const secret of ECHO_SECRETS)
      for (const form of echoForms(secret, 'CNRYUS')) {
        // Forms are written as they sit inside a JSON string.
        expect(recoverableCanaries(`{"m":"x ${form} y"}`, [secret]), form).toHaveLength(1)
      }
  })
})

describe('check --env against the echo provider', () => {
  it.each([['text', []], ['JSON', ['--json']]])('%s output holds no form of any canary', async (_name, extra) => {
    const file = join(dir, 'echo.env')
    await writeFile(file, envFile())
    const before = echo.requests()
    const result = await runCli(['check', '--env', file, ...extra], { PATH: process.env.PATH ?? '' })
    expect(echo.requests() - before, result.stderr).toBeGreaterThanOrEqual(PROVIDER_IDS.length)
    expect(result.stdout).toContain('ECHO_SMSGATE')
    if (extra.length > 0) {
      const doc = JSON.parse(result.stdout) as { results: Array<{ account: string; summary: string }> }
      expect(doc.results).toHaveLength(PROVIDER_IDS.length)
    }
    expectNoCanary('check output', result.stdout + result.stderr)
  })
})

describe.skipIf(!haveKeyring)('the vault, the app and bundles against the echo provider (real keychain)', () => {
  it('check --vault and the history files it writes hold no form of any canary', async () => {
    const dataDir = await mkdtemp(join(dir, 'vault-'))
    const env = { ...process.env, AUTHDESK_KEYCHAIN_SERVICE: `authdesk-test-${randomUUID()}` }
    const file = join(dir, 'vault.env')
    await writeFile(file, envFile())
    const added = await runCli(['accounts', 'add', '--env', file, '--data-dir', dataDir], env)
    expect(added.code, added.stderr).toBe(0)
    const result = await runCli(['check', '--vault', '--json', '--data-dir', dataDir], env)
    expect((JSON.parse(result.stdout) as { results: unknown[] }).results).toHaveLength(PROVIDER_IDS.length)
    expectNoCanary('check --vault output', result.stdout + result.stderr)
    const historyDir = join(dataDir, 'history')
    const files = await readdir(historyDir)
    expect(files).toHaveLength(PROVIDER_IDS.length)
    const history = (await Promise.all(files.map((f) => readFile(join(historyDir, f), 'utf8')))).join('\n')
    expect(history).toContain('Unauthorized')
    expectNoCanary('history', history)
    const removed = await runCli(['accounts', 'remove', ...PROVIDER_IDS.map((p) => `ECHO_${p.toUpperCase()}`), '--data-dir', dataDir], env)
    expect(removed.code, removed.stderr).toBe(0)
  })

  it('IPC answers, events, the log and exported bundles hold no form of any canary', async () => {
    const dataDir = await mkdtemp(join(dir, 'app-'))
    const log: string[] = []
    const services = await createServices({ dataDir, appVersion: '0.0.0-test', keychainService: `authdesk-test-${randomUUID()}`, logSink: (line) => log.push(line) })
    const origin = 'http://127.0.0.1:9'
    const router = createRouter(createHandlers(services), { trust: sameOriginMainFrame(origin), logger: services.logger, scrub: (value) => services.scrubber.scrubValue(value) })
    const sender = { url: `${origin}/index.html`, isMainFrame: true }
    const seen: string[] = []
    const call = async (channel: string, payload?: unknown): Promise<unknown> => {
      const answer = (await router.dispatch(sender, channel, payload)) as { ok: boolean; value?: unknown; error?: unknown }
      seen.push(JSON.stringify(answer))
      expect(answer.ok, `${channel}: ${JSON.stringify(answer.error)}`).toBe(true)
      return answer.value
    }
    const unsubscribe = services.events.subscribe((name, payload) => seen.push(`${name} ${JSON.stringify(payload)}`))
    try {
      const ids: string[] = []
      for (const provider of PROVIDER_IDS) {
        const { BASE_URL, ...fields } = echo.fields[provider as BuiltInProviderId] as Record<string, string>
        const created = (await call('accounts:create', { label: `Echo ${provider}`, provider, baseUrl: BASE_URL, confirmUnlistedHost: true, fields })) as { id: string }
        ids.push(created.id)
      }
      const before = echo.requests()
      for (const id of ids) {
        const diagnosis = (await call('health:check', { id })) as { summary: string; transcript: unknown[] }
        expect(diagnosis.transcript.length).toBeGreaterThan(0)
        await call('health:history', { id })
      }
      expect(echo.requests() - before).toBeGreaterThanOrEqual(ids.length)
      await call('health:list')
      const bundles: string[] = []
      for (const id of ids) {
        const preview = (await call('bundle:preview', { accountId: id })) as { digest: string; generatedAt: string; scan: { clean: boolean } }
        expect(preview.scan.clean, JSON.stringify(preview.scan)).toBe(true)
        const written = (await call('bundle:export', { accountId: id, digest: preview.digest, generatedAt: preview.generatedAt })) as { path: string }
        const entries = unzipSync(new Uint8Array(await readFile(written.path)))
        expect(Object.keys(entries).length).toBeGreaterThan(1)
        for (const [name, bytes] of Object.entries(entries)) bundles.push(`${name}\n${Buffer.from(bytes).toString('utf8')}`)
      }
      expect(seen.some((s) => s.startsWith('health:changed'))).toBe(true)
      expectNoCanary('IPC answers and events', seen.join('\n'))
      expectNoCanary('the log', log.join('\n'))
      expectNoCanary('bundles', bundles.join('\n'))
      const history = (await Promise.all((await readdir(join(dataDir, 'history'))).map((f) => readFile(join(dataDir, 'history', f), 'utf8')))).join('\n')
      expectNoCanary('history', history)
      for (const id of ids) await call('accounts:delete', { id })
    } finally {
      unsubscribe()
      await services.close()
    }
  })
})

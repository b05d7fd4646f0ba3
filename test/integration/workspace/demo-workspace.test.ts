import { listProviders } from '../../../src/core/providers/provider-info'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createServices, type Services } from '../../../src/core/services'
import { MemorySecretStore } from '../../../src/core/vault/secret-store'
import { PROVIDER_IDS } from '../../../src/shared/model'

const open: Services[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function start(dataDir: string): Promise<Services> {
  const secretStore = new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'test', hint: null, error: null })
  const services = await createServices({ dataDir, appVersion: 'test', secretStore, demo: { latencyMs: 0 } })
  open.push(services)
  return services
}

describe('Demo workspace', () => {
  it('opens on first run with one account per simulated scenario, on loopback simulators', async () => {
    const services = await start(await mkdtemp(join(tmpdir(), 'authdesk-demo-test-')))
    const info = services.workspaces.info()
    expect(info.active).toBe('demo')
    const accounts = await services.vault.list()
    for (const id of PROVIDER_IDS) {
      expect(accounts.filter((a) => a.provider === id).length, id).toBeGreaterThan(3)
      expect(info.simulators?.[id]).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
    }
    for (const account of accounts) {
      expect(account.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
      expect(account.notes).toMatch(/^Demo scenario: /)
      expect(account.secretsStatus === 'session' || account.secretsStatus === 'none').toBe(true)
    }
    const nmbrs = accounts.find((a) => a.provider === 'nmbrs' && a.label.endsWith(' · valid'))
    expect(nmbrs?.secrets.TOKEN?.set).toBe(true)
  })

  it('shows what the real providers do: the phone’s Local server, a send-only token, a template without DebtorService, a token not yet in Sandbox', async () => {
    const services = await start(await mkdtemp(join(tmpdir(), 'authdesk-demo-test-')))
    const byLabel = new Map((await services.vault.list()).map((a) => [a.label, a]))
    expect(byLabel.get('SMSGate · local-server')?.fields).toMatchObject({ MODE: 'local' })
    expect(byLabel.get('SMSGate · send-only-token')?.scopes).toEqual([])
    expect(byLabel.get('Nmbrs (SOAP v3) · unauthorized-1002')).toBeDefined()
    expect(byLabel.get('Nmbrs (SOAP v3) · template-blocks-debtor-service')?.fields).toMatchObject({ USES_DEBTOR_SERVICE: 'yes' })
    expect(byLabel.get('Nmbrs (SOAP v3) · token-not-yet-in-sandbox')?.environment).toBe('sandbox')
    expect(byLabel.get('Groupcall Messenger · email-only-customer')?.fields).toMatchObject({ CHANNEL: 'Email' })
    const checked = await services.health.check(byLabel.get('SMSGate · local-server')!.id)
    expect(checked).toMatchObject({ state: 'healthy' })
  })

  it('has a custom provider of its own, from a definition, checked on its generated simulator; My accounts do not offer it', async () => {
    const services = await start(await mkdtemp(join(tmpdir(), 'authdesk-demo-test-')))
    const custom = (await services.vault.list()).filter((a) => a.provider === 'demo-status')
    expect(custom.map((a) => a.label).sort()).toEqual(['Status API (custom, Demo) · key-accepted', 'Status API (custom, Demo) · key-refused', 'Status API (custom, Demo) · plan-expired', 'Status API (custom, Demo) · valid'])
    const verdicts = new Map<string, string>()
    for (const account of custom) verdicts.set(account.label.split(' · ')[1]!, `${(await services.health.check(account.id)).state}`)
    expect(Object.fromEntries(verdicts)).toEqual({ 'key-accepted': 'healthy', 'key-refused': 'failing', 'plan-expired': 'degraded', valid: 'healthy' })
    expect(listProviders('demo').map((p) => p.id)).toContain('demo-status')
    expect(listProviders('mine').map((p) => p.id)).not.toContain('demo-status')
  })

  it('keeps the user’s own vault apart, and remembers an explicit switch across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'authdesk-demo-test-'))
    const first = await start(dataDir)
    expect(first.workspaces.info().active).toBe('demo')
    const switched = await first.workspaces.switchTo('mine')
    expect(switched).toEqual({ active: 'mine', simulators: null })
    expect(await first.vault.list()).toEqual([])
    // Nothing of the demo is written into the user's data directory.
    for (const file of await readdir(dataDir)) {
      const text = await readFile(join(dataDir, file), 'utf8').catch(() => '')
      expect(text, file).not.toContain('Demo scenario')
    }
    await first.close()
    open.length = 0
    const second = await start(dataDir)
    expect(second.workspaces.info().active).toBe('mine')
  })

  it('announces a switch to the renderer', async () => {
    const services = await start(await mkdtemp(join(tmpdir(), 'authdesk-demo-test-')))
    const seen: string[] = []
    services.events.subscribe((name) => seen.push(name))
    await services.workspaces.switchTo('mine')
    await services.workspaces.switchTo('demo')
    expect(seen).toEqual(['workspace:changed', 'accounts:changed', 'workspace:changed', 'accounts:changed'])
  })

  it('closing during a Check all lets the checks under way finish, then removes the whole Demo folder', async () => {
    const services = await start(await mkdtemp(join(tmpdir(), 'authdesk-demo-test-')))
    const progress: number[] = []
    services.events.subscribe((name, payload) => name === 'health:progress' && progress.push((payload as { done: number }).done))
    const { total } = await services.health.checkAll()
    await vi.waitFor(() => expect(progress.some((done) => done > 0)).toBe(true))
    await services.close()
    open.length = 0
    expect(Math.max(...progress)).toBeLessThan(total)
    const left = (await readdir(tmpdir())).filter((name) => name.startsWith('authdesk-demo-') && !name.startsWith('authdesk-demo-test-'))
    expect(left).toEqual([])
  })
})

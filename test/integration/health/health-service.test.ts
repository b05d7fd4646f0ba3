import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { createRouter } from '../../../src/core/ipc/router'
import { createServices, type Services } from '../../../src/core/services'
import { MemorySecretStore } from '../../../src/core/vault/secret-store'
import type { CheckProgress } from '../../../src/shared/health'

const open: Services[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function demoServices(latencyMs = 0): Promise<Services> {
  const secretStore = new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'test', hint: null, error: null })
  const services = await createServices({ dataDir: await mkdtemp(join(tmpdir(), 'authdesk-health-')), appVersion: 'test', secretStore, demo: { latencyMs } })
  open.push(services)
  return services
}

async function accountId(services: Services, provider: string, scenario: string): Promise<string> {
  const account = (await services.vault.list()).find((a) => a.provider === provider && a.label.endsWith(` · ${scenario}`))
  if (!account) throw new Error(`no demo account ${provider} ${scenario}`)
  return account.id
}

describe('health service on the Demo workspace', () => {
  it('checks one account against its simulator and keeps the result in the history', async () => {
    const services = await demoServices()
    const valid = await accountId(services, 'nmbrs', 'valid')
    const wrongDomain = await accountId(services, 'nmbrs', 'domain-wrong')
    expect(await services.health.check(valid)).toMatchObject({ state: 'healthy', cause: 'ok' })
    const failing = await services.health.check(wrongDomain)
    expect(failing).toMatchObject({ state: 'failing', cause: 'domain.invalid', details: { suggestedDomain: 'acme' } })
    const listed = await services.health.list()
    expect(listed.find((h) => h.id === valid)).toMatchObject({ latest: { state: 'healthy' }, lastHealthyAt: expect.any(String) })
    expect(listed.find((h) => h.id === wrongDomain)).toMatchObject({ latest: { cause: 'domain.invalid' }, lastHealthyAt: null })
    expect(await services.health.historyOf(valid)).toHaveLength(1)
  })

  it('gives the wizard the texts of the steps a diagnosis lists', async () => {
    const services = await demoServices()
    const router = createRouter(createHandlers(services), { trust: () => true })
    const wrongDomain = await accountId(services, 'nmbrs', 'domain-wrong')
    const diagnosis = await services.health.check(wrongDomain)
    const reply = await router.dispatch({ url: '', isMainFrame: true }, 'knowledge:steps', { ids: [...diagnosis.knowledgeSteps, 'no.such-step'] })
    expect(reply.ok).toBe(true)
    const steps = (reply as { value: Array<{ id: string; title: string; text: string }> }).value
    expect(steps.map((s) => s.id)).toEqual(diagnosis.knowledgeSteps)
    expect(steps[0]).toMatchObject({ id: 'nmbrs.domain-from-environment-get', title: expect.any(String), text: expect.stringContaining('the suggested domain') })
  })

  it('never writes a secret into the history or an event', async () => {
    const services = await demoServices()
    const seen: string[] = []
    services.events.subscribe((name, payload) => seen.push(JSON.stringify([name, payload])))
    const ids = (await services.vault.list()).slice(0, 12).map((a) => a.id)
    const secrets = (await Promise.all(ids.map((id) => services.vault.readSecrets(id, 'test')))).flatMap((s) => Object.values(s.secrets))
    for (const id of ids) await services.health.check(id)
    const historyDir = join(services.vault.dataDir, 'history')
    const history = (await Promise.all((await readdir(historyDir)).map((f) => readFile(join(historyDir, f), 'utf8')))).join('\n')
    expect(history).toContain('"state"')
    for (const secret of secrets.filter((s) => s.length >= 6)) {
      expect(history).not.toContain(secret)
      expect(seen.join('\n')).not.toContain(secret)
    }
  })

  it('checks everything with progress after each account, and can be cancelled', async () => {
    const services = await demoServices(100)
    const progress: CheckProgress[] = []
    services.events.subscribe((name, payload) => name === 'health:progress' && progress.push(payload as CheckProgress))
    const total = (await services.vault.list()).length
    const run = await services.health.checkAll()
    expect(run.total).toBe(total)
    await expect.poll(() => progress.at(-1)?.finished, { timeout: 20_000 }).toBe(true)
    expect(progress.at(-1)).toMatchObject({ runId: run.runId, done: total, failed: 0, cancelled: false })
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b))

    progress.length = 0
    const second = await services.health.checkAll()
    services.health.cancel(second.runId)
    await expect.poll(() => progress.at(-1)?.finished, { timeout: 20_000 }).toBe(true)
    expect(progress.at(-1)).toMatchObject({ cancelled: true })
    expect(progress.at(-1)!.done).toBeLessThan(total)
  })
})

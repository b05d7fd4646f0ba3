import { readFile } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { createRouter } from '../../../src/core/ipc/router'
import { createServices, type Services } from '../../../src/core/services'
import { MemorySecretStore } from '../../../src/core/vault/secret-store'
import type { BundlePreviewView, ExportedBundleView } from '../../../src/shared/bundle'

const open: Services[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

describe('bundle channels on the Demo workspace', () => {
  it('previews a redacted bundle after a failing check and exports exactly that, with no secret inside', async () => {
    const secretStore = new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'test', hint: null, error: null })
    const services = await createServices({ dataDir: await mkdtemp(join(tmpdir(), 'authdesk-bundle-ipc-')), appVersion: 'test', secretStore, demo: { latencyMs: 0 } })
    open.push(services)
    const router = createRouter(createHandlers(services), { trust: () => true })
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const reply = await router.dispatch({ url: '', isMainFrame: true }, channel, payload)
      if (!reply.ok) throw new Error(`${channel}: ${reply.error.code} ${reply.error.message}`)
      return reply.value as T
    }
    const account = (await services.vault.list()).find((a) => a.provider === 'authmatech' && a.label.endsWith(' · wrong-key'))!
    const { secrets } = await services.vault.readSecrets(account.id, 'test')
    await services.health.check(account.id)

    const preview = await call<BundlePreviewView>('bundle:preview', { accountId: account.id })
    expect(preview.scan.clean).toBe(true)
    expect(preview.files.map((f) => f.name)).toEqual(expect.arrayContaining(['report.md', 'exchanges.har', 'diagnosis.json']))
    expect(preview.files.find((f) => f.name === 'report.md')!.content).toContain('credentials.invalid')

    const exported = await call<ExportedBundleView>('bundle:export', { accountId: account.id, digest: preview.digest, generatedAt: preview.generatedAt })
    expect(exported.path).toContain(join(services.vault.dataDir, 'bundles'))
    const files = unzipSync(await readFile(exported.path))
    expect(Object.keys(files).sort()).toEqual([...exported.files].sort())
    const everything = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n')
    for (const secret of Object.values(secrets)) expect(everything).not.toContain(secret)

    // A stale preview is refused rather than silently exporting something else.
    await services.health.check(account.id)
    await expect(call('bundle:export', { accountId: account.id, digest: preview.digest, generatedAt: new Date().toISOString() })).rejects.toThrow(/bundle.changed/)
  })
})

/**
 * A support bundle for an account of a custom provider (the Demo's Status API, on its generated
 * simulator): the report carries the common support facts (request, status, the provider's
 * message, when) and no secret, like a built-in's.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { previewForRenderer } from '../../../src/core/bundle/bundle-ipc'
import { createServices, type Services } from '../../../src/core/services'
import { MemorySecretStore } from '../../../src/core/vault/secret-store'

const open: Services[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

describe('support bundles for custom providers', () => {
  it('lists the common facts of a refused key, and the scan finds the bundle clean', async () => {
    const secretStore = new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'test', hint: null, error: null })
    const services = await createServices({ dataDir: await mkdtemp(join(tmpdir(), 'authdesk-custom-bundle-')), appVersion: 'test', secretStore, demo: { latencyMs: 0 } })
    open.push(services)
    const account = (await services.vault.list()).find((a) => a.label === 'Status API (custom, Demo) · key-refused')!
    const { secrets } = await services.vault.readSecrets(account.id, 'test')
    const diagnosis = await services.health.check(account.id)
    expect(diagnosis).toMatchObject({ provider: 'demo-status', state: 'failing', cause: 'credentials.invalid', details: { rule: 'key-refused' } })

    const preview = await previewForRenderer(services, { accountId: account.id })
    const report = preview.files.find((f) => f.name === 'report.md')!.content
    expect(report).toContain('Status API (custom, Demo)')
    expect(report).toMatch(/- Request: GET http:\/\/127\.0\.0\.1:\d+\/v1\/me/)
    expect(report).toContain('- Provider message: invalid_api_key')
    expect(report).toContain('- HTTP status: 401')
    expect(preview.scan.clean).toBe(true)
    expect(JSON.stringify(preview)).not.toContain(secrets.API_KEY!)
  })
})

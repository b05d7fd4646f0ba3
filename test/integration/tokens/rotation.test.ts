import { afterEach, describe, expect, it } from 'vitest'
import type { HttpClient } from '../../../src/core/http/client'
import { AUTHMATECH_SIM_CLIENTS } from '../../../src/core/providers/authmatech/simulator-scenarios'
import { PENDING_API_KEY } from '../../../src/core/tokens/key-rotation'
import { tokenWorld, type TokenWorld } from './support'

const worlds: TokenWorld[] = []
afterEach(async () => {
  for (const world of worlds.splice(0)) {
    await world.services.close()
    await world.sims.close()
  }
})

const client = AUTHMATECH_SIM_CLIENTS.valid

async function setup(http?: (inner: HttpClient) => HttpClient) {
  const w = await tokenWorld({ http })
  worlds.push(w)
  const view = await w.services.vault.create({
    label: 'AM',
    provider: 'authmatech',
    baseUrl: w.sims.byId.authmatech.baseUrl,
    confirmUnlistedHost: true,
    fields: { API_KEY: client.apiKey, CLIENT_ID: client.clientId },
  })
  const keyWorks = async (apiKey: string): Promise<boolean> => {
    const response = await fetch(`${w.sims.byId.authmatech.baseUrl}/v1/api/me/products`, { headers: { 'x-api-key': apiKey, 'x-client-id': client.clientId } })
    await response.arrayBuffer()
    return response.status === 200
  }
  const secrets = async () => w.services.vault.readSecrets(view.id, 'test')
  return { w, id: view.id, keyWorks, secrets, created: view }
}

describe('Authmatech key rotation', () => {
  it('rotates, verifies the new key with a probe, and only then replaces and forgets the old one', async () => {
    const { w, id, keyWorks, secrets, created } = await setup()
    w.clock.advance(60_000)
    const result = await w.services.tokens.rotateKey(id, client.secretKey)
    expect(result).toMatchObject({ outcome: 'rotated', cause: 'ok', pendingKey: false })
    expect(Date.parse(result.lastRotatedAt!)).toBeGreaterThan(Date.parse(created.lastRotatedAt!))
    const { secrets: fields, tokens } = await secrets()
    expect(fields.API_KEY).not.toBe(client.apiKey)
    expect(tokens[PENDING_API_KEY]).toBeUndefined()
    expect(await keyWorks(fields.API_KEY!)).toBe(true)
    expect(await keyWorks(client.apiKey)).toBe(false)
    expect(JSON.stringify(result)).not.toContain(fields.API_KEY!)
    expect(w.services.scrubber.scrub(fields.API_KEY!)).toBe('[redacted]')
    expect(w.services.scrubber.scrub(client.secretKey)).toBe('[redacted]')
    const due = (await w.services.tokens.due()).find((d) => d.accountId === id)!
    expect(due).toMatchObject({ next: { kind: 'rotation-due' }, lastRotatedAt: result.lastRotatedAt })
    expect(Date.parse(due.rotationDueAt) - Date.parse(result.lastRotatedAt!)).toBe(90 * 86_400_000)
  })

  it('a new key that fails verification is kept pending next to the old one; the next rotation verifies it first', async () => {
    let breakVerification = true
    let rotations = 0
    const { w, id, secrets } = await setup((inner) => ({
      close: () => inner.close(),
      async send(spec) {
        const outcome = await inner.send(spec)
        if (spec.url.endsWith('/rotate-key')) {
          rotations += 1
          // The verification probe right after the rotation gets an unreadable answer.
          if (breakVerification) w.sims.byId.authmatech.faults.add({ kind: 'invalid-body', account: client.clientId, count: 5 })
        }
        return outcome
      },
    }))
    const kept = await w.services.tokens.rotateKey(id, client.secretKey)
    expect(kept).toMatchObject({ outcome: 'kept-old', cause: 'response.malformed', pendingKey: true })
    expect(kept.message).toMatch(/could not be verified/)
    const afterFailure = await secrets()
    expect(afterFailure.secrets.API_KEY).toBe(client.apiKey)
    const pending = afterFailure.tokens[PENDING_API_KEY]!
    expect(pending).toBeTruthy()
    w.sims.byId.authmatech.faults.clear()
    breakVerification = false
    const promoted = await w.services.tokens.rotateKey(id, client.secretKey)
    expect(promoted).toMatchObject({ outcome: 'pending-promoted', pendingKey: false })
    expect(rotations).toBe(1)
    const { secrets: fields, tokens } = await secrets()
    expect(fields.API_KEY).toBe(pending)
    expect(tokens[PENDING_API_KEY]).toBeUndefined()
  })

  it('a wrong client secret rotates nothing and says why', async () => {
    const { w, id, secrets } = await setup()
    const result = await w.services.tokens.rotateKey(id, 'not-the-secret')
    expect(result).toMatchObject({ outcome: 'failed', cause: 'credentials.invalid', pendingKey: false })
    expect((await secrets()).secrets.API_KEY).toBe(client.apiKey)
  })
})

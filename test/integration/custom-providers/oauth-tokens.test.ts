/**
 * A custom provider whose definition uses OAuth 2.0 client credentials gets the token lifecycle
 * SMSGate has: AuthDesk issues the access token, keeps it in the keychain item, issues a new one
 * before it expires, shows its countdown, and says plainly that it cannot be revoked. Real HTTP
 * against the definition's generated simulator; the real keychain where the test keyring runs.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { addDefinitionText, providersDir } from '../../../src/core/custom-providers/definition-files'
import { loadDefinition } from '../../../src/core/custom-providers/load'
import { customProviderModule } from '../../../src/core/custom-providers/module'
import { createHttpClient } from '../../../src/core/http/client'
import { isLoopbackHost } from '../../../src/core/http/host-binding'
import { createServices, type Services } from '../../../src/core/services'
import { createSimClock } from '../../../src/core/simulators/clock'
import { startSimulator, type RunningSimulator } from '../../../src/core/simulators/server'
import type { SimRequest } from '../../../src/core/simulators/types'
import { ACCESS_TOKEN } from '../../../src/core/tokens/managed-pair'
import { refreshMarginMs } from '../../../src/core/tokens/timing'
import type { RefreshObservation } from '../../../src/core/tokens/token-manager'
import { definitionYaml, useOAuth } from '../../support/definitions'
import { FakeKeychain, tempDir } from '../../unit/core/vault/fake-store'
import { ManualClock } from '../tokens/support'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'
const service = `authdesk-test-${randomUUID()}`

const yaml = definitionYaml(useOAuth)

interface World {
  readonly services: Services
  readonly sim: RunningSimulator<string>
  readonly clock: ManualClock
  readonly dataDir: string
  readonly observations: RefreshObservation[]
  readonly tokenRequests: SimRequest[]
  reopen(): Promise<Services>
}

const opened: World[] = []
afterEach(async () => {
  for (const w of opened.splice(0)) {
    await w.services.close()
    await w.sim.close()
    await rm(w.dataDir, { recursive: true, force: true })
  }
})
afterAll(async () => {
  if (!haveKeyring) return
  const keytar = (await import('keytar')).default
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
})

async function world(text = yaml): Promise<World> {
  const loaded = loadDefinition(text)
  if (!loaded.ok) throw new Error('the OAuth test definition does not load')
  const simClock = createSimClock()
  const sim = await startSimulator(customProviderModule(loaded.definition).simulator(simClock))
  const tokenRequests: SimRequest[] = []
  const handle = sim.simulator.handle.bind(sim.simulator)
  sim.simulator.handle = async (request, context) => {
    if (request.path.endsWith('/oauth/token') || request.path.endsWith('/oauth2/token')) tokenRequests.push(request)
    return handle(request, context)
  }
  const clock = new ManualClock({ clock: simClock })
  const dataDir = await tempDir('authdesk-oauth-tokens-')
  const added = await addDefinitionText(providersDir(dataDir), text)
  if (!added.ok) throw new Error('the OAuth test definition was not added')
  const store = haveKeyring ? { keychainService: service } : { secretStore: new FakeKeychain() }
  const observations: RefreshObservation[] = []
  const open = () =>
    createServices({
      dataDir,
      appVersion: 'test',
      ...store,
      tokens: { schedule: true, clock, random: () => 0.5, http: createHttpClient({ allowHost: isLoopbackHost }), observe: (o) => observations.push(o) },
    })
  const w: World = { services: await open(), sim, clock, dataDir, observations, tokenRequests, reopen: open }
  opened.push(w)
  return w
}

async function addAccount(w: World, scenario = 'accepted', provider = 'acme'): Promise<{ id: string; secret: string }> {
  const credentials = w.sim.scenarioCredentials()[scenario]!
  const value = credentials.CLIENT_SECRET!
  const view = await w.services.vault.create({ label: 'Acme app', provider, baseUrl: w.sim.baseUrl, confirmUnlistedHost: true, fields: { CLIENT_ID: credentials.CLIENT_ID!, CLIENT_SECRET: value } })
  return { id: view.id, secret: value }
}

async function settle(w: World): Promise<void> {
  for (let i = 0; i < 5; i++) {
    w.clock.tick()
    await w.services.tokens.settled()
  }
}

describe('OAuth client-credentials tokens of a custom provider', () => {
  it('issues a token with the client credentials, keeps it in the keychain item, and plans its renewal', async () => {
    const w = await world()
    const { id, secret } = await addAccount(w)
    const state = await w.services.tokens.issue(id, {})
    expect(w.tokenRequests).toHaveLength(1)
    expect(state).toMatchObject({ status: 'active', scopes: ['read'], canIssue: true, refreshable: true, warnings: [] })
    expect(state.jti).toMatch(/^acme-[0-9a-f]{8}$/)
    expect(Date.parse(state.expiresAt!) - w.clock.now()).toBeGreaterThan(3_590_000)
    expect(Date.parse(state.expiresAt!) - Date.parse(state.refreshAt!)).toBe(refreshMarginMs(3_600_000))

    const { tokens } = await w.services.vault.readSecrets(id, 'test')
    expect(tokens[ACCESS_TOKEN]).toMatch(/^simtoken-acme-/)
    expect(Object.keys(tokens)).toEqual([ACCESS_TOKEN])
    const record = await readFile(join(w.dataDir, 'tokens', `${id}.json`), 'utf8')
    for (const value of [tokens[ACCESS_TOKEN]!, secret]) {
      expect(record).not.toContain(value)
      expect(JSON.stringify(state)).not.toContain(value)
      expect(w.services.scrubber.scrub(`x ${value} y`)).toBe('x [redacted] y')
    }
    expect(await w.services.tokens.accessToken(id)).toBe(tokens[ACCESS_TOKEN])
    // The client id is not a secret: outputs keep showing it.
    const clientId = w.sim.scenarioCredentials().accepted!.CLIENT_ID!
    expect(w.services.scrubber.scrub(`client ${clientId}`)).toBe(`client ${clientId}`)
  })

  it('issues a new token before the old one expires (no refresh token in this grant), by the timer', async () => {
    const w = await world()
    const { id } = await addAccount(w)
    const first = await w.services.tokens.issue(id, {})
    w.clock.advance(Date.parse(first.refreshAt!) - w.clock.now() + 1)
    await settle(w)
    expect(w.observations.map((o) => o.outcome)).toEqual(['reissued'])
    const next = await w.services.tokens.list(id)
    expect(next.jti).not.toBe(first.jti)
    expect(next).toMatchObject({ status: 'active', lastRefresh: { outcome: 'reissued' } })
    expect(next.records.find((r) => r.jti === first.jti)).toMatchObject({ status: 'superseded' })
    expect(w.tokenRequests).toHaveLength(2)
  })

  it('reads the opaque token back from the keychain after a restart, without asking for a new one', async () => {
    const w = await world()
    const { id } = await addAccount(w)
    const issued = await w.services.tokens.issue(id, {})
    const token = await w.services.tokens.accessToken(id)
    await w.services.close()
    const reopened = await w.reopen()
    try {
      expect(await reopened.tokens.accessToken(id)).toBe(token)
      expect((await reopened.tokens.list(id)).jti).toBe(issued.jti)
      expect(w.tokenRequests).toHaveLength(1)
    } finally {
      await reopened.close()
    }
  })

  it('says a token cannot be revoked and until when it stays valid; a new issue warns the old one lives on', async () => {
    const w = await world()
    const { id } = await addAccount(w)
    const first = await w.services.tokens.issue(id, {})
    await expect(w.services.tokens.revoke(id, first.jti)).rejects.toMatchObject({ code: 'tokens.cannot-revoke', message: expect.stringContaining(`stays valid until ${first.expiresAt}`) })
    const second = await w.services.tokens.issue(id, {})
    expect(second.warnings.join(' ')).toContain(`The token it replaces (${first.jti}) stays valid until`)
    expect(second.warnings.join(' ')).toContain('Acme offers no way to revoke it')
  })

  it('records a refused client secret at renewal as a definitive failure, not a guess', async () => {
    const w = await world()
    const { id } = await addAccount(w)
    const first = await w.services.tokens.issue(id, {})
    await w.services.vault.update({ id, fields: { CLIENT_SECRET: 'secret-ffffffffffffffff' } })
    w.clock.advance(Date.parse(first.refreshAt!) - w.clock.now() + 1)
    await settle(w)
    const state = await w.services.tokens.list(id)
    expect(state.status).toBe('failing')
    expect(state.failure).toMatchObject({ cause: 'credentials.invalid', definitive: true })
    expect(state.failure!.message).toMatch(/Re-issuing with the CLIENT_ID and CLIENT_SECRET failed too: .*invalid_client/)
  })

  it('a health check still exchanges the stored client credentials itself', async () => {
    const w = await world()
    const { id } = await addAccount(w)
    await w.services.tokens.issue(id, {})
    const diagnosis = await w.services.health.check(id)
    expect(diagnosis).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(diagnosis.transcript.map((t) => t.step)).toEqual(['POST token', 'GET me'])
    expect(w.tokenRequests).toHaveLength(2)
  })

  it('works the same for the shipped PayPal definition, on its generated simulator', async () => {
    const w = await world(readFileSync('definitions/paypal.yaml', 'utf8'))
    const { id } = await addAccount(w, 'webhooks-listed', 'paypal')
    const state = await w.services.tokens.issue(id, {})
    expect(state).toMatchObject({ status: 'active', canIssue: true, refreshable: true })
    expect(state.jti).toMatch(/^paypal-[0-9a-f]{8}$/)
    expect(w.tokenRequests.map((r) => r.path)).toEqual(['/v1/oauth2/token'])
    expect(await w.services.health.check(id)).toMatchObject({ state: 'healthy', cause: 'ok' })
  })
})

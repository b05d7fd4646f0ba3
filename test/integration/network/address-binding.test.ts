/**
 * Re-pointing needs the owner, and the address is bound to the secret (issue 13, points 3 and
 * 4): through the IPC router the app uses (real services, the real keychain, the SMSGate
 * simulator) and an "attacker" server on loopback that records whatever reaches it.
 */
import { randomUUID } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/core/ipc/handlers'
import { createRouter } from '../../../src/core/ipc/router'
import { createServices, type Services } from '../../../src/core/services'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { itemName, parseItem } from '../../../src/core/vault/secret-item'
import type { Diagnosis } from '../../../src/shared/diagnosis'
import type { AccountView, VaultStatus } from '../../../src/shared/model'
import type { TokenState } from '../../../src/shared/tokens'
import { testHttpClient } from '../../support/diagnosis'

const haveKeyring = process.env.AUTHDESK_TEST_KEYRING === '1'

let sims: SimulatorSet
let attacker: Server
let attackerUrl = ''
const stolen: Array<{ url: string; authorization: string | undefined; body: string }> = []

beforeAll(async () => {
  sims = await startAllSimulators()
  attacker = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      stolen.push({ url: req.url ?? '', authorization: req.headers.authorization, body })
      res.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/3rdparty/v1`
})
afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve))
  await sims.close()
})

const open: Array<{ services: Services; dir: string }> = []
afterEach(async () => {
  for (const { services, dir } of open.splice(0)) {
    for (const account of await services.vault.list()) await services.vault.delete(account.id)
    await services.close()
    await rm(dir, { recursive: true, force: true })
  }
  stolen.length = 0
})

async function world() {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-binding-'))
  const http = testHttpClient()
  const services = await createServices({ dataDir: dir, appVersion: 'test', keychainService: `authdesk-test-${randomUUID()}`, tokens: { http, schedule: false } })
  open.push({ services, dir })
  const router = createRouter(createHandlers(services), { trust: () => true })
  const call = async <T>(channel: string, payload?: unknown): Promise<T> => {
    const reply = await router.dispatch({ url: '', isMainFrame: true }, channel, payload)
    if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.message}`), { code: reply.error.code })
    return reply.value as T
  }
  /** An account on a simulator (its loopback base URL is not a provider host: confirmed). */
  const create = (label: string, provider: 'smsgate' | 'authmatech', baseUrl: string, fields: Record<string, string>, extra: object = {}) =>
    call<AccountView>('accounts:create', { label, provider, baseUrl, confirmUnlistedHost: true, fields, ...extra })
  const valid = sims.byId.smsgate.scenarioCredentials().valid!
  const account = await create('Gateway', 'smsgate', valid.BASE_URL!, { USERNAME: valid.USERNAME!, PASSWORD: valid.PASSWORD! }, { scopes: ['devices:list', 'messages:send'] })
  return { services, dir, call, create, account, valid }
}

/** What someone with write access to the data folder does: rewrite the base URL and the file's checksum. */
async function tamper(dir: string, id: string, baseUrl: string): Promise<void> {
  const path = join(dir, 'accounts.json')
  const envelope = JSON.parse(await readFile(path, 'utf8')) as { sha256: string; data: { accounts: Array<{ id: string; baseUrl: string | null }> } }
  for (const a of envelope.data.accounts) if (a.id === id) a.baseUrl = baseUrl
  envelope.sha256 = createHash('sha256').update(JSON.stringify(envelope.data)).digest('hex')
  await writeFile(path, JSON.stringify(envelope))
}

describe.skipIf(!haveKeyring)('re-pointing an account needs its secrets (run under scripts/keyring-run.sh)', () => {
  it('a new base URL without the secrets clears them and the issued tokens; nothing reaches the new host', async () => {
    const { call, account } = await world()
    await call('tokens:issue', { accountId: account.id })

    const moved = await call<AccountView>('accounts:update', { id: account.id, baseUrl: attackerUrl, confirmUnlistedHost: true })
    expect(moved.secretsStatus).toBe('none')
    expect(moved.problems.map((p) => p.code)).toContain('secret.address-changed')
    expect((await call<TokenState>('tokens:list', { accountId: account.id })).records).toEqual([])

    const check = await call<Diagnosis>('health:check', { id: account.id })
    expect(check.cause).toBe('credentials.missing')
    await expect(call('tokens:issue', { accountId: account.id })).rejects.toThrow()
    expect(stolen).toEqual([])
  })

  it('only the secrets entered with the new address go there: the others are removed, and the account says so', async () => {
    const { call, create } = await world()
    const both = await create('Both', 'smsgate', sims.byId.smsgate.scenarioCredentials().valid!.BASE_URL!, { USERNAME: 'GW7KQ2', PASSWORD: 'first-password-1', TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' })
    const moved = await call<AccountView>('accounts:update', { id: both.id, baseUrl: attackerUrl, confirmUnlistedHost: true, fields: { PASSWORD: 'second-password-2' } })
    expect(Object.keys(moved.secrets)).toEqual(['PASSWORD'])
    expect(moved.problems.map((p) => p.code)).toContain('secret.address-changed')
    const fixed = await call<AccountView>('accounts:update', { id: both.id, fields: { TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ5In0.c2lnbmF0dXJl' } })
    expect(fixed.problems.map((p) => p.code)).not.toContain('secret.address-changed')
  })

  it('a new environment or base URL with the secrets entered again keeps them, bound to the new address', async () => {
    const { services, call, account, valid } = await world()
    const moved = await call<AccountView>('accounts:update', { id: account.id, baseUrl: attackerUrl, confirmUnlistedHost: true, fields: { PASSWORD: valid.PASSWORD! } })
    expect(moved.secretsStatus).toBe('keychain')
    expect(moved.problems).toEqual([])
    const item = parseItem((await services.secretStore.get(itemName(account.id)))!)
    expect(item?.baseUrl).toBe(attackerUrl)
  })
})

describe.skipIf(!haveKeyring)('a new path on the same server keeps the secrets (the SMSGate /api segment corrected)', () => {
  it('same scheme, host and port: no new host confirmation, the secrets stay, bound to the new path', async () => {
    const { services, call, create } = await world()
    const wrong = sims.byId.smsgate.scenarioCredentials()['missing-api-prefix']!
    const account = await create('Office gateway', 'smsgate', wrong.BASE_URL!, { USERNAME: wrong.USERNAME!, PASSWORD: wrong.PASSWORD! })
    const corrected = wrong.BASE_URL!.replace('/private/3rdparty/v1', '/private/api/3rdparty/v1')

    const moved = await call<AccountView>('accounts:update', { id: account.id, baseUrl: corrected })
    expect(moved).toMatchObject({ baseUrl: corrected, secretsStatus: 'keychain' })
    expect(Object.keys(moved.secrets).sort()).toEqual(['PASSWORD'])
    expect(moved.problems.map((p) => p.code)).not.toContain('secret.address-changed')
    expect(parseItem((await services.secretStore.get(itemName(account.id)))!)).toMatchObject({ baseUrl: corrected })
    expect((await call<Diagnosis>('health:check', { id: account.id })).cause).toBe('ok')
  })
})

describe.skipIf(!haveKeyring)('the address is bound to the secret in the keychain', () => {
  it('an edited accounts.json cannot redirect a check, a token issue or a rotation: reported as tampering, nothing sent', async () => {
    const { dir, call, create, account } = await world()
    await tamper(dir, account.id, attackerUrl)

    const check = await call<Diagnosis>('health:check', { id: account.id })
    expect(check).toMatchObject({ cause: 'config.invalid', state: 'failing', transcript: [] })
    expect(check.summary).toMatch(/changed outside AuthDesk, so nothing was sent/)
    await expect(call('tokens:issue', { accountId: account.id })).rejects.toMatchObject({ code: 'vault.address-mismatch' })
    const status = await call<VaultStatus>('accounts:status')
    expect(status.notices.map((n) => n.code)).toContain('metadata.address-mismatch')

    const am = sims.byId.authmatech.scenarioCredentials().valid!
    const rotating = await create('Verify', 'authmatech', am.BASE_URL!, { API_KEY: am.API_KEY!, CLIENT_ID: am.CLIENT_ID! })
    await tamper(dir, rotating.id, attackerUrl.replace('/3rdparty/v1', ''))
    await expect(call('accounts:rotate-key', { id: rotating.id, secretKey: 'client-secret-123' })).rejects.toMatchObject({ code: 'vault.address-mismatch' })
    expect(stolen).toEqual([])
  })

  it('an item saved before the binding is bound to the current address on first read, with a notice', async () => {
    const { services, call, account } = await world()
    const raw = JSON.parse((await services.secretStore.get(itemName(account.id)))!) as Record<string, unknown>
    delete raw.baseUrl
    await services.secretStore.set(itemName(account.id), JSON.stringify(raw))

    expect((await call<Diagnosis>('health:check', { id: account.id })).cause).toBe('ok')
    expect(parseItem((await services.secretStore.get(itemName(account.id)))!)?.baseUrl).toBe(account.baseUrl)
    expect((await call<VaultStatus>('accounts:status')).notices.map((n) => n.code)).toContain('keychain.address-bound')
  })
})

/**
 * `authdesk check --env FILE --json` on answers the real providers give but the first
 * simulators did not: each used to come out `failing` for a credential that works (issue 14).
 * The built command against the simulators, or against a loopback server answering in another
 * plausible shape. Needs `npm run build` first.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import type { BuiltInProviderId } from '../../../src/shared/model'
import { runCli } from '../../support/run-cli'

interface Result {
  readonly account: string
  readonly state: string
  readonly cause: string
  readonly summary: string
  readonly evidence: Record<string, unknown>
}

let sims: SimulatorSet
let dir: string

beforeAll(async () => {
  sims = await startAllSimulators()
  dir = mkdtempSync(join(tmpdir(), 'authdesk-real-'))
})
afterAll(async () => {
  await sims.close()
  rmSync(dir, { recursive: true, force: true })
})

function vars(prefix: string, provider: BuiltInProviderId, scenario: string, patch: Record<string, string> = {}): Record<string, string> {
  const fields = { ...sims.byId[provider].scenarioCredentials()[scenario], ...patch }
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}_${k}`, v]))
}

async function check(variables: Record<string, string>): Promise<Record<string, Result>> {
  const file = join(dir, `${randomUUID()}.env`)
  writeFileSync(file, Object.entries(variables).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n'))
  const run = await runCli(['check', '--env', file, '--json'], { PATH: process.env.PATH ?? '' })
  expect(run.stdout, run.stderr).not.toBe('')
  const doc = JSON.parse(run.stdout) as { results: Result[] }
  return Object.fromEntries(doc.results.map((r) => [r.account, r]))
}

describe('Authmatech: /me/products and /me/usage have no published schema', () => {
  /** Client id → the `data` of /me/products and of /me/usage this server answers with. */
  const shapes: Record<string, { products: unknown; usage: unknown }> = {
    'strings': { products: ['VERIFY'], usage: {} },
    'name-status': { products: { products: [{ name: 'Verify', status: 'ACTIVE' }, { name: 'Shield', status: 'INACTIVE' }] }, usage: {} },
    'lower-case': { products: { products: [{ product: 'verify', enabled: true }] }, usage: {} },
    'variant-name': { products: { products: [{ code: 'VERIFY_NPLUS', active: true }] }, usage: {} },
    'shield-only': { products: { products: [{ product: 'SHIELD', enabled: true }, { product: 'VERIFY', enabled: false }] }, usage: {} },
    'unreadable': { products: { catalogue: 'see dashboard' }, usage: { units: 'n/a' } },
    'zero-remaining': { products: { products: [{ product: 'VERIFY', enabled: true }] }, usage: { remaining: 0 } },
  }
  let server: Server
  let base: string

  beforeAll(async () => {
    server = createServer((request, response) => {
      const shape = shapes[String(request.headers['x-client-id'])]
      const data = request.url?.endsWith('/me/usage') ? shape?.usage : shape?.products
      const ok = shape !== undefined && request.headers['x-api-key'] === 'shape-key-0123456789'
      const message = { type: ok ? 'SUCCESS' : 'FAILURE', httpStatus: ok ? 'OK' : 'UNAUTHORIZED', ...(ok ? {} : { message: 'Unauthorized' }) }
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ success: ok, messages: [message], data: ok ? data : null }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  const account = (client: string, extra: Record<string, string> = {}) => ({
    [`${client.toUpperCase().replaceAll('-', '_')}_AUTHMATECH_API_KEY`]: 'shape-key-0123456789',
    [`${client.toUpperCase().replaceAll('-', '_')}_AUTHMATECH_CLIENT_ID`]: client,
    [`${client.toUpperCase().replaceAll('-', '_')}_AUTHMATECH_BASE_URL`]: base,
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`${client.toUpperCase().replaceAll('-', '_')}_AUTHMATECH_${k}`, v])),
  })

  it('a working key is healthy whatever shape the products list has, and when it cannot be read', async () => {
    const results = await check(Object.assign({}, ...['strings', 'name-status', 'lower-case', 'variant-name', 'shield-only', 'unreadable'].map((c) => account(c))))
    for (const name of ['STRINGS', 'NAME_STATUS', 'LOWER_CASE', 'VARIANT_NAME', 'SHIELD_ONLY', 'UNREADABLE'])
      expect(results[`${name}_AUTHMATECH`], name).toMatchObject({ state: 'healthy', cause: 'ok' })
  })

  it('a product the account uses, listed as disabled, is degraded with the inferred evidence; a spent balance is degraded, never failing', async () => {
    const results = await check({ ...account('shield-only', { PRODUCTS: 'VERIFY' }), ...account('zero-remaining') })
    expect(results.SHIELD_ONLY_AUTHMATECH).toMatchObject({ state: 'degraded', cause: 'feature.disabled' })
    expect(results.SHIELD_ONLY_AUTHMATECH!.evidence.inferred).toMatch(/schema/)
    expect(results.ZERO_REMAINING_AUTHMATECH).toMatchObject({ state: 'degraded', cause: 'balance.exhausted' })
  })
})

describe('SMSGate', () => {
  it('checks the phone’s Local server: GET /device, its empty 401, its "Insufficient permissions"', async () => {
    const results = await check({
      ...vars('PHONE_SMSGATE', 'smsgate', 'local-server'),
      ...vars('PHONE_JWT_SMSGATE', 'smsgate', 'local-server-token'),
      ...vars('PHONE_SEND_SMSGATE', 'smsgate', 'local-server-send-only-token'),
      ...vars('PHONE_BAD_SMSGATE', 'smsgate', 'local-server-wrong-password'),
    })
    expect(results.PHONE_SMSGATE).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(results.PHONE_JWT_SMSGATE).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(results.PHONE_SEND_SMSGATE).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(results.PHONE_BAD_SMSGATE).toMatchObject({ state: 'failing', cause: 'credentials.invalid' })
  })

  it('never sends a credential over plain http to a public address, nor to a private one without the opt-in', async () => {
    const phone = sims.byId.smsgate.scenarioCredentials()['local-server']!
    const results = await check({
      LAN_SMSGATE_USERNAME: phone.USERNAME!,
      LAN_SMSGATE_PASSWORD: phone.PASSWORD!,
      LAN_SMSGATE_MODE: 'local',
      LAN_SMSGATE_BASE_URL: 'http://192.168.1.20:8080',
      PUBLIC_SMSGATE_USERNAME: phone.USERNAME!,
      PUBLIC_SMSGATE_PASSWORD: phone.PASSWORD!,
      PUBLIC_SMSGATE_ALLOW_LOCAL_HTTP: 'yes',
      PUBLIC_SMSGATE_BASE_URL: 'http://203.0.113.7:8080',
    })
    expect(results.LAN_SMSGATE!.summary).toMatch(/allow unencrypted HTTP on my local network.*Nothing was sent/)
    expect(results.PUBLIC_SMSGATE!.summary).toMatch(/https:\/\/.*Nothing was sent/)
    expect(results.PUBLIC_SMSGATE!.evidence.step).toBe('lint')
  })

  it('a least-privilege messages:send token is healthy, with a note', async () => {
    const results = await check(vars('SEND_SMSGATE', 'smsgate', 'send-only-token'))
    expect(results.SEND_SMSGATE).toMatchObject({ state: 'healthy', cause: 'ok' })
  })
})

describe('Nmbrs', () => {
  it('1002 from an API user template without DebtorService: healthy with a note, degraded when the account uses DebtorService', async () => {
    const results = await check({ ...vars('TPL_NMBRS', 'nmbrs', 'unauthorized-1002'), ...vars('USED_NMBRS', 'nmbrs', 'template-blocks-debtor-service') })
    expect(results.TPL_NMBRS).toMatchObject({ state: 'healthy', cause: 'ok' })
    expect(results.USED_NMBRS).toMatchObject({ state: 'degraded', cause: 'feature.disabled' })
  })

  it('tokens reach Sandbox the day after: the advice follows which environment still accepts the token', async () => {
    const results = await check({ ...vars('NEW_NMBRS', 'nmbrs', 'token-not-yet-in-sandbox'), ...vars('RESET_NMBRS', 'nmbrs', 'token-reset-in-live') })
    expect(results.NEW_NMBRS).toMatchObject({ state: 'failing', cause: 'credentials.invalid' })
    expect(results.NEW_NMBRS!.summary).toMatch(/reach Sandbox the day after/)
    expect(results.RESET_NMBRS).toMatchObject({ state: 'failing', cause: 'credentials.invalid' })
    expect(results.RESET_NMBRS!.summary).toMatch(/reset.*copy the new one/i)
  })
})

describe('Groupcall', () => {
  it('an Email-only customer on an Email account is healthy, and the check sends no recipient at all', async () => {
    const bodies: string[] = []
    const simulator = sims.byId.groupcall.simulator
    const handle = simulator.handle.bind(simulator)
    simulator.handle = (request, context) => {
      bodies.push(request.body)
      return handle(request, context)
    }
    try {
      const results = await check({ ...vars('MAIL_GROUPCALL', 'groupcall', 'email-only-customer'), ...vars('SMS_GROUPCALL', 'groupcall', 'valid') })
      expect(results.MAIL_GROUPCALL).toMatchObject({ state: 'healthy', cause: 'ok' })
      expect(results.SMS_GROUPCALL).toMatchObject({ state: 'healthy', cause: 'ok' })
      expect(results.SMS_GROUPCALL!.summary).toContain('empty recipient list')
    } finally {
      simulator.handle = handle
    }
    expect(bodies).toHaveLength(2)
    for (const body of bodies) for (const item of (JSON.parse(body) as { messageData: Array<{ Recipients: unknown[] }> }).messageData) expect(item.Recipients).toEqual([])
  })
})

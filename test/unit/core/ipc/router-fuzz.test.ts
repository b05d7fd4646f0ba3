import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../../src/core/ipc/handlers'
import { createRouter, type Handlers } from '../../../../src/core/ipc/router'
import { sameOriginMainFrame } from '../../../../src/core/ipc/sender-policy'
import { createServices, type Services } from '../../../../src/core/services'
import { MemorySecretStore } from '../../../../src/core/vault/secret-store'
import { channels, CHANNEL_NAMES } from '../../../../src/shared/contract'
import type { Result } from '../../../../src/shared/result'

/** Handlers that answer instantly, so the fuzz measures the router, not the services. */
const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => ({ echoed: name })])) as unknown as Handlers
const router = createRouter(handlers, { trust: sameOriginMainFrame('app://authdesk'), timeoutMs: 1_000 })

const hostile = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withObjectString: true }),
  fc.string({ maxLength: 100_000 }),
  fc.constantFrom({ __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"x":1}}'), { constructor: { prototype: {} } }, new Error('x'), Symbol('s'), () => 1),
)
const sender = fc.record({ url: fc.oneof(fc.constant('app://authdesk/index.html'), fc.webUrl(), fc.string()), isMainFrame: fc.boolean() })
const channel = fc.oneof(fc.constantFrom(...CHANNEL_NAMES), fc.string(), fc.anything())

function isTypedReply(reply: Result<unknown>): boolean {
  if (reply.ok) return true
  return typeof reply.error.code === 'string' && typeof reply.error.message === 'string' && !/\n\s+at /.test(reply.error.message)
}

describe('IPC router under hostile input', () => {
  it('always answers with a valid result or a typed error, never throws or hangs', async () => {
    await fc.assert(
      fc.asyncProperty(sender, channel, hostile, async (from, name, payload) => {
        const reply = await router.dispatch(from, name, payload)
        expect(isTypedReply(reply)).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })

  it('reaches a handler only for a trusted sender on a known channel with a schema-valid payload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), hostile, async (name, payload) => {
        const reply = await router.dispatch({ url: 'app://authdesk/index.html', isMainFrame: true }, name, payload)
        if (reply.ok) expect(reply.value).toEqual({ echoed: name })
        else expect(reply.error.code).toBe('ipc.invalid-request')
      }),
      { numRuns: 1_000 },
    )
  })
})

/** Ids that are also names on Object.prototype: a plain-object lookup would find something. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__']

/** Every channel that names an account, with a payload for a given id. */
const ACCOUNT_SCOPED: ReadonlyArray<[string, (id: string) => unknown]> = [
  ['accounts:update', (id) => ({ id, label: 'x' })],
  ['accounts:delete', (id) => ({ id })],
  ['accounts:duplicate', (id) => ({ id })],
  ['accounts:export', (id) => ({ format: 'json', ids: [id] })],
  ['accounts:rotate-key', (id) => ({ id, secretKey: 'secret-key-123' })],
  ['accounts:switch-environment', (id) => ({ id })],
  ['health:check', (id) => ({ id })],
  ['health:check-all', (id) => ({ ids: [id] })],
  ['health:history', (id) => ({ id })],
  ['tokens:list', (accountId) => ({ accountId })],
  ['tokens:issue', (accountId) => ({ accountId })],
  ['tokens:refresh', (accountId) => ({ accountId })],
  ['tokens:revoke', (accountId) => ({ accountId })],
  ['wizard:get', (accountId) => ({ accountId })],
  ['wizard:record', (accountId) => ({ accountId, stepId: 'common.fix-paste', outcome: 'done' })],
  ['wizard:reset', (accountId) => ({ accountId })],
  ['bundle:preview', (accountId) => ({ accountId })],
  ['bundle:export', (accountId) => ({ accountId, digest: 'd', generatedAt: new Date(0).toISOString() })],
]

describe('IPC with Object.prototype names as ids (real handlers, an empty vault)', () => {
  let services: Services
  let real: ReturnType<typeof createRouter>
  const trusted = { url: 'app://authdesk/index.html', isMainFrame: true }
  beforeAll(async () => {
    const secretStore = new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'test', hint: null, error: null })
    services = await createServices({ dataDir: await mkdtemp(join(tmpdir(), 'authdesk-proto-')), appVersion: 'test', secretStore })
    real = createRouter(createHandlers(services), { trust: sameOriginMainFrame('app://authdesk'), timeoutMs: 5_000 })
  })
  afterAll(async () => {
    const dir = services.dataDir
    await services.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('covers every channel whose request names an account', () => {
    // knowledge:steps takes step ids and providers:remove a provider id, not account ids.
    const named = CHANNEL_NAMES.filter((c) => c !== 'knowledge:steps' && c !== 'providers:remove' && /\b(accountId|id|ids)\b/.test(JSON.stringify(Object.keys((channels[c].request as unknown as { shape?: object }).shape ?? {}))))
    expect(named.sort()).toEqual(ACCOUNT_SCOPED.map(([c]) => c).sort())
  })

  it.each(ACCOUNT_SCOPED)('%s refuses an unknown account id with account.not-found, for every prototype name', async (name, payload) => {
    for (const id of [...PROTOTYPE_NAMES, 'no-such-account']) {
      const reply = await real.dispatch(trusted, name, payload(id))
      expect(reply, `${name} ${id}`).toMatchObject({ ok: false, error: { code: 'account.not-found' } })
    }
  })

  it('providers:remove removes nothing for prototype names: refused as no provider id, or as no such custom provider', async () => {
    for (const id of PROTOTYPE_NAMES) {
      const reply = await real.dispatch(trusted, 'providers:remove', { id })
      expect(reply, id).toMatchObject({ ok: false })
      expect(['ipc.invalid-request', 'provider.not-found'], id).toContain((reply as { error: { code: string } }).error.code)
    }
  })

  it('knowledge:steps answers nothing for prototype names; the wizard file does not grow for unknown ids', async () => {
    expect(await real.dispatch(trusted, 'knowledge:steps', { ids: PROTOTYPE_NAMES })).toEqual({ ok: true, value: [] })
    for (let i = 0; i < 50; i++) await real.dispatch(trusted, 'wizard:record', { accountId: `ghost-${i}`, stepId: 'common.fix-paste', outcome: 'done' })
    await expect(stat(join(services.dataDir, 'wizard.json'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRouter, type Handlers } from '../../../../src/core/ipc/router'
import { sameOriginMainFrame } from '../../../../src/core/ipc/sender-policy'
import { CHANNEL_NAMES } from '../../../../src/shared/contract'
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

import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../src/core/errors'
import { createLogger } from '../../../../src/core/log'
import { createRouter, type Handlers } from '../../../../src/core/ipc/router'
import { sameOriginMainFrame } from '../../../../src/core/ipc/sender-policy'
import { SecretScrubber } from '../../../../src/core/secret-scrubber'
import type { AppInfo } from '../../../../src/shared/model'

const ORIGIN = 'app://authdesk'
const trusted = { url: 'app://authdesk/index.html', isMainFrame: true }
const info = { name: 'AuthDesk', version: '1.0.0' } as AppInfo

function router(handlers: Partial<Handlers> = {}, timeoutMs?: number) {
  const lines: string[] = []
  const scrubber = new SecretScrubber()
  const all: Handlers = { 'app:info': () => info, 'accounts:list': () => [], ...handlers } as Handlers
  const r = createRouter(all, { trust: sameOriginMainFrame(ORIGIN), logger: createLogger((l) => lines.push(l), scrubber), timeoutMs })
  return { r, lines, scrubber }
}

describe('IPC router: senders', () => {
  it.each([
    ['a sub-frame of the app', { url: 'app://authdesk/index.html', isMainFrame: false }],
    ['another origin', { url: 'https://evil.example/', isMainFrame: true }],
    ['a look-alike app host', { url: 'app://authdesk.evil/index.html', isMainFrame: true }],
    ['a file: page', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['an empty URL', { url: '', isMainFrame: true }],
  ])('rejects %s and logs it', async (_label, sender) => {
    const { r, lines } = router()
    expect(await r.dispatch(sender, 'app:info', undefined)).toEqual({
      ok: false,
      error: { code: 'ipc.forbidden-sender', message: expect.any(String) },
    })
    expect(lines.join('\n')).toContain('ipc.forbidden-sender')
  })

  it('answers the app main frame', async () => {
    expect(await router().r.dispatch(trusted, 'app:info', undefined)).toEqual({ ok: true, value: info })
  })
})

describe('IPC router: payloads and errors', () => {
  it('rejects unknown channels, including prototype keys', async () => {
    for (const channel of ['nope:nothing', '__proto__', 'constructor', 42, null]) {
      expect(await router().r.dispatch(trusted, channel, undefined)).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } })
    }
  })

  it('rejects a payload that does not match the schema', async () => {
    const reply = await router().r.dispatch(trusted, 'accounts:list', { extra: 1 })
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } })
  })

  it('passes AppError codes, messages and fields through', async () => {
    const { r } = router({
      'app:info': () => {
        throw new AppError('vault.invalid-field', 'Username must be an e-mail address.', { field: 'fields.USERNAME' })
      },
    })
    expect(await r.dispatch(trusted, 'app:info', undefined)).toEqual({
      ok: false,
      error: { code: 'vault.invalid-field', message: 'Username must be an e-mail address.', field: 'fields.USERNAME' },
    })
  })

  it('answers unexpected failures with a generic message and logs the detail with secrets scrubbed', async () => {
    const canary = 'CANARY-s3cr3t-7f3a9'
    const { r, lines, scrubber } = router({
      'app:info': () => {
        throw new Error(`upstream said: bad password ${canary}`)
      },
    })
    scrubber.remember(canary)
    const reply = await r.dispatch(trusted, 'app:info', undefined)
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } })
    expect(JSON.stringify(reply)).not.toContain(canary)
    expect(JSON.stringify(reply)).not.toContain('upstream')
    expect(lines.join('\n')).toContain('upstream said')
    expect(lines.join('\n')).not.toContain(canary)
  })

  it('gives up on a handler that never answers', async () => {
    const { r } = router({ 'app:info': () => new Promise<AppInfo>(() => {}) }, 50)
    expect(await r.dispatch(trusted, 'app:info', undefined)).toMatchObject({ ok: false, error: { code: 'ipc.timeout' } })
  })
})

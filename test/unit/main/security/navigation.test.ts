import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { lockDownWebContents, type LockableContents } from '../../../../src/main/security/navigation'

type OpenHandler = (details: { url: string }) => { action: string }

function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: OpenHandler | null = null
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => emitter.on(event, listener),
    setWindowOpenHandler: (handler: OpenHandler) => void (openHandler = handler),
  } as unknown as LockableContents
  const openInBrowser = vi.fn()
  lockDownWebContents(contents, { appOrigin: 'app://authdesk', openInBrowser })
  const fire = (event: string, url: string) => {
    const e = { preventDefault: vi.fn(), url }
    emitter.emit(event, e, url)
    return e.preventDefault.mock.calls.length > 0
  }
  return { fire, open: (url: string) => openHandler!({ url }), openInBrowser }
}

describe('web contents lockdown', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s away from the app is cancelled', (event) => {
    const { fire } = fakeContents()
    expect(fire(event, 'https://example.com/')).toBe(true)
    expect(fire(event, 'file:///etc/passwd')).toBe(true)
    expect(fire(event, 'app://evil/index.html')).toBe(true)
    expect(fire(event, 'app://authdesk/index.html#/accounts')).toBe(false)
  })

  it('denies every new window and opens only allow-listed https links in the browser', () => {
    const { open, openInBrowser } = fakeContents()
    expect(open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(openInBrowser).not.toHaveBeenCalled()
    expect(open('https://support.nmbrs.com/hc/en-us')).toEqual({ action: 'deny' })
    expect(openInBrowser).toHaveBeenCalledWith('https://support.nmbrs.com/hc/en-us')
  })

  it('prevents any webview from being attached', () => {
    const { fire } = fakeContents()
    expect(fire('will-attach-webview', 'app://authdesk/')).toBe(true)
  })
})

import { describe, expect, it, vi } from 'vitest'
import { acquireSingleInstance, type LockableApp } from '../../../src/main/single-instance'

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>()
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: (event: string, listener: () => void) => listeners.set(event, listener),
  }
  return { app: app as unknown as LockableApp & typeof app, listeners }
}

describe('single-instance lock', () => {
  it('a second instance quits without opening anything', () => {
    const { app } = fakeApp(false)
    const focus = vi.fn()
    expect(acquireSingleInstance(app, focus)).toBe(false)
    expect(app.quit).toHaveBeenCalledOnce()
  })

  it('the first instance keeps running and focuses its window when launched again', () => {
    const { app, listeners } = fakeApp(true)
    const focus = vi.fn()
    expect(acquireSingleInstance(app, focus)).toBe(true)
    expect(app.quit).not.toHaveBeenCalled()
    listeners.get('second-instance')!()
    expect(focus).toHaveBeenCalledOnce()
  })
})

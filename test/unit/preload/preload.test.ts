import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../../src/shared/contract'

const exposed = new Map<string, unknown>()
const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }))
const on = vi.fn()
const removeListener = vi.fn()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: { invoke, on, removeListener, send: vi.fn(), sendSync: vi.fn() },
}))

await import('../../../src/preload/index')

describe('preload bridge', () => {
  it('exposes only window.authdesk', () => {
    expect([...exposed.keys()]).toEqual(['authdesk'])
  })

  it('maps each named function to ipcRenderer.invoke on its own channel and never uses send', async () => {
    const api = exposed.get('authdesk') as { app: { info(): Promise<unknown> }; accounts: { list(): Promise<unknown> } }
    await api.app.info()
    await api.accounts.list()
    expect(invoke.mock.calls.map(([channel]) => channel)).toEqual(['app:info', 'accounts:list'])
    expect(CHANNEL_NAMES).toContain('app:info')
  })

  it('subscribes to events by their contract name and removes the same listener', () => {
    const api = exposed.get('authdesk') as { events: { onAccountsChanged(l: (p: unknown) => void): () => void } }
    const listener = vi.fn()
    const off = api.events.onAccountsChanged(listener)
    expect(on).toHaveBeenCalledWith('accounts:changed', expect.any(Function))
    const handler = on.mock.calls[0]![1] as (e: unknown, p: unknown) => void
    handler({ sender: 'ignored' }, { ids: ['x'] })
    expect(listener).toHaveBeenCalledWith({ ids: ['x'] })
    off()
    expect(removeListener).toHaveBeenCalledWith('accounts:changed', handler)
  })
})

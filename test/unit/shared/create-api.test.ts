import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName } from '../../../src/shared/contract'
import { camelCase, createApi, eventMethodName, type AuthDeskApi, type Transport } from '../../../src/shared/create-api'
import type { AccountView, AppInfo } from '../../../src/shared/model'
import type { Result } from '../../../src/shared/result'

function recordingTransport() {
  const calls: Array<[ChannelName, unknown]> = []
  const listeners = new Map<string, (payload: unknown) => void>()
  const transport: Transport = {
    invoke: async (channel, payload) => {
      calls.push([channel, payload])
      return { ok: true, value: channel }
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener)
      return () => listeners.delete(event)
    },
  }
  return { transport, calls, listeners }
}

describe('createApi', () => {
  it('exposes exactly one named function per channel, invoking that channel', async () => {
    const { transport, calls } = recordingTransport()
    const api = createApi(transport) as unknown as Record<string, Record<string, (p?: unknown) => Promise<unknown>>>
    for (const name of CHANNEL_NAMES) {
      const [domain = '', action = ''] = name.split(':')
      await api[domain]![camelCase(action)]!({ probe: name })
    }
    expect(calls).toEqual(CHANNEL_NAMES.map((name) => [name, { probe: name }]))
    const exposed = Object.entries(api).filter(([k]) => k !== 'events').flatMap(([, g]) => Object.keys(g))
    expect(exposed).toHaveLength(CHANNEL_NAMES.length)
  })

  it('exposes no generic invoke, send or on, and cannot be modified by the page', () => {
    const api = createApi(recordingTransport().transport) as unknown as Record<string, unknown>
    for (const key of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'process']) expect(api[key]).toBeUndefined()
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.app)).toBe(true)
  })

  it('subscribes one named listener per event and returns an unsubscribe function', () => {
    const { transport, listeners } = recordingTransport()
    const api = createApi(transport)
    const seen = vi.fn()
    const off = api.events.onAccountsChanged(seen)
    listeners.get('accounts:changed')!({ ids: ['a'] })
    expect(seen).toHaveBeenCalledWith({ ids: ['a'] })
    off()
    expect(listeners.has('accounts:changed')).toBe(false)
    expect(EVENT_NAMES.map(eventMethodName)).toEqual(Object.keys(api.events))
  })

  it('refuses a listener that is not a function', () => {
    const api = createApi(recordingTransport().transport)
    expect(() => (api.events.onAccountsChanged as (l: unknown) => void)('alert(1)')).toThrow(TypeError)
  })

  it('types each function with its channel’s request and response', () => {
    expectTypeOf<AuthDeskApi['app']['info']>().returns.toEqualTypeOf<Promise<Result<AppInfo>>>()
    expectTypeOf<AuthDeskApi['accounts']['list']>().returns.toEqualTypeOf<Promise<Result<ReadonlyArray<AccountView>>>>()
  })
})

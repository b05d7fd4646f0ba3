/**
 * Runs in the page before the renderer: builds `window.authdesk` with the production
 * createApi over a Playwright binding instead of Electron's ipcRenderer.
 */
import { createApi } from '../../../src/shared/create-api'
import type { Result } from '../../../src/shared/result'

type Invoke = (channel: string, payload: unknown) => Promise<Result<unknown>>
type Listener = (payload: unknown) => void

const host = window as unknown as Record<string, unknown>
const invoke = host.__authdeskInvoke as Invoke
const listeners = new Map<string, Set<Listener>>()

Object.defineProperty(window, '__authdeskEmit', {
  value: (name: string, payload: unknown) => listeners.get(name)?.forEach((listener) => listener(payload)),
})

Object.defineProperty(window, 'authdesk', {
  enumerable: true,
  value: createApi({
    invoke: (channel, payload) => invoke(channel, payload),
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
  }),
})

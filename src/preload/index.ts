/**
 * The only bridge between the sandboxed renderer and main: `window.authdesk`, built from the
 * contract by createApi. No ipcRenderer, no process, no generic invoke crosses it.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createApi, type Transport } from '../shared/create-api'
import type { Result } from '../shared/result'

const transport: Transport = {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const handler = (_event: unknown, payload: unknown): void => listener(payload)
    ipcRenderer.on(event, handler)
    return () => void ipcRenderer.removeListener(event, handler)
  },
}

contextBridge.exposeInMainWorld('authdesk', createApi(transport))

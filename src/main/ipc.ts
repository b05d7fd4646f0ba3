import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES, type EventName, type EventPayloadOf } from '../shared/contract'
import type { Router } from '../core/ipc/router'
import type { SenderInfo } from '../core/ipc/sender-policy'

/** What the router needs to know about an Electron sender; frames of other windows never pass. */
export function senderInfo(event: IpcMainInvokeEvent, window: BrowserWindow | null): SenderInfo {
  const frame = event.senderFrame
  const ownWindow = window !== null && !window.isDestroyed() && event.sender.id === window.webContents.id
  return {
    url: frame?.url ?? '',
    isMainFrame: ownWindow && frame !== null && frame === event.sender.mainFrame,
  }
}

/** One `ipcMain.handle` per contract channel, all through the same router. */
export function registerIpc(ipcMain: IpcMain, router: Router, window: () => BrowserWindow | null): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => router.dispatch(senderInfo(event, window()), channel, payload))
  }
}

export function sendEvent<E extends EventName>(window: BrowserWindow | null, name: E, payload: EventPayloadOf<E>): void {
  if (window && !window.isDestroyed()) window.webContents.send(name, payload)
}

import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { registerIpc, senderInfo } from '../../../src/main/ipc'
import { CHANNEL_NAMES } from '../../../src/shared/contract'
import type { Router } from '../../../src/core/ipc/router'

const mainFrame = { url: 'app://authdesk/index.html' }
const window = { isDestroyed: () => false, webContents: { id: 7 } } as unknown as BrowserWindow

function event(senderId: number, frame: { url: string } | null, main = mainFrame): IpcMainInvokeEvent {
  return { sender: { id: senderId, mainFrame: main }, senderFrame: frame } as unknown as IpcMainInvokeEvent
}

describe('Electron sender info', () => {
  it('is a trusted main frame only for the main frame of our own window', () => {
    expect(senderInfo(event(7, mainFrame), window)).toEqual({ url: 'app://authdesk/index.html', isMainFrame: true })
  })

  it('marks sub-frames, other web contents and destroyed windows as not the main frame', () => {
    expect(senderInfo(event(7, { url: 'app://authdesk/index.html' }), window).isMainFrame).toBe(false)
    expect(senderInfo(event(8, mainFrame), window).isMainFrame).toBe(false)
    expect(senderInfo(event(7, mainFrame), null).isMainFrame).toBe(false)
    expect(senderInfo(event(7, null), window)).toEqual({ url: '', isMainFrame: false })
  })

  it('registers one handler per contract channel, all through the router', async () => {
    const handlers = new Map<string, (e: IpcMainInvokeEvent, p: unknown) => unknown>()
    const ipcMain = { handle: (channel: string, h: (e: IpcMainInvokeEvent, p: unknown) => unknown) => handlers.set(channel, h) } as unknown as IpcMain
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }))
    registerIpc(ipcMain, { dispatch } as Router, () => window)
    expect([...handlers.keys()]).toEqual([...CHANNEL_NAMES])
    await handlers.get('app:info')!(event(8, mainFrame), { x: 1 })
    expect(dispatch).toHaveBeenCalledWith({ url: 'app://authdesk/index.html', isMainFrame: false }, 'app:info', { x: 1 })
  })
})

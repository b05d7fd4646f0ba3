import { join } from 'node:path'
import { app, ipcMain, Notification, powerMonitor, protocol, session, shell, type BrowserWindow } from 'electron'
import { createHandlers } from '../core/ipc/handlers'
import { createRouter } from '../core/ipc/router'
import { sameOriginMainFrame } from '../core/ipc/sender-policy'
import { fileLogSink } from '../core/log-file'
import { defaultDataDir } from '../core/paths'
import { createServices } from '../core/services'
import { APP_ORIGIN, APP_SCHEME, serveAppRequest } from './app-protocol'
import { registerIpc, sendEvent } from './ipc'
import { notifyFrom, type NotificationApi } from './notifications'
import { effectivePreferences } from './security/effective-preferences'
import { lockDownWebContents } from './security/navigation'
import { denyAllPermissions } from './security/permissions'
import { systemSaveLocation } from './save-location'
import { systemCaFilePicker } from './ca-file-dialog'
import { acquireSingleInstance } from './single-instance'
import { createMainWindow } from './window'

let mainWindow: BrowserWindow | null = null

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }])

async function start(): Promise<void> {
  const dataDir = defaultDataDir()
  app.setPath('userData', dataDir)
  const services = await createServices({
    dataDir,
    appVersion: app.getVersion(),
    runtime: {
      runtime: 'electron',
      electron: process.versions.electron ?? null,
      webPreferences: () => effectivePreferences(mainWindow),
    },
    logSink: fileLogSink(join(dataDir, 'logs', 'authdesk.log')),
    // A desktop unlock prompt is visible here: give the user time to answer it.
    keychainProbe: { isolated: false, timeoutMs: 120_000 },
    demo: {},
    fleet: { start: true },
    saveLocation: systemSaveLocation(() => mainWindow),
    caFilePicker: systemCaFilePicker(() => mainWindow),
  })
  const rendererDir = join(__dirname, '../renderer')
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url))
  denyAllPermissions(session.defaultSession)
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, { appOrigin: APP_ORIGIN, openInBrowser: (url) => void shell.openExternal(url) }),
  )
  const router = createRouter(createHandlers(services), { trust: sameOriginMainFrame(APP_ORIGIN), logger: services.logger, scrub: (value) => services.scrubber.scrubValue(value) })
  registerIpc(ipcMain, router, () => mainWindow)
  // resources/icon.png sits beside out/ in the repository and in the packaged app (electron-builder.json `files`).
  mainWindow = createMainWindow(join(__dirname, '../preload/index.js'), app.isPackaged, join(__dirname, '../../resources/icon.png'))
  mainWindow.on('closed', () => (mainWindow = null))
  services.events.subscribe((name, payload) => sendEvent(mainWindow, name, payload))
  services.events.subscribe(notifyFrom(electronNotifications, focusExisting))
  // Asleep, nothing starts; after waking (or unlocking, which may unlock the keychain too)
  // overdue accounts run once.
  powerMonitor.on('suspend', () => services.fleet.suspend())
  powerMonitor.on('resume', () => services.fleet.resume())
  powerMonitor.on('unlock-screen', () => services.fleet.resume())
  app.on('before-quit', () => void services.close())
}

const electronNotifications: NotificationApi = {
  isSupported: () => Notification.isSupported(),
  show: (title, body, onClick) => {
    const notification = new Notification({ title, body })
    notification.on('click', onClick)
    notification.show()
  },
}

const focusExisting = (): void => {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

if (acquireSingleInstance(app, focusExisting)) {
  app.on('window-all-closed', () => app.quit())
  app.whenReady().then(start, (error: unknown) => {
    console.error('AuthDesk failed to start:', error instanceof Error ? error.message : error)
    app.exit(1)
  })
}

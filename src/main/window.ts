import { BrowserWindow } from 'electron'
import { APP_ENTRY_URL } from './app-protocol'

/**
 * The one window. Its web preferences are written out literally (not built elsewhere) so
 * Electronegativity can read them; test/unit/main/window.test.ts asserts every one.
 */
export function createMainWindow(preloadPath: string, packaged: boolean, iconPath: string): BrowserWindow {
  const window = new BrowserWindow({
    icon: iconPath,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'AuthDesk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: !packaged,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(APP_ENTRY_URL)
  return window
}

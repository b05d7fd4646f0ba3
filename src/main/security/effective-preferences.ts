import type { BrowserWindow } from 'electron'

const SHOWN = [
  'contextIsolation',
  'sandbox',
  'nodeIntegration',
  'nodeIntegrationInWorker',
  'nodeIntegrationInSubFrames',
  'webSecurity',
  'allowRunningInsecureContent',
  'webviewTag',
  'experimentalFeatures',
  'devTools',
  'disableBlinkFeatures',
] as const

/** The window's preferences as Electron applied them (not as we asked), for the Security screen. */
export function effectivePreferences(window: BrowserWindow | null): Record<string, string | boolean | null> | null {
  if (!window || window.isDestroyed()) return null
  // Not in Electron's public typings, but present at runtime; absent means "cannot tell".
  const contents = window.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null }
  const applied = contents.getLastWebPreferences?.() ?? null
  if (!applied) return null
  return Object.fromEntries(SHOWN.map((key) => [key, typeof applied[key] === 'boolean' || typeof applied[key] === 'string' ? (applied[key] as boolean | string) : null]))
}

import type { App } from 'electron'

export type LockableApp = Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>

/**
 * Holds the single-instance lock so two AuthDesk processes never race on the vault.
 * A second launch focuses the existing window instead. Returns false when this process
 * must exit.
 */
export function acquireSingleInstance(app: LockableApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', focusExisting)
  return true
}

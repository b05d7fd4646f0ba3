import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'AuthDesk'

/**
 * The desktop app's data directory (the same place Electron's `userData` points to for a
 * product named AuthDesk), so the CLI and the app share one vault. AUTHDESK_DATA_DIR wins.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.AUTHDESK_DATA_DIR) return env.AUTHDESK_DATA_DIR
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
}

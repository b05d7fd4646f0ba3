/**
 * Builds every core service once. Main, the CLI and the e2e harness all start here, so
 * they run the same code path.
 */
import { mkdir } from 'node:fs/promises'
import type { AppInfo } from '../shared/model'
import { EventHub } from './event-hub'
import { createLogger, silentLogger, type Logger, type LogSink } from './log'
import { SecretScrubber } from './secret-scrubber'
import { openSecretStore } from './vault/keychain-store'
import type { SecretStore } from './vault/secret-store'
import { Vault } from './vault/vault'

export interface ServicesOptions {
  readonly dataDir: string
  readonly appVersion: string
  /** Electron's version when running inside Electron, else null. */
  readonly electronVersion?: string | null
  /** Defaults to probing the OS keychain. */
  readonly secretStore?: SecretStore
  /** Keychain service name; tests use their own. */
  readonly keychainService?: string
  /** How the keychain is probed at start (see openSecretStore). */
  readonly keychainProbe?: { readonly isolated: boolean; readonly timeoutMs: number }
  readonly logSink?: LogSink
}

export interface Services {
  readonly dataDir: string
  readonly logger: Logger
  readonly scrubber: SecretScrubber
  readonly secretStore: SecretStore
  readonly vault: Vault
  /** Events for the renderer (no secrets): main and the e2e harness forward them. */
  readonly events: EventHub
  appInfo(): AppInfo
  close(): Promise<void>
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true })
  const scrubber = new SecretScrubber()
  const logger = options.logSink ? createLogger(options.logSink, scrubber) : silentLogger
  const secretStore = options.secretStore ?? (await openSecretStore({
      service: options.keychainService,
      isolateProbe: options.keychainProbe?.isolated,
      timeoutMs: options.keychainProbe?.timeoutMs,
    }))
  logger.log('info', 'secret-storage', { backend: secretStore.status.backend, reason: secretStore.status.reason })
  const vault = await Vault.open({ dataDir: options.dataDir, store: secretStore, scrubber, logger })
  const events = new EventHub()
  vault.onChanged((ids) => events.emit('accounts:changed', { ids }))

  return {
    dataDir: options.dataDir,
    logger,
    scrubber,
    secretStore,
    vault,
    events,
    appInfo: () => ({
      name: 'AuthDesk',
      version: options.appVersion,
      platform: `${process.platform}-${process.arch}`,
      electron: options.electronVersion ?? null,
      node: process.versions.node,
      secretStorage: secretStore.status,
    }),
    close: async () => {},
  }
}

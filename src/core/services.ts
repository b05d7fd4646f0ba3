/**
 * Builds every core service once. Main, the CLI and the e2e harness all start here, so
 * they run the same code path.
 */
import { mkdir } from 'node:fs/promises'
import type { AppInfo, SecurityPosture } from '../shared/model'
import { EventHub } from './event-hub'
import { HealthService } from './health/health-service'
import { createHttpClient } from './http/client'
import { WizardStore } from './wizard/wizard-store'
import { createLogger, silentLogger, type Logger, type LogSink } from './log'
import { SecretScrubber } from './secret-scrubber'
import { describePosture, type RuntimeFacts } from './security-posture'
import { openSecretStore } from './vault/keychain-store'
import type { SecretStore } from './vault/secret-store'
import { Vault } from './vault/vault'
import { openDemoWorkspace } from './workspace/demo-workspace'
import { Workspaces } from './workspace/workspaces'

export interface ServicesOptions {
  readonly dataDir: string
  readonly appVersion: string
  /** Defaults to probing the OS keychain. */
  readonly secretStore?: SecretStore
  /** Keychain service name; tests use their own. */
  readonly keychainService?: string
  /** How the keychain is probed at start (see openSecretStore). */
  readonly keychainProbe?: { readonly isolated: boolean; readonly timeoutMs: number }
  readonly logSink?: LogSink
  /**
   * Offer the Demo workspace (desktop app and e2e harness). The CLI leaves it off: it always
   * works on the user's own vault.
   */
  readonly demo?: { readonly latencyMs?: number }
  /** Where this core runs, for the Security screen; defaults to the e2e harness's facts. */
  readonly runtime?: RuntimeFacts
}

export interface Services {
  readonly dataDir: string
  readonly logger: Logger
  readonly scrubber: SecretScrubber
  readonly secretStore: SecretStore
  /** The vault of the active workspace. */
  readonly vault: Vault
  readonly workspaces: Workspaces
  readonly health: HealthService
  /** The active workspace's wizard progress. */
  wizard(): WizardStore
  /** Events for the renderer (no secrets): main and the e2e harness forward them. */
  readonly events: EventHub
  appInfo(): AppInfo
  securityPosture(): SecurityPosture
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
  const mine = await Vault.open({ dataDir: options.dataDir, store: secretStore, scrubber, logger })
  const events = new EventHub()
  const workspaces = new Workspaces({
    dataDir: options.dataDir,
    mine,
    events,
    openDemo: () => openDemoWorkspace({ scrubber, logger, latencyMs: options.demo?.latencyMs }),
  })
  if (options.demo) await workspaces.start()
  const health = new HealthService({
    vault: () => workspaces.vault,
    events,
    deps: { http: createHttpClient({ env: process.env }), scrubber },
  })
  const wizards = new Map<string, WizardStore>()
  const wizard = (): WizardStore => {
    const dir = workspaces.vault.dataDir
    if (!wizards.has(dir)) wizards.set(dir, new WizardStore(dir))
    return wizards.get(dir)!
  }
  const runtime = options.runtime ?? { runtime: 'harness', electron: null, webPreferences: () => null }

  return {
    dataDir: options.dataDir,
    logger,
    scrubber,
    secretStore,
    get vault() {
      return workspaces.vault
    },
    workspaces,
    health,
    wizard,
    events,
    appInfo: () => ({
      name: 'AuthDesk',
      version: options.appVersion,
      platform: `${process.platform}-${process.arch}`,
      electron: runtime.electron,
      node: process.versions.node,
      secretStorage: secretStore.status,
    }),
    securityPosture: () => describePosture(runtime, secretStore.status),
    close: () => workspaces.close(),
  }
}

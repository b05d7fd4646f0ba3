/**
 * Builds every core service once. Main, the CLI and the e2e harness all start here, so
 * they run the same code path.
 */
import type { SaveLocation } from './bundle/save-location'
import { mkdir } from 'node:fs/promises'
import type { AppInfo, SecurityPosture } from '../shared/model'
import { EventHub } from './event-hub'
import { systemClock, type FleetClock } from './health/fleet-clock'
import { fileSettingsStore } from './health/fleet-settings'
import { HealthService } from './health/health-service'
import { heldBackDiagnosis } from './health/held-back'
import { createLimitedHttpClient } from './health/limited-http'
import { budgetLookup } from './health/provider-budgets'
import { RateLimiter } from './health/rate-limiter'
import { FleetScheduler } from './health/scheduler'
import { createHttpClient } from './http/client'
import { WizardStore } from './wizard/wizard-store'
import { createLogger, silentLogger, type Logger, type LogSink } from './log'
import { SecretScrubber } from './secret-scrubber'
import { describePosture, type RuntimeFacts } from './security-posture'
import { openSecretStore } from './vault/keychain-store'
import type { SecretStore } from './vault/secret-store'
import { TokenService, type TokenTuning } from './tokens/token-service'
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
  /**
   * Background re-checks. Only the desktop app starts them (`start: true`); elsewhere the
   * scheduler answers `fleet:status` and `fleet:configure` but schedules nothing.
   */
  readonly fleet?: { readonly start?: boolean; readonly clock?: FleetClock }
  /** Token lifecycle (SMSGate) and due dates; the refresh timer runs where the Demo is offered unless set. */
  readonly tokens?: TokenTuning
  /** The Save dialog for bundles (desktop app, harness double); without it bundles go to `bundles/` in the data dir. */
  readonly saveLocation?: SaveLocation
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
  /** Background re-checks of the active workspace (suspend/resume come from main). */
  readonly fleet: FleetScheduler
  /** The providers' request budgets every check spends (the CLI watches its waits to explain them). */
  readonly limiter: RateLimiter
  /** Token lifecycle and due dates of the active workspace. */
  readonly tokens: TokenService
  /** The active workspace's wizard progress. */
  wizard(): WizardStore
  readonly saveLocation: SaveLocation | null
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
  // Every check, whoever starts it, spends the providers' request budgets through this limiter.
  const clock = options.fleet?.clock ?? systemClock
  const limiter = new RateLimiter(clock, budgetLookup())
  const fleet: FleetScheduler = new FleetScheduler({
    clock,
    limiter,
    events,
    listAccounts: () => workspaces.vault.list(),
    history: (id) => health.historyOf(id),
    check: (id) => health.check(id),
    settings: fileSettingsStore(options.dataDir),
  })
  // Token calls bypass the check budgets: a refresh held back past its token's expiry breaks the account.
  const tokenHttp = options.tokens?.http ?? createHttpClient({ env: process.env })
  const tokens = new TokenService({
    ...options.tokens,
    vault: () => workspaces.vault,
    events,
    scrubber,
    logger,
    http: tokenHttp,
    schedule: options.tokens?.schedule ?? Boolean(options.demo),
    check: { http: tokenHttp, scrubber },
  })
  await tokens.start(mine)
  const health: HealthService = new HealthService({
    vault: () => workspaces.vault,
    events,
    deps: { http: createLimitedHttpClient(createHttpClient({ env: process.env }), limiter, clock), scrubber },
    holdBack: (account) => heldBackDiagnosis(account, limiter, clock.now()),
    annotate: (h) => fleet.annotate(h),
    tokens: (vault, account) => tokens.forCheck(vault, account),
  })
  if (options.fleet?.start) await fleet.start()
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
    fleet,
    limiter,
    tokens,
    wizard,
    events,
    saveLocation: options.saveLocation ?? null,
    appInfo: () => ({
      name: 'AuthDesk',
      version: options.appVersion,
      platform: `${process.platform}-${process.arch}`,
      electron: runtime.electron,
      node: process.versions.node,
      secretStorage: secretStore.status,
    }),
    securityPosture: () => describePosture(runtime, secretStore.status),
    close: async () => {
      fleet.stop()
      // Stop new refreshes, then let running ones finish before the Demo folder is removed.
      tokens.close()
      await tokens.settled()
      await workspaces.close()
    },
  }
}

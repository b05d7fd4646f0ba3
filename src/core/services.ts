/**
 * Builds every core service once. Main, the CLI and the e2e harness all start here, so
 * they run the same code path.
 */
import type { SaveLocation } from './bundle/save-location'
import { ProviderCatalog } from './custom-providers/catalog'
import { installCustomProviders } from './custom-providers/install'
import { AppError } from './errors'
import type { CaFilePicker } from './http/ca-file-picker'
import type { AppInfo, NetworkTrust, SecurityPosture } from '../shared/model'
import { EventHub } from './event-hub'
import { systemClock, type FleetClock } from './health/fleet-clock'
import { fileSettingsStore } from './health/fleet-settings'
import { HealthService } from './health/health-service'
import { heldBackDiagnosis } from './health/held-back'
import { createLimitedHttpClient } from './health/limited-http'
import { budgetLookup } from './health/provider-budgets'
import { RateLimiter } from './health/rate-limiter'
import { FleetScheduler } from './health/scheduler'
import { createHttpClient, type HttpClient } from './http/client'
import { NetworkSettingsStore, networkTrustFacts, resolveTlsTrust } from './http/network-settings'
import { WizardStore } from './wizard/wizard-store'
import { ensurePrivateDir } from './private-dir'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLES_DIR } from './bundle/bundle-ipc'
import { HISTORY_DIR } from './health/history-store'
import { TOKENS_DIR } from './tokens/record-store'
import { createLogger, silentLogger, type Logger, type LogSink } from './log'
import { SecretScrubber } from './secret-scrubber'
import { describePosture, type RuntimeFacts } from './security-posture'
import { KeychainSecretStore, openSecretStore } from './vault/keychain-store'
import { KEYCHAIN_SERVICE, type SecretStore } from './vault/secret-store'
import { saveVaultId, vaultIdOf, vaultService } from './vault/vault-id'
import { TokenService, type TokenTuning } from './tokens/token-service'
import { Vault } from './vault/vault'
import { openDemoWorkspace } from './workspace/demo-workspace'
import { Workspaces } from './workspace/workspaces'

export interface ServicesOptions {
  readonly dataDir: string
  readonly appVersion: string
  /** Defaults to probing the OS keychain. */
  readonly secretStore?: SecretStore
  /** The install's keychain service (default `authdesk`); each vault uses `<service>/<vault id>`. Tests use their own. */
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
  /**
   * Where proxy and TLS variables are read from (default process.env), and the CLI's --ca-file
   * (wins over the app's saved extra CA setting).
   */
  readonly network?: { readonly env?: Readonly<Record<string, string | undefined>>; readonly caFile?: string | null }
  /** The Save dialog for bundles (desktop app, harness double); without it bundles go to `bundles/` in the data dir. */
  readonly saveLocation?: SaveLocation
  /** The Open dialog for the extra CA file (desktop app, harness double); without it the app's CA file cannot be chosen. */
  readonly caFilePicker?: CaFilePicker
}

export interface Services {
  readonly dataDir: string
  /** The data directory's vault id, which names its keychain namespace. */
  readonly vaultId: string
  /** Where this vault's secrets live in the keychain (service name), or null with a given store. */
  readonly keychainService: string | null
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
  /** Built-in and custom providers; adding and removing definitions (the Providers screen). */
  readonly providers: ProviderCatalog
  /** Asks main's Open dialog for the extra CA file and saves it (checked first; applies from the next start); unchanged when cancelled. */
  chooseCaFile(): Promise<NetworkTrust>
  /** Removes the extra CA file setting (from the next start). */
  clearCaFile(): Promise<NetworkTrust>
  readonly saveLocation: SaveLocation | null
  /** Events for the renderer (no secrets): main and the e2e harness forward them. */
  readonly events: EventHub
  appInfo(): AppInfo
  securityPosture(): SecurityPosture
  close(): Promise<void>
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  await ensurePrivateDir(options.dataDir)
  for (const sub of [HISTORY_DIR, TOKENS_DIR, BUNDLES_DIR]) if (existsSync(join(options.dataDir, sub))) await ensurePrivateDir(join(options.dataDir, sub))
  await installCustomProviders(options.dataDir)
  const networkEnv = options.network?.env ?? process.env
  const networkSettings = new NetworkSettingsStore(options.dataDir)
  const trust = await resolveTlsTrust(networkSettings, options.network?.caFile ?? null, networkEnv)
  let savedCaFile = (await networkSettings.load()).caFile
  const networkFacts = (): NetworkTrust => networkTrustFacts(trust, networkEnv, savedCaFile)
  const saveCaFile = async (path: string | null): Promise<NetworkTrust> => {
    await networkSettings.setCaFile(path)
    savedCaFile = path
    logger.log('info', 'network.ca-file-saved', { set: path !== null })
    return networkFacts()
  }
  const newHttpClient = (): HttpClient => createHttpClient({ env: networkEnv, extraCaCerts: trust.extraCaCerts })
  const scrubber = new SecretScrubber()
  const logger = options.logSink ? createLogger(options.logSink, scrubber) : silentLogger
  const sharedService = options.keychainService ?? KEYCHAIN_SERVICE
  const found = await vaultIdOf(options.dataDir)
  let vaultId = found.id
  let secretStore = options.secretStore ?? (await openSecretStore({
      service: vaultService(sharedService, vaultId),
      legacyService: sharedService,
      isolateProbe: options.keychainProbe?.isolated,
      timeoutMs: options.keychainProbe?.timeoutMs,
    }))
  // The id is saved only once its keychain is known to work: without one, nothing is written.
  if (!found.saved && secretStore instanceof KeychainSecretStore) {
    vaultId = await saveVaultId(options.dataDir, vaultId)
    if (vaultId !== found.id) secretStore = secretStore.sibling(vaultService(sharedService, vaultId))
  }
  const keychainService = options.secretStore ? null : vaultService(sharedService, vaultId)
  logger.log('info', 'secret-storage', { backend: secretStore.status.backend, reason: secretStore.status.reason })
  // Vaults made before namespaces kept their items in the shared service: each moves its own over.
  const legacy = secretStore instanceof KeychainSecretStore ? secretStore.sibling(sharedService) : undefined
  const mine = await Vault.open({ dataDir: options.dataDir, store: secretStore, legacy, scrubber, logger })
  const events = new EventHub((value) => scrubber.scrubValue(value))
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
    check: (id) => health.check(id, { secretErrors: 'throw' }),
    settings: fileSettingsStore(options.dataDir),
  })
  // Token calls bypass the check budgets: a refresh held back past its token's expiry breaks the account.
  const tokenHttp = options.tokens?.http ?? newHttpClient()
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
    deps: { http: createLimitedHttpClient(newHttpClient(), limiter, clock), scrubber },
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
    vaultId,
    keychainService,
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
    providers: new ProviderCatalog(options.dataDir),
    chooseCaFile: async () => {
      if (!options.caFilePicker) throw new AppError('network.no-file-dialog', 'Choosing a CA file needs the desktop app’s Open dialog; the CLI takes --ca-file FILE.', { field: 'caFile' })
      const path = await options.caFilePicker.choose()
      return path === null ? networkFacts() : saveCaFile(path)
    },
    clearCaFile: () => saveCaFile(null),
    events,
    saveLocation: options.saveLocation ?? null,
    appInfo: () => ({
      name: 'AuthDesk',
      version: options.appVersion,
      platform: `${process.platform}-${process.arch}`,
      electron: runtime.electron,
      node: process.versions.node,
      secretStorage: secretStore.status,
      network: networkFacts(),
    }),
    securityPosture: () => describePosture(runtime, secretStore.status, networkFacts()),
    close: async () => {
      fleet.stop()
      // Stop new checks and refreshes, then let running ones finish before the Demo folder is removed.
      tokens.close()
      await health.stop()
      await tokens.settled()
      await workspaces.close()
    },
  }
}

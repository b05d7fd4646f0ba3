/**
 * The Demo workspace: the four provider simulators and the Demo's custom provider on
 * loopback, and one account per simulated scenario, in a throw-away vault whose secrets stay in memory. It is never mixed
 * with the user's own accounts, and it is named "Demo" so nobody takes it for a provider's
 * own sandbox environment.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENVIRONMENTS, PROVIDER_IDS, type Environment, type ProviderId } from '../../shared/model'
import type { Logger } from '../log'
import { providerDefinition } from '../providers/registry'
import type { SecretScrubber } from '../secret-scrubber'
import { startSimulator, type RunningSimulator } from '../simulators/server'
import { startAllSimulators, type SimulatorSet } from '../simulators/start-all'
import { customProviderModule } from '../custom-providers/module'
import { setCustomModules } from '../providers/registry'
import { demoProviderDefinition } from './demo-provider'
import type { ScenarioInfo } from '../simulators/types'
import type { AccountDraft } from '../vault/account-input'
import { MemorySecretStore } from '../vault/secret-store'
import { Vault } from '../vault/vault'

export const DEMO_STORAGE_REASON = 'Demo workspace: simulated credentials for the local provider simulators, kept in memory only.'

export interface DemoWorkspace {
  readonly vault: Vault
  readonly simulators: SimulatorSet
  /** The simulator of the Demo's custom provider (generated from its definition). */
  readonly customSimulator: RunningSimulator<string>
  /** Scenarios the vault refused to store (deliberately malformed values), by account label. */
  readonly skipped: ReadonlyArray<string>
  close(): Promise<void>
}

export interface DemoOptions {
  readonly scrubber: SecretScrubber
  readonly logger: Logger
  /** Added to every simulated answer, in ms, so progress and countdowns are visible. */
  readonly latencyMs?: number
}

/** The account a scenario becomes; null when its fields are not the provider's. */
export function demoDraft(provider: ProviderId, scenario: string, info: ScenarioInfo, baseUrl: string): AccountDraft {
  const definition = providerDefinition(provider)
  const known = new Set(definition.fields.map((f) => f.name))
  const { ENVIRONMENT, SCOPES } = info.credentials
  const fields = Object.fromEntries(Object.entries(info.credentials).filter(([name, value]) => known.has(name) && value !== ''))
  const environment = ENVIRONMENTS.includes(ENVIRONMENT as Environment) ? (ENVIRONMENT as Environment) : undefined
  return {
    label: `${definition.label} · ${scenario}`,
    provider,
    environment: environment && definition.environments.some((e) => e.id === environment) ? environment : undefined,
    baseUrl,
    confirmUnlistedHost: true,
    fields,
    scopes: SCOPES ? SCOPES.split(',').map((s) => s.trim()) : undefined,
    notes: `Demo scenario: ${info.description}`,
  }
}

export async function openDemoWorkspace(options: DemoOptions): Promise<DemoWorkspace> {
  const dataDir = await mkdtemp(join(tmpdir(), 'authdesk-demo-'))
  const simulators = await startAllSimulators({ latencyMs: options.latencyMs ?? 150 })
  const store = new MemorySecretStore({ backend: 'memory', persistent: false, reason: DEMO_STORAGE_REASON, hint: null, error: null })
  const vault = await Vault.open({ dataDir, store, scrubber: options.scrubber, logger: options.logger })
  const skipped: string[] = []
  const customModule = customProviderModule(demoProviderDefinition())
  setCustomModules([customModule], 'demo')
  const custom = await startSimulator(customModule.simulator(simulators.clock), { latencyMs: options.latencyMs ?? 150, clock: simulators.clock })
  for (const running of [...PROVIDER_IDS.map((id) => simulators.byId[id]), custom]) {
    const urls = running.scenarioCredentials()
    for (const [scenario, info] of Object.entries(running.simulator.scenarios())) {
      const draft = demoDraft(running.id, scenario, info, urls[scenario]!.BASE_URL!)
      await vault.create(draft).catch(() => skipped.push(draft.label))
    }
  }
  return {
    vault,
    simulators,
    customSimulator: custom,
    skipped,
    close: async () => {
      await Promise.all([simulators.close(), custom.close()])
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

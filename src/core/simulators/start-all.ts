import type { BuiltInProviderId } from '../../shared/model'
import { createSimClock, type SimClock } from './clock'
import { builtInModules } from '../providers/registry'
import { startSimulator, type RunningSimulator } from './server'
import type { ScenarioCredentials } from './types'

export interface StartAllOptions {
  readonly host?: string
  /** 0 picks free ports; N gives the providers N, N+1, N+2, N+3 in registry order. */
  readonly port?: number
  readonly latencyMs?: number
  readonly clock?: SimClock
}

export interface SimulatorSet {
  readonly byId: Readonly<Record<BuiltInProviderId, RunningSimulator>>
  readonly clock: SimClock
  /** The `authdesk simulate --json` document (spec/cli.md). */
  describe(): SimulateDescription
  close(): Promise<void>
}

export type SimulateDescription = Record<BuiltInProviderId, string> & {
  readonly credentials: Record<BuiltInProviderId, Record<string, ScenarioCredentials>>
}

/** Starts the four provider simulators on loopback, all on one simulated clock. */
export async function startAllSimulators(options: StartAllOptions = {}): Promise<SimulatorSet> {
  const clock = options.clock ?? createSimClock()
  const started: RunningSimulator<string>[] = []
  try {
    for (const [index, module] of builtInModules().entries()) {
      const port = options.port ? options.port + index : 0
      started.push(await startSimulator(module.simulator(clock), { host: options.host, port, latencyMs: options.latencyMs, clock }))
    }
  } catch (error) {
    await Promise.all(started.map((s) => s.close()))
    throw error
  }
  const byId = Object.fromEntries(started.map((s) => [s.id, s])) as unknown as Record<BuiltInProviderId, RunningSimulator>
  return {
    byId,
    clock,
    describe: () => {
      const urls = Object.fromEntries(started.map((s) => [s.id, s.baseUrl])) as Record<BuiltInProviderId, string>
      const credentials = Object.fromEntries(started.map((s) => [s.id, s.scenarioCredentials()])) as SimulateDescription['credentials']
      return { ...urls, credentials }
    },
    close: async () => {
      await Promise.all(started.map((s) => s.close()))
    },
  }
}

/**
 * The real health service, vault, HTTP client and limiter against the provider simulators,
 * with the scheduler and the limiter on a hand-moved clock. The engine does not retry (its
 * retries are not what is tested here) and stamps checks with the same clock.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EventHub } from '../../../src/core/event-hub'
import { HealthService } from '../../../src/core/health/health-service'
import { heldBackDiagnosis } from '../../../src/core/health/held-back'
import { createLimitedHttpClient } from '../../../src/core/health/limited-http'
import { budgetLookup } from '../../../src/core/health/provider-budgets'
import { RateLimiter, type RateLimit } from '../../../src/core/health/rate-limiter'
import { FleetScheduler } from '../../../src/core/health/scheduler'
import { createHttpClient, type HttpClient } from '../../../src/core/http/client'
import { isLoopbackHost } from '../../../src/core/http/host-binding'
import { silentLogger } from '../../../src/core/log'
import { SecretScrubber } from '../../../src/core/secret-scrubber'
import { createSimClock } from '../../../src/core/simulators/clock'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import type { SecretStore } from '../../../src/core/vault/secret-store'
import { MemorySecretStore } from '../../../src/core/vault/secret-store'
import { Vault } from '../../../src/core/vault/vault'
import { demoDraft } from '../../../src/core/workspace/demo-workspace'
import type { EventName, EventPayloadOf } from '../../../src/shared/contract'
import type { AccountView, BuiltInProviderId } from '../../../src/shared/model'
import { ManualClock } from '../../unit/core/health/manual-clock'

export interface AccountPlan {
  readonly provider: BuiltInProviderId
  readonly scenario: string
  readonly count: number
}

export interface FleetOptions {
  readonly accounts: ReadonlyArray<AccountPlan>
  readonly budgets?: Partial<Record<BuiltInProviderId, RateLimit>>
  /** Put the simulators on the test's clock too (their rate windows follow it). */
  readonly simulatorsOnTestClock?: boolean
  readonly store?: SecretStore
}

export interface SimFleet {
  readonly clock: ManualClock
  readonly sims: SimulatorSet
  readonly vault: Vault
  readonly health: HealthService
  readonly scheduler: FleetScheduler
  readonly limiter: RateLimiter
  readonly accounts: ReadonlyArray<AccountView>
  /** Requests sent now, and the most ever in flight at once, per provider (counted below the limiter). */
  readonly inFlight: Map<string, number>
  readonly peakInFlight: Map<string, number>
  of<E extends EventName>(name: E): Array<EventPayloadOf<E>>
  ids(provider: BuiltInProviderId, scenario?: string): string[]
  /** Moves the clock, then waits (in real time) until requests and events stop. */
  step(ms: number): Promise<void>
  close(): Promise<void>
}

/** Counts the requests waiting for a slot, so the tests can tell waiting from working. */
class CountingLimiter extends RateLimiter {
  waiting = 0

  override async acquireBefore(key: string, deadline: number) {
    this.waiting += 1
    try {
      return await super.acquireBefore(key, deadline)
    } finally {
      this.waiting -= 1
    }
  }
}

function counting(inner: HttpClient, inFlight: Map<string, number>, peak: Map<string, number>): HttpClient {
  return {
    async send(spec) {
      const provider = spec.binding?.definition.id
      if (!provider) return inner.send(spec)
      inFlight.set(provider, (inFlight.get(provider) ?? 0) + 1)
      peak.set(provider, Math.max(peak.get(provider) ?? 0, inFlight.get(provider)!))
      try {
        return await inner.send(spec)
      } finally {
        inFlight.set(provider, inFlight.get(provider)! - 1)
      }
    },
    close: () => inner.close(),
  }
}

export async function fleetOnSimulators(options: FleetOptions): Promise<SimFleet> {
  // Near real time, so the simulators' Date headers do not look like clock skew.
  const clock = new ManualClock(Date.now() - 90_000)
  const sims = await startAllSimulators(options.simulatorsOnTestClock ? { clock: createSimClock(() => clock.now()) } : {})
  const dataDir = await mkdtemp(join(tmpdir(), 'authdesk-fleet-'))
  const store = options.store ?? new MemorySecretStore({ backend: 'memory', persistent: false, reason: 'test', hint: null, error: null })
  const vault = await Vault.open({ dataDir, store, scrubber: new SecretScrubber(), logger: silentLogger })
  for (const plan of options.accounts) {
    const running = sims.byId[plan.provider]
    const info = running.simulator.scenarios()[plan.scenario]!
    const baseUrl = running.scenarioCredentials()[plan.scenario]!.BASE_URL!
    for (let i = 0; i < plan.count; i++) {
      const draft = demoDraft(plan.provider, plan.scenario, info, baseUrl)
      await vault.create({ ...draft, label: `${draft.label} #${i}` })
    }
  }
  const accounts = await vault.list()
  const events = new EventHub()
  const seen: Array<{ name: EventName; payload: unknown }> = []
  events.subscribe((name, payload) => seen.push({ name, payload }))
  const inFlight = new Map<string, number>()
  const peakInFlight = new Map<string, number>()
  const limiter = new CountingLimiter(clock, budgetLookup(options.budgets))
  let checking = 0
  const inner = counting(createHttpClient({ allowHost: isLoopbackHost }), inFlight, peakInFlight)
  const http = createLimitedHttpClient(inner, limiter, clock)
  const scheduler: FleetScheduler = new FleetScheduler(
    {
      clock,
      limiter,
      events,
      listAccounts: () => vault.list(),
      history: (id) => health.historyOf(id),
      check: async (id) => {
        checking += 1
        try {
          return await health.check(id, { secretErrors: 'throw' })
        } finally {
          checking -= 1
        }
      },
    },
    { resumeDelayMs: 0, noticeBatchMs: 1_000 },
  )
  const health: HealthService = new HealthService({
    vault: () => vault,
    events,
    deps: { http, now: () => clock.now(), retry: (_provider, settings) => ({ ...settings, maxAttempts: 1 }) },
    holdBack: (account) => heldBackDiagnosis(account, limiter, clock.now()),
    annotate: (h) => scheduler.annotate(h),
  })
  const total = (): number => [...inFlight.values()].reduce((a, b) => a + b, 0)
  const fingerprint = (): string => `${seen.length}|${Object.values(sims.byId).map((s) => s.requestCount()).join(',')}|${total()}|${checking}`
  // Quiet: every check under way is waiting for a slot (on the test's clock), nothing is in flight.
  const isQuiet = (): boolean => total() === 0 && checking === limiter.waiting

  return {
    clock,
    sims,
    vault,
    health,
    scheduler,
    limiter,
    accounts,
    inFlight,
    peakInFlight,
    of: <E extends EventName>(name: E) => seen.filter((e) => e.name === name).map((e) => e.payload as EventPayloadOf<E>),
    ids: (provider, scenario) => accounts.filter((a) => a.provider === provider && (!scenario || a.label.includes(` · ${scenario} #`))).map((a) => a.id),
    async step(ms) {
      await clock.advance(ms)
      // Quiet: nothing in flight, and no new request or event over a few real-time looks.
      let last = ''
      for (let quiet = 0; quiet < 3; ) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        await clock.advance(0)
        const now = fingerprint()
        quiet = now === last && isQuiet() ? quiet + 1 : 0
        last = now
      }
    },
    async close() {
      scheduler.stop()
      // Let checks still waiting for a slot finish before their files go.
      await clock.advance(2 * 60 * 60_000)
      for (let i = 0; i < 400 && checking > 0; i++) await new Promise((resolve) => setTimeout(resolve, 5))
      await http.close()
      await sims.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

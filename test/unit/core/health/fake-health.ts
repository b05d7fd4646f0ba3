import { EventHub } from '../../../../src/core/event-hub'
import { healthOf } from '../../../../src/core/health/health-service'
import { budgetLookup } from '../../../../src/core/health/provider-budgets'
import { RateLimiter } from '../../../../src/core/health/rate-limiter'
import { FleetScheduler, type SchedulerOptions } from '../../../../src/core/health/scheduler'
import type { EventName, EventPayloadOf } from '../../../../src/shared/contract'
import type { Diagnosis, DiagnosedState } from '../../../../src/shared/diagnosis'
import type { AccountView } from '../../../../src/shared/model'
import { diagnosis } from './fixtures'
import { ManualClock } from './manual-clock'

export type Outcome = DiagnosedState | Error

/**
 * Stands in for the health service: keeps a history per account, emits `health:changed`, and
 * answers each check with a scripted outcome. While `gate` is closed, checks wait, so tests
 * can see how many run at once.
 */
export class FakeHealth {
  readonly histories = new Map<string, Diagnosis[]>()
  /** Ids in the order their checks started. */
  readonly started: string[] = []
  readonly running = new Map<string, number>()
  readonly peak = new Map<string, number>()
  outcome: (id: string, nth: number) => Outcome = () => 'healthy'
  gate: Promise<void> | null = null
  private openGate: (() => void) | null = null

  constructor(
    private readonly clock: ManualClock,
    private readonly events: EventHub,
    private readonly accounts: () => ReadonlyArray<AccountView>,
  ) {}

  close(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve))
  }

  open(): void {
    this.openGate?.()
    this.gate = null
  }

  count(id: string): number {
    return this.started.filter((s) => s === id).length
  }

  history = async (id: string): Promise<ReadonlyArray<Diagnosis>> => this.histories.get(id) ?? []

  /** Through the scheduler or not (a manual check): same bookkeeping. */
  check = async (id: string): Promise<Diagnosis> => {
    const account = this.accounts().find((a) => a.id === id)!
    const provider = account.provider
    this.started.push(id)
    const nth = this.count(id)
    this.running.set(provider, (this.running.get(provider) ?? 0) + 1)
    this.peak.set(provider, Math.max(this.peak.get(provider) ?? 0, this.running.get(provider)!))
    try {
      if (this.gate) await this.gate
      const outcome = this.outcome(id, nth)
      if (outcome instanceof Error) throw outcome
      const result = diagnosis(outcome, { at: this.clock.now(), provider })
      const history = [result, ...(this.histories.get(id) ?? [])]
      this.histories.set(id, history)
      this.events.emit('health:changed', healthOf(id, history))
      return result
    } finally {
      this.running.set(provider, this.running.get(provider)! - 1)
    }
  }
}

export interface Fleet {
  readonly clock: ManualClock
  readonly events: EventHub
  readonly limiter: RateLimiter
  readonly health: FakeHealth
  readonly scheduler: FleetScheduler
  readonly accounts: AccountView[]
  /** Every event emitted, in order. */
  readonly seen: Array<{ readonly name: EventName; readonly payload: unknown }>
  of<E extends EventName>(name: E): Array<EventPayloadOf<E>>
}

export function fleet(accounts: AccountView[], options: SchedulerOptions = {}): Fleet {
  const clock = new ManualClock()
  const events = new EventHub()
  const limiter = new RateLimiter(clock, budgetLookup())
  const health = new FakeHealth(clock, events, () => accounts)
  const seen: Fleet['seen'] = []
  events.subscribe((name, payload) => seen.push({ name, payload }))
  const scheduler = new FleetScheduler(
    { clock, limiter, events, listAccounts: async () => accounts, history: health.history, check: health.check },
    { resumeDelayMs: 30_000, noticeBatchMs: 1_000, ...options },
  )
  return {
    clock,
    events,
    limiter,
    health,
    scheduler,
    accounts,
    seen,
    of: <E extends EventName>(name: E) => seen.filter((e) => e.name === name).map((e) => e.payload as EventPayloadOf<E>),
  }
}

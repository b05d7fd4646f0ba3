/**
 * Background re-checks of the active workspace's accounts. One timer, set for the next moment
 * something can happen (an account comes due, a provider's budget or pause frees up). Due
 * times come from the history (schedule-policy.ts). Checks run through the health service, in
 * per-provider lanes (the providers' concurrency) and within the request budgets (the rate
 * limiter, which the same HTTP client spends). An account is never queued twice, so overdue
 * accounts after a sleep run once each. A locked keychain pauses the accounts kept in it; one
 * of them is tried again now and then (each try may prompt), and after every wake-up.
 */
import type { Diagnosis } from '../../shared/diagnosis'
import type { BlockedReason, FleetProgress, FleetSettings, FleetSettingsPatch, FleetStatus, ScheduledHealth } from '../../shared/fleet'
import type { AccountHealth } from '../../shared/health'
import type { AccountView, ProviderId } from '../../shared/model'
import { isAppError } from '../errors'
import type { EventHub } from '../event-hub'
import { blockedByError } from './blocked-reasons'
import type { FleetClock, TimerHandle } from './fleet-clock'
import { coalesce, FleetEntries, type Entry } from './fleet-entries'
import { FleetLanes } from './fleet-lanes'
import { FleetRounds } from './fleet-rounds'
import { DEFAULT_FLEET_SETTINGS, memorySettingsStore, type FleetSettingsStore } from './fleet-settings'
import { describeFleet } from './fleet-status'
import { healthOf } from './health-service'
import { KeychainLock } from './keychain-lock'
import { Notifier } from './notification-policy'
import type { RateLimiter } from './rate-limiter'
import { DEFAULT_POLICY, delayAfter } from './schedule-policy'

export interface SchedulerDeps {
  readonly clock: FleetClock
  readonly limiter: RateLimiter
  readonly events: EventHub
  listAccounts(): Promise<ReadonlyArray<AccountView>>
  history(id: string): Promise<ReadonlyArray<Diagnosis>>
  /** One check through the health service (history, `health:changed`); throws when it cannot start. */
  check(id: string): Promise<Diagnosis>
  readonly settings?: FleetSettingsStore
  readonly maxConcurrent?: (provider: ProviderId) => number
}

export interface SchedulerOptions {
  readonly backoffMs?: ReadonlyArray<number>
  readonly jitter?: number
  /** After start and wake-up, give the app and the network this long before overdue checks run. */
  readonly resumeDelayMs?: number
  /** While the keychain is locked: how often one account's secrets are tried again. */
  readonly lockRetryMs?: number
  readonly noticeBatchMs?: number
}

const MINUTE = 60_000

export class FleetScheduler {
  private readonly entries = new FleetEntries()
  private readonly lanes: FleetLanes
  private readonly rounds: FleetRounds
  private readonly notifier: Notifier
  private readonly settingsStore: FleetSettingsStore
  private settings: FleetSettings | null = null
  private timer: TimerHandle | null = null
  private active = false
  private suspended = false
  private pausedUntil = 0
  private trigger: FleetProgress['trigger'] = 'schedule'
  private readonly lock: KeychainLock
  private unsubscribe: (() => void) | null = null
  /** Re-reads the account list (coalesced). */
  private readonly reload = coalesce(async () => {
    const gone = await this.entries.replace(await this.deps.listAccounts(), (id) => this.deps.history(id))
    gone.forEach((id) => this.rounds.leave(id, 'removed'))
    this.refreshBlocked(this.entries.all())
    this.pump()
  })
  private pumping = false
  private pumpAgain = false
  /** What the last `fleet:changed` said about waiting, holds and the next check (see statusMayHaveChanged). */
  private published = ''
  private statusTimer: TimerHandle | null = null

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly options: SchedulerOptions = {},
  ) {
    this.entries.policy = { ...DEFAULT_POLICY, backoffMs: options.backoffMs ?? DEFAULT_POLICY.backoffMs, jitter: options.jitter ?? DEFAULT_POLICY.jitter }
    this.settingsStore = deps.settings ?? memorySettingsStore()
    this.lock = new KeychainLock(options.lockRetryMs ?? 15 * MINUTE)
    this.lanes = new FleetLanes(deps.maxConcurrent)
    this.rounds = new FleetRounds((progress) => deps.events.emit('fleet:progress', progress))
    this.notifier = new Notifier({ clock: deps.clock, emit: (notice) => deps.events.emit('fleet:notify', notice), batchMs: options.noticeBatchMs })
  }

  private now = (): number => this.deps.clock.now()

  async start(): Promise<void> {
    if (this.active) return
    await this.loadSettings()
    this.active = true
    this.unsubscribe = this.deps.events.subscribe((name, payload) => {
      if (name === 'health:changed') this.observe((payload as AccountHealth).id, (payload as AccountHealth).latest)
      if (name === 'accounts:changed' || name === 'workspace:changed') void this.reload()
    })
    // Like a wake-up: accounts that came due while the app was closed run once each, a little later.
    this.pauseBriefly()
    await this.reload()
    this.emitStatus()
  }

  stop(): void {
    this.active = false
    this.unsubscribe?.()
    this.timer?.cancel()
    this.statusTimer?.cancel()
    this.statusTimer = null
    this.notifier.clear()
  }

  /** The machine goes to sleep: nothing new starts. */
  suspend(): void {
    this.suspended = true
    this.timer?.cancel()
    this.emitStatus()
  }

  /** Woken up (or the screen unlocked): overdue accounts run once each, once the network is back. */
  resume(): void {
    this.suspended = false
    this.pauseBriefly()
    this.lock.retryAt(this.pausedUntil)
    this.emitStatus()
    this.pump()
  }

  async configure(patch: FleetSettingsPatch): Promise<FleetStatus> {
    const settings = { ...(await this.loadSettings()), ...patch }
    await this.settingsStore.save(settings)
    this.applySettings(settings)
    // Turned off: the round ends; nothing is deferred, so turning it on again resumes where it was.
    if (!settings.enabled) this.rounds.cancel()
    if (!settings.notifications) this.notifier.clear()
    this.emitStatus()
    this.pump()
    return this.snapshot()
  }

  /** Skips the current round's accounts not started yet (to their next regular time); running checks finish. */
  cancel(runId?: string): { readonly runId: string | null; readonly skipped: number } {
    const cancelled = this.rounds.cancel(runId)
    if (!cancelled) return { runId: runId ?? null, skipped: 0 }
    const now = this.now()
    for (const id of cancelled.skipped) {
      const entry = this.entries.get(id)
      if (entry) entry.notBefore = now + delayAfter(0, this.entries.policy, `${id}|skipped|${now}`)
    }
    this.pump()
    return { runId: cancelled.runId, skipped: cancelled.skipped.length }
  }

  async status(): Promise<FleetStatus> {
    await this.loadSettings()
    return this.snapshot()
  }

  /** The schedule part of `health:list` and `health:changed` (absent where nothing is scheduled). */
  annotate(health: AccountHealth): ScheduledHealth {
    const entry = this.entries.get(health.id)
    if (!this.active || !entry) return health
    return { ...health, schedule: this.entries.scheduleOf(entry, health.latest, this.now(), this.settings?.enabled ?? false) }
  }

  private snapshot(): FleetStatus {
    const { active, suspended, entries, deps } = this
    const settings = this.settings ?? DEFAULT_FLEET_SETTINGS
    const [lock, running, round] = [this.lock.reason, this.lanes.counts(), this.rounds.current]
    return describeFleet({ now: this.now(), settings, active, suspended, lock, entries, running, round, limiter: deps.limiter })
  }

  private pauseBriefly(): void {
    this.pausedUntil = this.now() + (this.options.resumeDelayMs ?? 30_000)
    this.trigger = 'resume'
  }

  private async loadSettings(): Promise<FleetSettings> {
    if (!this.settings) this.applySettings(await this.settingsStore.load())
    return this.settings!
  }

  private applySettings(settings: FleetSettings): void {
    this.settings = settings
    this.entries.policy = { ...this.entries.policy, intervalMs: settings.intervalMinutes * MINUTE }
  }

  /** A check of this account ended somewhere (here, a manual check, check-all). */
  private observe(id: string, latest: Diagnosis | null): void {
    const entry = this.entries.get(id)
    if (!entry || !latest || !this.entries.record(entry, latest)) return
    // Its secrets were read, so the keychain answers again.
    if (this.lock.blocks(entry.account)) this.unlock()
    if (!entry.running) this.rounds.leave(id, 'checked')
    this.pump()
  }

  /** Recomputes the blocked reasons; tells the renderer about every account whose reason changed. */
  private refreshBlocked(entries: ReadonlyArray<Entry>): void {
    for (const entry of this.entries.refreshBlocked(entries, (account) => this.lock.blocks(account), this.now())) {
      if (entry.blocked) this.rounds.leave(entry.account.id, 'blocked')
      void this.emitHealth(entry.account.id)
    }
  }

  private lockKeychain(reason: BlockedReason): void {
    this.lock.lock(reason, this.now())
    this.refreshBlocked(this.entries.all())
    this.emitStatus()
  }

  private unlock(): void {
    this.lock.unlock()
    this.refreshBlocked(this.entries.all())
    this.emitStatus()
  }

  /** Starts what may start and sets the one timer. Re-entrant calls (a check that ends at once) run after. */
  private pump(): void {
    if (this.pumping) return void (this.pumpAgain = true)
    this.pumping = true
    try {
      do {
        this.pumpAgain = false
        this.timer?.cancel()
        this.timer = null
        if (this.active && this.settings?.enabled && !this.suspended) {
          const now = this.now()
          this.arm(now < this.pausedUntil ? this.pausedUntil : this.launchDue(now), now)
        }
        this.rounds.settle(this.lanes.total())
      } while (this.pumpAgain)
    } finally {
      this.pumping = false
    }
    this.statusMayHaveChanged()
  }

  /**
   * Waiting counts, a provider's hold and the next check change as checks start and end, which
   * no other event tells: a little later, `fleet:changed` goes out if they did (at most every 500 ms).
   */
  private statusMayHaveChanged(): void {
    if (!this.active || this.statusTimer) return
    this.statusTimer = this.deps.clock.setTimer(
      () => {
        this.statusTimer = null
        const status = this.snapshot()
        if (this.active && signatureOf(status) !== this.published) this.publish(status)
      },
      STATUS_SETTLE_MS,
      { background: true },
    )
  }

  /** Starts what is due and may start now; returns when to look again. */
  private launchDue(now: number): number {
    let wake = Number.POSITIVE_INFINITY
    const waiting = this.entries
      .all()
      .filter((e) => !e.running && !e.blocked)
      .map((e) => ({ e, due: this.entries.dueOf(e) }))
      .sort((a, b) => a.due - b.due)
    for (const { e, due } of waiting) {
      if (due > now) {
        wake = Math.min(wake, due)
        break
      }
      if (!this.lanes.free(e.account.provider)) continue
      const ready = this.deps.limiter.readyAt(e.key)
      // Infinity: requests in flight (maybe not ours) hold every slot; look again soon.
      if (ready > now) wake = Math.min(wake, Number.isFinite(ready) ? ready : now + 1000)
      else this.launch(e)
    }
    return Math.min(wake, this.tryKeychain(now))
  }

  /** While locked, one account kept in the keychain is tried now and then; returns when to look again. */
  private tryKeychain(now: number): number {
    if (this.lock.nextTry() > now) return this.lock.nextTry()
    const probe = this.entries.all().find((e) => !e.running && e.blocked?.code === 'keychain.locked' && this.lanes.free(e.account.provider))
    this.lock.started(probe?.account.id ?? null, now)
    if (probe) this.launch(probe)
    return this.lock.nextTry()
  }

  private arm(wake: number, now: number): void {
    if (Number.isFinite(wake)) this.timer = this.deps.clock.setTimer(() => this.pump(), Math.max(0, wake - now), { background: true })
  }

  private launch(entry: Entry): void {
    const now = this.now()
    entry.running = true
    this.lanes.take(entry.account.provider)
    const dueNow = () => this.entries.all().filter((e) => !e.running && !e.blocked && this.entries.dueOf(e) <= now).map((e) => e.account.id)
    this.rounds.started(entry.account.id, dueNow, this.trigger)
    this.trigger = 'schedule'
    this.deps.check(entry.account.id).then(
      (diagnosis) => this.finish(entry, diagnosis, null),
      (error: unknown) => this.finish(entry, null, error),
    )
  }

  private async finish(entry: Entry, diagnosis: Diagnosis | null, error: unknown): Promise<void> {
    this.lock.ended(entry.account.id)
    if (diagnosis) this.observe(entry.account.id, diagnosis)
    else this.couldNotRun(entry, error, this.now())
    entry.running = false
    this.lanes.give(entry.account.provider)
    this.rounds.finished(diagnosis !== null)
    this.pump()
    if (diagnosis) await this.notify(entry, diagnosis)
  }

  private couldNotRun(entry: Entry, error: unknown, now: number): void {
    const failure = blockedByError(error, now)
    if (failure?.scope === 'keychain') return this.lockKeychain(failure.reason)
    if (failure) {
      entry.readFailure = { reason: failure.reason, updatedAt: entry.account.updatedAt }
      return this.refreshBlocked([entry])
    }
    if (isAppError(error) && error.code === 'account.not-found') return void this.reload()
    // Anything else: try again after a backoff step, not in a loop.
    entry.notBefore = now + delayAfter(entry.step + 1, this.entries.policy, `${entry.account.id}|error|${now}`)
  }

  private async notify(entry: Entry, diagnosis: Diagnosis): Promise<void> {
    if (this.settings?.notifications && this.active) this.notifier.consider(entry.account, diagnosis, await this.deps.history(entry.account.id))
  }

  private async emitHealth(id: string): Promise<void> {
    if (!this.active) return
    this.deps.events.emit('health:changed', this.annotate(healthOf(id, await this.deps.history(id))))
  }

  private emitStatus(): void {
    if (this.active) this.publish(this.snapshot())
  }

  private publish(status: FleetStatus): void {
    this.published = signatureOf(status)
    this.deps.events.emit('fleet:changed', status)
  }
}

const STATUS_SETTLE_MS = 500

const signatureOf = (status: FleetStatus): string => JSON.stringify([status.providers, status.nextCheckAt, status.paused])

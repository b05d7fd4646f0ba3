/**
 * The token lifecycle of one workspace (one vault): per account, the managed pair (secret,
 * cached in memory after one keychain read), its record (non-secret, on disk), and one timer
 * for the whole workspace. Every change to an account's pair runs under an in-process queue
 * and a per-account lock file, re-reading the record first, so the app and the CLI never
 * spend the same refresh token. Refreshing itself lives in token-refresh.ts, issuing and
 * revoking in token-admin.ts.
 */
import type { AccountView } from '../../shared/model'
import type { TokenNotice, TokenState } from '../../shared/tokens'
import { AppError } from '../errors'
import type { HttpClient } from '../http/client'
import { effectiveBaseUrl } from '../http/host-binding'
import { providerDefinition } from '../providers/registry'
import type { TokenApiDeps, TokenPairAnswer } from '../providers/token-lifecycle'
import type { SecretScrubber } from '../secret-scrubber'
import type { Vault } from '../vault/vault'
import { ACCESS_TOKEN, REFRESH_TOKEN, decodeAnswer, pairFromKeychain, recordOf, type ManagedPair } from './managed-pair'
import { prune, type TokenFile } from './record-schema'
import { TokenRecordStore } from './record-store'
import { requireTokenLifecycle } from './token-capability'
import { DueScheduler, type TokenClock } from './scheduler'
import { nextEventAt, tokenState } from './token-state'

export interface RefreshObservation {
  readonly accountId: string
  /** When the refresh was due (local ms); null when the user forced it. */
  readonly plannedAtMs: number | null
  /** When the refresh request was about to leave. */
  readonly startedAtMs: number
  readonly finishedAtMs: number
  readonly outcome: 'refreshed' | 'reissued' | 'failed'
}

export interface TokenEvents {
  changed(accountId: string, state: TokenState): void
  notify(notification: Omit<TokenNotice, 'id' | 'at'>): void
  observed?(observation: RefreshObservation): void
}

export interface TokenManagerOptions {
  readonly vault: Vault
  readonly http: HttpClient
  readonly scrubber: SecretScrubber
  readonly clock: TokenClock
  readonly random: () => number
  readonly timeoutMs: number
  /** Run the workspace timer (the app); the CLI refreshes only when a pair is used. */
  readonly schedule: boolean
  readonly events: TokenEvents
  /** Refresh work to run when an account's time comes (token-refresh.ts). */
  readonly onDue: (manager: TokenManager, accountId: string) => Promise<unknown>
}

export interface Slot {
  file: TokenFile
  /** Secret; undefined until read from the keychain. When set, its jti is `file.current.jti`. */
  pair: ManagedPair | null | undefined
  inflight: Promise<ManagedPair> | null
  chain: Promise<unknown>
}

export interface PersistHow {
  readonly origin: 'issued' | 'refreshed' | 'reissued' | 'adopted'
  readonly parent: ManagedPair | null
  readonly ttlRequested: number | null
  readonly basis: 'issued' | 'adopted'
  readonly adoptedFingerprint: string | null
}

/** The Date header has one-second resolution: less than that is measurement noise, not skew. */
const significantSkew = (skewMs: number): number => (Math.abs(skewMs) < 1_000 ? 0 : skewMs)

/** Another process's changes are looked for at most this often. */
const SYNC_EVERY_MS = 30_000
/** The current pair and the one before it (a request sent just before a refresh may still carry it). */
const MANAGED_PAIRS_SCRUBBED = 2

const valuesOf = (pair: ManagedPair): string[] => [pair.accessToken, ...(pair.refreshToken ? [pair.refreshToken] : [])]

export class TokenManager {
  readonly records: TokenRecordStore
  private readonly slots = new Map<string, Promise<Slot>>()
  private readonly views = new Map<string, AccountView>()
  private readonly scheduler: DueScheduler | null
  private readonly pending = new Set<Promise<unknown>>()
  /** Per account, the values of its last managed pairs, oldest first. */
  private readonly managedValues = new Map<string, string[][]>()
  private readonly unsubscribe: () => void
  private lastSync = -Infinity

  constructor(readonly options: TokenManagerOptions) {
    this.records = new TokenRecordStore(options.vault.dataDir)
    this.scheduler = options.schedule ? new DueScheduler(options.clock, (ids) => this.due(ids), () => this.wake()) : null
    this.unsubscribe = options.vault.onChanged((ids) => ids.forEach((id) => this.views.delete(id)))
  }

  now(): number {
    return this.options.clock.now()
  }

  /** Schedules every managed pair found on disk; past-due ones are refreshed at once. */
  async start(): Promise<void> {
    const accounts = new Set((await this.accounts()).map((a) => a.id))
    for (const file of await this.records.all()) {
      // The account was deleted (perhaps by the CLI): its keychain item went with it.
      if (!accounts.has(file.accountId)) await this.records.remove(file.accountId)
      if (!accounts.has(file.accountId) || this.slots.has(file.accountId)) continue
      const slot: Slot = { file, pair: undefined, inflight: null, chain: Promise.resolve() }
      this.slots.set(file.accountId, Promise.resolve(slot))
      this.schedule(slot)
    }
    this.lastSync = this.now()
  }

  close(): void {
    this.scheduler?.close()
    this.unsubscribe()
  }

  /** Resolves once every refresh the timer started has finished (tests, benchmarks, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  scheduledAt(accountId: string): number | null {
    return this.scheduler?.dueAt(accountId) ?? null
  }

  async accounts(): Promise<ReadonlyArray<AccountView>> {
    const list = await this.options.vault.list()
    for (const view of list) this.views.set(view.id, view)
    return list
  }

  async account(id: string, fresh = false): Promise<AccountView> {
    if (fresh) this.views.delete(id)
    if (!this.views.has(id)) await this.accounts()
    const view = this.views.get(id)
    if (!view) throw new AppError('account.not-found', 'No account has this id; it may have been deleted. Reload the list.', { field: 'id' })
    return view
  }

  noteAccount(view: AccountView): void {
    this.views.set(view.id, view)
  }

  slot(id: string): Promise<Slot> {
    let slot = this.slots.get(id)
    if (!slot) {
      slot = this.records.read(id).then((file) => ({ file, pair: undefined, inflight: null, chain: Promise.resolve() }))
      this.slots.set(id, slot)
    }
    return slot
  }

  /** Runs `work` alone for this account, in this process (queue) and across processes (lock file), on a freshly read record. */
  exclusive<T>(slot: Slot, work: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const release = await this.records.lock(slot.file.accountId)
      try {
        const file = await this.records.read(slot.file.accountId)
        if (file.current?.jti !== slot.file.current?.jti) slot.pair = undefined
        slot.file = file
        return await work()
      } finally {
        await release()
      }
    }
    const result = slot.chain.then(run, run)
    slot.chain = result.catch(() => undefined)
    return result
  }

  remember(pair: ManagedPair): void {
    for (const value of valuesOf(pair)) this.options.scrubber.remember(value)
  }

  /**
   * The managed pair of an account: remembered for scrubbing, and the pair it replaced once
   * before is forgotten again (it is in no keychain item, no request can still be using it),
   * so the scrubber stays as large as the fleet, not as its refresh count.
   */
  rememberManaged(accountId: string, pair: ManagedPair): void {
    this.remember(pair)
    const kept = this.managedValues.get(accountId) ?? []
    if (!kept.some((values) => values[0] === pair.accessToken)) kept.push(valuesOf(pair))
    while (kept.length > MANAGED_PAIRS_SCRUBBED) for (const value of kept.shift()!) this.options.scrubber.forget(value)
    this.managedValues.set(accountId, kept)
  }

  /** The managed pair, read from the keychain once (or from `read`, the item's tokens just read); the keychain wins when the record disagrees (a crash between the two writes). */
  async loadPair(slot: Slot, read?: Readonly<Record<string, string>>): Promise<ManagedPair | null> {
    if (slot.pair !== undefined) return slot.pair
    const tokens = read ?? (await this.options.vault.readSecrets(slot.file.accountId, 'token lifecycle')).tokens
    const pair = pairFromKeychain(requireTokenLifecycle(await this.account(slot.file.accountId)), tokens, slot.file)
    if (pair) this.rememberManaged(slot.file.accountId, pair)
    const file = slot.file
    if (pair && file.current?.jti !== pair.jti) {
      const known = file.records.some((r) => r.jti === pair.jti)
      const records = known ? file.records : [recordOf(pair, file.current ? 'refreshed' : 'issued', file.ttlRequestedSeconds, file.current?.jti ?? null), ...file.records]
      const current = { jti: pair.jti, basis: file.current?.basis ?? ('issued' as const), adoptedFingerprint: file.current?.adoptedFingerprint ?? null }
      slot.file = { ...file, current, records }
      await this.write(slot)
    } else if (!pair && file.current) {
      slot.file = { ...file, current: null }
      await this.write(slot)
    }
    slot.pair = pair
    return pair
  }

  async write(slot: Slot): Promise<void> {
    slot.file = prune(slot.file, this.now())
    await this.records.write(slot.file)
  }

  /** Stores a new pair: keychain first (a refresh token is single use), then the record; then it is used. */
  async persist(slot: Slot, answer: { readonly value: TokenPairAnswer; readonly skewMs: number | null }, how: PersistHow): Promise<ManagedPair> {
    const id = slot.file.accountId
    const pair = decodeAnswer(requireTokenLifecycle(await this.account(id)), answer.value)
    if (!pair) throw new AppError('response.malformed', 'The provider answered with a token AuthDesk cannot read (no jti or expiry).')
    this.rememberManaged(id, pair)
    await this.options.vault.saveTokens(id, { [ACCESS_TOKEN]: pair.accessToken, [REFRESH_TOKEN]: pair.refreshToken })
    const at = new Date(this.now()).toISOString()
    const records = slot.file.records.map((r) => (r.jti === how.parent?.jti && r.supersededAt === null ? { ...r, supersededAt: at } : r))
    slot.file = {
      ...slot.file,
      current: { jti: pair.jti, basis: how.basis, adoptedFingerprint: how.adoptedFingerprint },
      ttlRequestedSeconds: how.ttlRequested,
      skewMs: answer.skewMs === null ? slot.file.skewMs : significantSkew(answer.skewMs),
      lastRefresh: how.origin === 'issued' ? null : { at, outcome: how.origin },
      failure: null,
      failures: 0,
      nextAttemptAt: null,
      notifiedAt: null,
      records: [recordOf(pair, how.origin, how.ttlRequested, how.parent?.jti ?? null), ...records],
    }
    slot.pair = pair
    await this.write(slot)
    this.schedule(slot)
    this.emit(slot)
    return pair
  }

  schedule(slot: Slot): void {
    if (!this.scheduler) return
    const at = nextEventAt(slot.file)
    if (at === null) this.scheduler.delete(slot.file.accountId)
    else this.scheduler.set(slot.file.accountId, at)
  }

  stateOf(slot: Slot, account: AccountView): TokenState {
    return tokenState(slot.file, account, this.now())
  }

  emit(slot: Slot): void {
    const view = this.views.get(slot.file.accountId)
    if (view) this.options.events.changed(view.id, this.stateOf(slot, view))
  }

  /** Where token calls go: the address bound to the account's secrets in the keychain, never accounts.json's word alone. */
  async apiDeps(account: AccountView): Promise<TokenApiDeps> {
    const address = await this.options.vault.boundAddress(account.id)
    const binding = { definition: providerDefinition(account.provider), environment: address.environment, baseUrl: address.baseUrl }
    return { http: this.options.http, binding, baseUrl: effectiveBaseUrl(binding) ?? '', timeoutMs: this.options.timeoutMs, now: () => this.now() }
  }

  async forget(id: string): Promise<void> {
    this.scheduler?.delete(id)
    this.managedValues.delete(id)
    this.slots.delete(id)
    this.views.delete(id)
    await this.records.remove(id)
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work)
    const done = (): void => void this.pending.delete(work)
    work.then(done, done)
    return work
  }

  private due(ids: ReadonlyArray<string>): void {
    for (const id of ids) void this.track(this.options.onDue(this, id)).catch(() => undefined)
  }

  /** Picks up records another process (the CLI) changed, at most every SYNC_EVERY_MS. */
  private wake(): void {
    const now = this.now()
    if (now - this.lastSync < SYNC_EVERY_MS) return
    this.lastSync = now
    void this.track(this.sync()).catch(() => undefined)
  }

  private async sync(): Promise<void> {
    for (const file of await this.records.changedElsewhere()) {
      const known = this.slots.get(file.accountId)
      if (!known) {
        // A pair the CLI issued for an account this process has not touched yet.
        if (!this.views.has(file.accountId)) continue
        const fresh: Slot = { file, pair: undefined, inflight: null, chain: Promise.resolve() }
        this.slots.set(file.accountId, Promise.resolve(fresh))
        this.schedule(fresh)
        this.emit(fresh)
        continue
      }
      const slot = await known
      if (slot.inflight) continue
      if (file.current?.jti !== slot.file.current?.jti) slot.pair = undefined
      slot.file = file
      this.schedule(slot)
      this.emit(slot)
    }
  }
}

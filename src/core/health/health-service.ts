/**
 * Checks the active workspace's accounts: reads each account's secrets from the vault only
 * for the check, runs the diagnosis engine, keeps the history and tells the renderer.
 */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountHealth } from '../../shared/health'
import type { AccountView } from '../../shared/model'
import { AppError, isAppError } from '../errors'
import { ADDRESS_MISMATCH } from '../vault/item-binding'
import { notSent } from './not-sent'
import { isSecretUnavailable, secretUnavailableDiagnosis } from './secret-unavailable'
import { checkAccount, type CheckDeps } from '../diagnosis/engine'
import type { EventHub } from '../event-hub'
import type { Vault } from '../vault/vault'
import { CheckRuns } from './check-runs'
import { HistoryStore } from './history-store'
import type { CheckTokens } from '../tokens/token-adopt'

export interface HealthServiceOptions {
  /** The active workspace's vault (it changes when the user switches workspace). */
  readonly vault: () => Vault
  readonly events: EventHub
  readonly deps: CheckDeps
  /** Answers a check without sending anything (the provider asked to wait); such an answer is not kept. */
  readonly holdBack?: (account: AccountView) => Diagnosis | null
  /** Adds what the background scheduler plans to what list() and `health:changed` carry. */
  readonly annotate?: (health: AccountHealth) => AccountHealth
  /** The token store: the AuthDesk-managed pair a check sends (fresh), and where a pair the probe refreshes goes. */
  readonly tokens?: (vault: Vault, account: AccountView) => Promise<CheckTokens>
}

export class HealthService {
  private readonly histories = new Map<string, HistoryStore>()
  private readonly runs = new CheckRuns()
  /** Checks under way, so shutdown can wait for their history writes before a workspace folder goes. */
  private readonly inFlight = new Set<Promise<unknown>>()

  constructor(private readonly options: HealthServiceOptions) {}

  private history(vault: Vault = this.options.vault()): HistoryStore {
    let store = this.histories.get(vault.dataDir)
    if (!store) this.histories.set(vault.dataDir, (store = new HistoryStore(vault.dataDir)))
    return store
  }

  async list(): Promise<ReadonlyArray<AccountHealth>> {
    const history = this.history()
    const accounts = await this.options.vault().list()
    return Promise.all(accounts.map(async (a) => this.annotate(healthOf(a.id, await history.list(a.id)))))
  }

  async historyOf(id: string): Promise<ReadonlyArray<Diagnosis>> {
    return this.history().list(id)
  }

  /**
   * `secretErrors: 'throw'` is for background checks: a keychain that cannot be read makes the
   * scheduler wait with it (no prompt storm); a person's check records `secret.unavailable` instead.
   */
  async check(id: string, options: { readonly secretErrors?: 'record' | 'throw' } = {}): Promise<Diagnosis> {
    const vault = this.options.vault()
    const account = (await vault.list()).find((a) => a.id === id)
    if (!account) throw new AppError('account.not-found', 'No account has this id; it may have been deleted. Reload the list.', { field: 'id' })
    return this.checkOne(vault, account, options.secretErrors ?? 'record')
  }

  checkAll(ids?: ReadonlyArray<string>): Promise<{ readonly runId: string; readonly total: number }> {
    const vault = this.options.vault()
    return vault.list().then((all) => {
      const accounts = ids ? all.filter((a) => ids.includes(a.id)) : all
      const { runId, total } = this.runs.start({
        accounts,
        check: (account) => this.checkOne(vault, account),
        onProgress: (progress) => this.options.events.emit('health:progress', progress),
      })
      return { runId, total }
    })
  }

  /** History files found damaged and kept aside (`.corrupt-…`), for a notice. */
  damagedHistory(): string[] {
    return [...this.histories.values()].flatMap((h) => h.keptAside())
  }

  /** Drops the history of deleted accounts. */
  async forget(ids: ReadonlyArray<string>): Promise<void> {
    await this.history().forget(ids)
  }

  cancel(runId: string): { readonly runId: string } {
    this.runs.cancel(runId)
    return { runId }
  }

  /** Shutdown: no run starts another check, and the checks under way finish (their history is written). */
  async stop(): Promise<void> {
    this.runs.cancelAll()
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
  }

  private annotate(health: AccountHealth): AccountHealth {
    return this.options.annotate?.(health) ?? health
  }

  private checkOne(vault: Vault, account: AccountView, secretErrors: 'record' | 'throw' = 'record'): Promise<Diagnosis> {
    const work = this.runCheck(vault, account, secretErrors)
    this.inFlight.add(work)
    const done = (): void => void this.inFlight.delete(work)
    work.then(done, done)
    return work
  }

  private async runCheck(vault: Vault, account: AccountView, secretErrors: 'record' | 'throw'): Promise<Diagnosis> {
    const held = this.options.holdBack?.(account)
    if (held) return held
    const startedAt = Date.now()
    const read = await vault.readSecrets(account.id, 'check').catch((error: unknown) => {
      if (secretErrors === 'record' && isSecretUnavailable(error)) return secretUnavailableDiagnosis(account, error as Error, startedAt)
      if (isAppError(error) && error.code === ADDRESS_MISMATCH) return notSent(account, error.message)
      throw error
    })
    if ('state' in read) return this.record(vault, account, read)
    const { secrets, address } = read
    const issued = await this.options.tokens?.(vault, account)
    const checked = await checkAccount(
      {
        provider: account.provider,
        fields: { ...account.fields, ...secrets, ...issued?.fields },
        baseUrl: address.baseUrl,
        environment: address.environment,
        scopes: account.scopes,
        storeTokens:
          issued?.storeTokens ??
          (async (tokens) => {
            await vault.update({ id: account.id, fields: { TOKEN: tokens.accessToken, ...(tokens.refreshToken ? { REFRESH_TOKEN: tokens.refreshToken } : {}) } })
          }),
      },
      this.options.deps,
    )
    return this.record(vault, account, checked)
  }

  private async record(vault: Vault, account: AccountView, found: Diagnosis): Promise<Diagnosis> {
    // The check redacted its own account's secrets; history and the window get every secret the app knows removed too.
    const diagnosis = this.options.deps.scrubber?.scrubValue(found) ?? found
    const history = this.history(vault)
    await history.append(account.id, diagnosis)
    if (vault === this.options.vault()) this.options.events.emit('health:changed', this.annotate(healthOf(account.id, await history.list(account.id))))
    return diagnosis
  }
}

export function healthOf(id: string, history: ReadonlyArray<Diagnosis>): AccountHealth {
  const latest = history[0] ?? null
  return {
    id,
    latest,
    lastHealthyAt: history.find((d) => d.state === 'healthy')?.checkedAt ?? null,
    lastCheckedAt: latest?.checkedAt ?? null,
  }
}

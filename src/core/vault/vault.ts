/**
 * Accounts: non-secret records in one atomically written JSON file (with a backup), secrets
 * in one keychain item per account. Every operation runs under an in-process queue and a
 * lock file and re-reads the file, so the app and the CLI can share one vault. Secrets are
 * read from the keychain only when an operation needs them, never to list accounts.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { AccountsExport, AccountView, ExportFormat, ImportPreview, ImportResult, VaultNotice, VaultStatus } from '../../shared/model'
import { AppError, isAppError } from '../errors'
import type { Logger } from '../log'
import { providerDefinition } from '../providers/registry'
import type { SecretScrubber } from '../secret-scrubber'
import { checkDraft, problemError, sameLabel, type AccountDraft } from './account-input'
import { AccountItems } from './account-items'
import { addressOf, verifyAddress, type BoundAddress } from './item-binding'
import { copyLabel, newRecord, secretRecords, secretsChanged } from './account-records'
import { ACCOUNTS_FILE, ACCOUNTS_FORMAT, ACCOUNTS_VERSION, parseAccountsDocument, type AccountRecord, type AccountsDocument } from './account-schema'
import { toView } from './account-view'
import { exportAccounts } from './export'
import { acquireFileLock } from './file-lock'
import { Fingerprinter } from './fingerprint'
import { DocumentStore } from './metadata-store'
import { orphanIds } from './reconcile'
import { moveLegacyItems } from './legacy-items'
import type { SecretItem } from './secret-item'
import type { SecretStore } from './secret-store'
import { importAccounts, previewImport, type ImportCommit, type ImportRequest } from './vault-import'
import { duplicateAccount, updateAccount, type AccountPatch } from './vault-update'
import { WriteJournal } from './write-journal'

export interface VaultOptions {
  readonly dataDir: string
  readonly store: SecretStore
  /** The keychain service shared by vaults made before namespaces: this vault's items there move over. */
  readonly legacy?: SecretStore
  readonly scrubber: SecretScrubber
  readonly logger: Logger
  readonly now?: () => Date
  readonly lockTimeoutMs?: number
}

/** What a check or a token call gets. Never sent to the renderer, never printed. */
export interface AccountSecrets {
  readonly secrets: Readonly<Record<string, string>>
  readonly tokens: Readonly<Record<string, string>>
  /** The address the secrets are bound to (their keychain item's, the same as the record's). */
  readonly address: BoundAddress
}

export type Transaction<T> = (accounts: AccountRecord[], save: (accounts: AccountRecord[]) => Promise<void>) => Promise<T>

export class Vault {
  readonly fingerprints: Fingerprinter
  readonly items: AccountItems
  /** Records of an add in progress, so an interrupted one is finished, and only its own items adopted. */
  readonly journal: WriteJournal
  private readonly file: DocumentStore<AccountsDocument>
  private readonly notices: VaultNotice[] = []
  private readonly listeners = new Set<(ids: ReadonlyArray<string>) => void>()
  private writable = true
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(private readonly options: VaultOptions) {
    this.items = new AccountItems(options.store, (values) => this.remember(values), (error) => this.describe(error))
    this.journal = new WriteJournal(options.dataDir)
    this.fingerprints = new Fingerprinter(options.store, (error) => this.items.failure('read the install’s fingerprint key', error))
    this.file = new DocumentStore({
      path: join(options.dataDir, ACCOUNTS_FILE),
      format: ACCOUNTS_FORMAT,
      version: ACCOUNTS_VERSION,
      parse: parseAccountsDocument,
      now: options.now,
    })
  }

  /** Opens the vault and reconciles it with the keychain; problems are reported, never thrown. */
  static async open(options: VaultOptions): Promise<Vault> {
    const vault = new Vault(options)
    await vault.reconcile().catch((error: unknown) => vault.log('error', 'vault.reconcile-failed', { error: vault.describe(error) }))
    return vault
  }

  /** Where this vault keeps its files (history lives beside the accounts). */
  get dataDir(): string {
    return this.options.dataDir
  }

  get storage() {
    return this.options.store.status
  }

  get secretStorageKind(): AccountRecord['secretStorage'] {
    return this.storage.backend === 'keychain' ? 'keychain' : 'session'
  }

  now(): string {
    return (this.options.now?.() ?? new Date()).toISOString()
  }

  status(): VaultStatus {
    return { storage: this.storage, writable: this.writable, notices: [...this.notices] }
  }

  /** Fires with the ids of accounts that changed (for the `accounts:changed` event). */
  onChanged(listener: (ids: ReadonlyArray<string>) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  changed(ids: ReadonlyArray<string>): void {
    for (const listener of this.listeners) listener(ids)
  }

  log(level: 'info' | 'warn' | 'error', event: string, data: Record<string, unknown> = {}): void {
    this.options.logger.log(level, event, data)
  }

  private describe(error: unknown): string {
    return this.options.scrubber.scrub(error instanceof Error ? error.message : String(error))
  }

  /** A new or changed notice is announced (as a change of no account) so a shown vault status refreshes. */
  private notice(code: VaultNotice['code'], message: string): void {
    if (this.notices.some((n) => n.code === code && n.message === message)) return
    this.clearNotice(code, false)
    this.notices.push({ code, message, at: this.now() })
    this.log('warn', `vault.${code}`, { message })
    this.changed([])
  }

  private clearNotice(code: VaultNotice['code'], announce = true): void {
    const index = this.notices.findIndex((n) => n.code === code)
    if (index < 0) return
    this.notices.splice(index, 1)
    if (announce) this.changed([])
  }

  /** Every secret value the vault handles is remembered, so no log line can carry it. */
  remember(values: Iterable<string>): void {
    for (const value of values) this.options.scrubber.remember(value)
  }

  rememberFields(provider: AccountRecord['provider'], fields: Readonly<Record<string, string | null | undefined>>): void {
    const secret = new Set(providerDefinition(provider).fields.filter((f) => f.secret).map((f) => f.name))
    this.remember(Object.entries(fields).flatMap(([name, value]) => (secret.has(name) && value ? [value] : [])))
  }

  /** Runs `work` on freshly loaded records while holding the vault lock; `save` commits them. */
  transaction<T>(work: Transaction<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const release = await acquireFileLock(join(this.options.dataDir, 'accounts.lock'), this.options.lockTimeoutMs ?? 10_000)
      try {
        const accounts = await this.load()
        return await work(accounts, (next) => this.file.save({ accounts: next }))
      } finally {
        await release()
      }
    }
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }

  private async load(): Promise<AccountRecord[]> {
    try {
      const { value, notices } = await this.file.load()
      for (const n of notices) this.notice(n.code, n.message)
      this.writable = true
      this.clearNotice('metadata.unreadable')
      return value ? [...value.accounts] : []
    } catch (error) {
      if (isAppError(error) && error.code === 'vault.metadata-unreadable') {
        this.writable = false
        this.notice('metadata.unreadable', error.message)
      }
      throw error
    }
  }

  /**
   * Moves this vault's items out of the shared pre-namespace service, finishes an add that was
   * interrupted (the journal names its records: those whose items were written are committed,
   * items of the others removed), and reports items of the namespace that nothing claims.
   */
  private async reconcile(): Promise<void> {
    // Without a keychain there is nothing to reconcile, but loading once reports a damaged file now, not at the first list.
    if (this.storage.backend !== 'keychain') return void (await this.transaction(async () => undefined))
    await this.transaction(async (accounts, save) => {
      const legacy = this.options.legacy
      const moved = legacy ? await moveLegacyItems(legacy, this.options.store, new Set(accounts.map((a) => a.id))) : 0
      if (moved > 0)
        this.notice('keychain.migrated', `${moved} account(s) had their secrets in the keychain space shared by all data directories; they were moved to this vault's own space.`)
      const present = await this.items.scan()
      const { records, completed } = await this.finishJournal(accounts)
      if (completed.length > 0) {
        await save(records)
        this.notice('keychain.save-completed', `An add was interrupted; ${completed.length} account(s) whose secrets were already saved were completed: ${completed.join(', ')}.`)
      }
      await this.journal.clear()
      const unclaimed = orphanIds(records, present)
      if (unclaimed.length > 0)
        this.notice('keychain.items-unclaimed', `${unclaimed.length} keychain item(s) of this vault belong to no account and were not written by an add it recorded; they were left alone.`)
    })
  }

  private async finishJournal(accounts: ReadonlyArray<AccountRecord>): Promise<{ records: AccountRecord[]; completed: string[] }> {
    const records = [...accounts]
    const completed: string[] = []
    for (const pending of await this.journal.pending()) {
      const index = records.findIndex((r) => r.id === pending.id)
      if ((index >= 0 && records[index]!.updatedAt === pending.updatedAt) || !this.items.has(pending.id)) continue
      const item = await this.items.read(pending.id).catch(() => null)
      const written = item !== null && !secretsChanged(pending.secrets, await secretRecords(this.fingerprints, item.secrets))
      if (!written) {
        if (index < 0) await this.items.remove(pending.id)
        continue
      }
      const taken = (label: string): boolean => records.some((r, i) => i !== index && sameLabel(r.label, label))
      const record = taken(pending.label) ? { ...pending, label: copyLabel(pending.label, taken) } : pending
      if (index >= 0) records[index] = record
      else records.push(record)
      completed.push(record.label)
    }
    return { records, completed }
  }

  view(record: AccountRecord): AccountView {
    return toView(record, this.items.has(record.id), this.storage)
  }

  find(accounts: ReadonlyArray<AccountRecord>, id: string): AccountRecord {
    const record = accounts.find((a) => a.id === id)
    if (!record) throw new AppError('account.not-found', 'No account has this id; it may have been deleted. Reload the list.', { field: 'id' })
    return record
  }

  /** Secrets in a keychain this session cannot reach can be neither read, changed nor removed. */
  assertReachable(record: AccountRecord, action: string): void {
    if (this.storage.backend === 'memory' && record.secretStorage === 'keychain' && !this.items.has(record.id) && Object.keys(record.secrets).length > 0)
      throw new AppError(
        'vault.keychain-unavailable',
        `Cannot ${action} "${record.label}" now: its secrets are in the OS keychain, which this session cannot reach. ${this.storage.hint ?? ''}`.trim(),
      )
  }

  list(): Promise<ReadonlyArray<AccountView>> {
    return this.transaction(async (accounts) => accounts.map((a) => this.view(a)))
  }

  create(draft: AccountDraft): Promise<AccountView> {
    this.rememberFields(draft.provider, draft.fields)
    return this.transaction(async (accounts, save) => {
      const { value, problems } = checkDraft(draft, (label) => accounts.some((a) => sameLabel(a.label, label)))
      if (problems.length > 0) throw problemError(problems)
      const id = randomUUID()
      const record = newRecord(value, await secretRecords(this.fingerprints, value.secret), { id, now: this.now(), secretStorage: this.secretStorageKind })
      // Journal, secret, record: a crash at any point leaves the account whole (finished at the next open) or absent.
      await this.journal.begin([record])
      await this.items.write(id, { v: 1, provider: value.provider, environment: value.environment, baseUrl: value.baseUrl, label: value.label, secrets: value.secret, tokens: {} })
      await save([...accounts, record])
      await this.journal.clear()
      this.log('info', 'account.created', { id, provider: record.provider, environment: record.environment })
      if (value.baseUrlUnlisted) this.log('warn', 'account.base-url-unlisted', { id, host: new URL(value.baseUrl!).host })
      this.changed([id])
      return this.view(record)
    })
  }

  update(patch: AccountPatch): Promise<AccountView> {
    return updateAccount(this, patch)
  }

  duplicate(id: string, label?: string): Promise<AccountView> {
    return duplicateAccount(this, id, label)
  }

  delete(id: string): Promise<{ readonly id: string }> {
    return this.transaction(async (accounts, save) => {
      const record = this.find(accounts, id)
      // Otherwise its item would outlive it, claimed by nothing.
      this.assertReachable(record, 'delete')
      // Secret first: a crash after this leaves a visible "secret missing" record, not a hidden secret.
      await this.items.remove(id)
      await save(accounts.filter((a) => a.id !== id))
      this.log('info', 'account.deleted', { id, provider: record.provider })
      this.changed([id])
      return { id }
    })
  }

  previewImport(request: ImportRequest): Promise<ImportPreview> {
    return previewImport(this, request)
  }

  importAccounts(request: ImportCommit): Promise<ImportResult> {
    return importAccounts(this, request)
  }

  /** Non-secret definitions of the given accounts (all when `ids` is absent). */
  exportAccounts(format: ExportFormat, ids?: ReadonlyArray<string>): Promise<AccountsExport> {
    return this.transaction(async (accounts) => {
      for (const id of ids ?? []) this.find(accounts, id)
      const selected = ids ? accounts.filter((a) => ids.includes(a.id)) : accounts
      this.log('info', 'accounts.exported', { format, count: selected.length })
      return exportAccounts(selected, format, new Date(this.now()))
    })
  }

  private async secretItem(record: AccountRecord, action: string): Promise<SecretItem | null> {
    this.assertReachable(record, action)
    const item = this.items.has(record.id) ? await this.items.read(record.id) : null
    if (!item && Object.keys(record.secrets).length > 0)
      throw new AppError('vault.secret-missing', `Cannot ${action} "${record.label}": its secrets are not in the keychain any more. Enter them again.`)
    return item && (await verifyAddress(record, item, { items: this.items, log: (...a) => this.log(...a), notice: (...a) => this.notice(...a) }))
  }

  /** For a check or a token call: the account's secret values, and the address they are bound to. The read is logged, never the values. */
  readSecrets(id: string, purpose: string): Promise<AccountSecrets> {
    return this.transaction(async (accounts) => {
      const record = this.find(accounts, id)
      const item = await this.secretItem(record, 'read the secrets of')
      this.log('info', 'account.secrets-read', { id, purpose })
      return { secrets: item?.secrets ?? {}, tokens: item?.tokens ?? {}, address: addressOf(item ?? record) }
    })
  }

  /** Where this account's credentials may be sent (from its keychain item); throws when accounts.json was changed to elsewhere. */
  boundAddress(id: string): Promise<BoundAddress> {
    return this.transaction(async (accounts) => {
      const record = this.find(accounts, id)
      return addressOf((await this.secretItem(record, 'send the credentials of')) ?? record)
    })
  }

  /** Stores tokens issued for an account next to its secrets; null removes one. */
  saveTokens(id: string, tokens: Readonly<Record<string, string | null>>): Promise<void> {
    return this.transaction(async (accounts) => {
      const record = this.find(accounts, id)
      const empty: SecretItem = { v: 1, provider: record.provider, ...addressOf(record), label: record.label, secrets: {}, tokens: {} }
      const item = (await this.secretItem(record, 'store tokens for')) ?? empty
      const next: Record<string, string> = { ...item.tokens }
      for (const [name, value] of Object.entries(tokens)) {
        if (value === null) delete next[name]
        else next[name] = value
      }
      await this.items.write(id, { ...item, tokens: next })
      this.log('info', 'account.tokens-saved', { id, names: Object.keys(tokens) })
    })
  }
}

/**
 * Tokens and due dates for the active workspace: one TokenManager per vault (the user's own,
 * the Demo), `tokens:changed` and `tokens:notify` events for the active one only. Never hands
 * a token value to anything that leaves core, except `issue` of a detached token (the CLI's
 * `--print`) and `accessToken` for core callers that send requests with it.
 */
import { randomUUID } from 'node:crypto'
import type { AccountView } from '../../shared/model'
import type { AccountDeadlines, KeyRotationResult, TokenState } from '../../shared/tokens'
import type { CheckDeps } from '../diagnosis/engine'
import { AppError } from '../errors'
import type { EventHub } from '../event-hub'
import type { HttpClient } from '../http/client'
import type { Logger } from '../log'
import type { SecretScrubber } from '../secret-scrubber'
import type { Vault } from '../vault/vault'
import { DEFAULT_ROTATION_POLICY_DAYS, deadlinesOf } from './due-dates'
import { rotateKey } from './key-rotation'
import type { ManagedPair } from './managed-pair'
import { systemClock, type TokenClock } from './scheduler'
import { assertTokenProvider, issueToken, revokeTokens, type IssueRequest } from './token-admin'
import { tokensForCheck, type CheckTokens } from './token-adopt'
import { TokenManager, type RefreshObservation } from './token-manager'
import { ensureFresh, refreshNow, refreshWhenDue } from './token-refresh'
import { providerLabelOf, tokenLifecycleOf } from './token-capability'
import { tokenState } from './token-state'

export const TOKEN_TIMEOUT_MS = 10_000

export interface TokenServiceOptions {
  readonly vault: () => Vault
  readonly events: EventHub
  readonly scrubber: SecretScrubber
  readonly logger: Logger
  readonly http: HttpClient
  /** Run each workspace's refresh timer (the desktop app); the CLI refreshes on use only. */
  readonly schedule: boolean
  readonly clock?: TokenClock
  readonly random?: () => number
  readonly timeoutMs?: number
  readonly rotationPolicyDays?: number
  /** Every refresh attempt, with its timing (benchmark, tests). */
  readonly observe?: (observation: RefreshObservation) => void
  /** Checks for Authmatech key verification (the health service's deps). */
  readonly check: CheckDeps
}

export interface DetachedToken {
  readonly jti: string
  readonly accessToken: string
  readonly refreshToken: string | null
  readonly expiresAt: string
  readonly scopes: ReadonlyArray<string>
}

export class TokenService {
  private readonly managers = new Map<string, TokenManager>()

  constructor(private readonly options: TokenServiceOptions) {}

  private get clock(): TokenClock {
    return this.options.clock ?? systemClock
  }

  /** The manager of a vault (the active workspace's by default), started on first use. */
  manager(vault: Vault = this.options.vault()): TokenManager {
    let manager = this.managers.get(vault.dataDir)
    if (manager) return manager
    const { events, logger } = this.options
    const active = (): boolean => vault === this.options.vault()
    manager = new TokenManager({
      vault,
      http: this.options.http,
      scrubber: this.options.scrubber,
      clock: this.clock,
      random: this.options.random ?? Math.random,
      timeoutMs: this.options.timeoutMs ?? TOKEN_TIMEOUT_MS,
      schedule: this.options.schedule,
      onDue: refreshWhenDue,
      events: {
        changed: (accountId, state) => active() && events.emit('tokens:changed', { accountId, state }),
        notify: (notice) => {
          logger.log('warn', 'tokens.notify', { accountId: notice.accountId, kind: notice.kind })
          if (active()) events.emit('tokens:notify', { ...notice, id: randomUUID(), at: new Date(this.clock.now()).toISOString() })
        },
        observed: (observation) => {
          const lateMs = observation.plannedAtMs === null ? null : observation.startedAtMs - observation.plannedAtMs
          logger.log(observation.outcome === 'failed' ? 'warn' : 'info', 'tokens.refresh', { accountId: observation.accountId, outcome: observation.outcome, lateMs })
          this.options.observe?.(observation)
        },
      },
    })
    this.managers.set(vault.dataDir, manager)
    if (this.options.schedule) void manager.track(manager.start()).catch((error: unknown) => logger.log('error', 'tokens.start-failed', { error: String(error) }))
    return manager
  }

  /** Loads and schedules a vault's records (the user's own at start, whichever workspace is shown). */
  async start(vault: Vault = this.options.vault()): Promise<void> {
    await this.manager(vault).settled()
  }

  async list(accountId: string): Promise<TokenState> {
    const manager = this.manager()
    const account = await manager.account(accountId, true)
    assertTokenProvider(account)
    // From disk, so a change the CLI made shows too (the schedule picks it up on its next wake).
    const slot = await manager.slot(accountId)
    const file = slot.inflight ? slot.file : await manager.records.read(accountId)
    return tokenState(file, account, manager.now())
  }

  async issue(accountId: string, request: IssueRequest): Promise<TokenState> {
    const result = await issueToken(this.manager(), accountId, { ...request, detached: false })
    this.options.logger.log('info', 'tokens.issued', { accountId, jti: result.state.jti, scopes: result.state.scopes })
    return withWarnings(result.state, result.warnings)
  }

  /** A token for someone else (`authdesk tokens issue --print`): recorded here, then handed over; AuthDesk never uses or refreshes it. */
  async issueDetached(accountId: string, request: IssueRequest): Promise<{ readonly state: TokenState; readonly token: DetachedToken; readonly warnings: ReadonlyArray<string> }> {
    const result = await issueToken(this.manager(), accountId, { ...request, detached: true })
    const pair = result.detached!
    this.options.logger.log('info', 'tokens.issued-detached', { accountId, jti: pair.jti, scopes: pair.scopes })
    const token = { jti: pair.jti, accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: new Date(pair.expiresAtMs).toISOString(), scopes: pair.scopes }
    return { state: result.state, token, warnings: result.warnings }
  }

  async refresh(accountId: string): Promise<TokenState> {
    const manager = this.manager()
    assertTokenProvider(await manager.account(accountId))
    await refreshNow(manager, accountId, true)
    return this.list(accountId)
  }

  async revoke(accountId: string, jti: string | null): Promise<TokenState> {
    const result = await revokeTokens(this.manager(), accountId, jti)
    this.options.logger.log('info', 'tokens.revoked', { accountId, revoked: result.revoked, failed: result.failed.map((f) => f.jti) })
    const first = result.failed[0]
    if (first && result.revoked.length === 0) throw new AppError(first.cause, `Nothing was revoked: ${first.message}`)
    return withWarnings(result.state, result.failed.map((f) => `${f.jti} was not revoked: ${f.message}`))
  }

  /**
   * Before its account is deleted: revokes every token of it that may still work. Never throws:
   * the account is deleted anyway, and the warnings say which tokens stay valid until they expire.
   */
  async revokeBeforeDelete(accountId: string): Promise<{ readonly revoked: ReadonlyArray<string>; readonly warnings: ReadonlyArray<string> }> {
    const manager = this.manager()
    const account = await manager.account(accountId).catch(() => null)
    if (!account || !tokenLifecycleOf(account)) return { revoked: [], warnings: [] }
    const stays = 'It stays valid until it expires.'
    const label = providerLabelOf(account)
    try {
      const result = await revokeTokens(manager, accountId, null)
      this.options.logger.log('info', 'tokens.revoked', { accountId, revoked: result.revoked, failed: result.failed.map((f) => f.jti) })
      return { revoked: result.revoked, warnings: result.failed.map((f) => `Token ${f.jti} was not revoked at ${label}: ${f.message} ${stays}`) }
    } catch (error) {
      if (error instanceof AppError && error.code === 'tokens.cannot-revoke') return { revoked: [], warnings: [error.message] }
      const reason = error instanceof AppError ? error.message : 'an unexpected error'
      return { revoked: [], warnings: [`The account's ${label} tokens could not be revoked: ${reason} Each stays valid until it expires.`] }
    }
  }

  async due(): Promise<ReadonlyArray<AccountDeadlines>> {
    const manager = this.manager()
    const policy = this.options.rotationPolicyDays ?? DEFAULT_ROTATION_POLICY_DAYS
    const accounts = await manager.accounts()
    return Promise.all(
      accounts.map(async (account) => deadlinesOf(account, tokenLifecycleOf(account) ? (await manager.slot(account.id)).file : null, policy, manager.now())),
    )
  }

  /** For core callers that send requests with the managed token: never an expired one. */
  async accessToken(accountId: string): Promise<string> {
    return (await this.pair(accountId)).accessToken
  }

  pair(accountId: string): Promise<ManagedPair> {
    return ensureFresh(this.manager(), accountId)
  }

  /** What a health check of this account sends (see token-adopt.ts). */
  forCheck(vault: Vault, account: AccountView): Promise<CheckTokens> {
    return tokensForCheck(this.manager(vault), account)
  }

  rotateKey(accountId: string, secretKey: string): Promise<KeyRotationResult> {
    const now = (): number => this.clock.now()
    return rotateKey({ vault: this.options.vault(), check: this.options.check, timeoutMs: this.options.timeoutMs ?? TOKEN_TIMEOUT_MS, now }, accountId, secretKey)
  }

  /** A deleted account: its schedule and record go too (its keychain item went with the account). */
  forget(accountId: string): Promise<void> {
    return this.manager().forget(accountId)
  }

  /** Resolves when every background refresh has finished. */
  async settled(): Promise<void> {
    await Promise.all([...this.managers.values()].map((m) => m.settled()))
  }

  close(): void {
    for (const manager of this.managers.values()) manager.close()
  }
}

function withWarnings(state: TokenState, extra: ReadonlyArray<string>): TokenState {
  return extra.length === 0 ? state : { ...state, warnings: [...new Set([...extra, ...state.warnings])] }
}

/** What createServices lets callers choose about tokens (tests and the benchmark tune them). */
export interface TokenTuning {
  /** Default: on where the Demo is offered (the desktop app, the e2e harness); the CLI refreshes on use only. */
  readonly schedule?: boolean
  readonly http?: HttpClient
  readonly clock?: TokenClock
  readonly random?: () => number
  readonly timeoutMs?: number
  readonly rotationPolicyDays?: number
  readonly observe?: (observation: RefreshObservation) => void
}

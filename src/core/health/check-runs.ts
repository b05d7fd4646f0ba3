/**
 * "Check all": runs many checks at once within a global and a per-provider concurrency
 * limit, reports progress after each account, and can be cancelled (checks not started yet
 * are dropped; running ones finish).
 */
import { randomUUID } from 'node:crypto'
import { bulkhead, type BulkheadPolicy } from 'cockatiel'
import type { CheckProgress } from '../../shared/health'
import type { AccountView, ProviderId } from '../../shared/model'
import { providerModule } from '../providers/registry'

export const DEFAULT_CONCURRENCY = 16

export interface RunOptions {
  readonly accounts: ReadonlyArray<AccountView>
  readonly check: (account: AccountView) => Promise<unknown>
  readonly onProgress: (progress: CheckProgress) => void
  readonly concurrency?: number
}

export class CheckRuns {
  private readonly cancelled = new Set<string>()
  private readonly running = new Set<string>()

  /** Starts a run and returns at once with its id; progress arrives through onProgress. */
  start(options: RunOptions): { readonly runId: string; readonly total: number; readonly done: Promise<CheckProgress> } {
    const runId = randomUUID()
    this.running.add(runId)
    return { runId, total: options.accounts.length, done: this.run(runId, options) }
  }

  /** Only a running run can be cancelled: ids of others are not kept (the set stays as small as the runs). */
  cancel(runId: string): void {
    if (this.running.has(runId)) this.cancelled.add(runId)
  }

  /** Cancels every running run (shutdown). */
  cancelAll(): void {
    for (const runId of this.running) this.cancelled.add(runId)
  }

  private async run(runId: string, options: RunOptions): Promise<CheckProgress> {
    const limit = options.concurrency ?? DEFAULT_CONCURRENCY
    const all = bulkhead(limit, Infinity)
    const perProvider = new Map<ProviderId, BulkheadPolicy>()
    const lane = (id: ProviderId): BulkheadPolicy => {
      if (!perProvider.has(id)) perProvider.set(id, bulkhead(Math.min(limit, providerModule(id).check.maxConcurrent), Infinity))
      return perProvider.get(id)!
    }
    let progress: CheckProgress = { runId, total: options.accounts.length, done: 0, failed: 0, finished: false, cancelled: false }
    const report = (patch: Partial<CheckProgress>): void => {
      progress = { ...progress, ...patch }
      options.onProgress(progress)
    }
    report({})
    await Promise.all(
      options.accounts.map((account) =>
        lane(account.provider).execute(() =>
          all.execute(async () => {
            if (this.cancelled.has(runId)) return
            const ok = await options.check(account).then(
              () => true,
              () => false,
            )
            report({ done: progress.done + 1, failed: progress.failed + (ok ? 0 : 1) })
          }),
        ),
      ),
    )
    const cancelled = this.cancelled.delete(runId)
    this.running.delete(runId)
    report({ finished: true, cancelled })
    return progress
  }
}

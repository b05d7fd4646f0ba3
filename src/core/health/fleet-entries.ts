/**
 * What the scheduler knows per account: its budget key, its newest check and retry step (due
 * times follow from them), whether a check runs, and why it is blocked. Filled from the
 * account list and the history, then kept current from each check's result.
 */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountSchedule, BlockedReason } from '../../shared/fleet'
import type { AccountView } from '../../shared/model'
import { blockedByView } from './blocked-reasons'
import { HELD_BACK_STEP } from './held-back'
import { accountKey } from './provider-budgets'
import { DEFAULT_POLICY, dueAt, lastCheckOf, retryStepOf, worked, type LastCheck, type SchedulePolicy } from './schedule-policy'

export interface Entry {
  account: AccountView
  /** The request budget its checks spend (provider host, Authmatech client). */
  key: string
  last: LastCheck | null
  step: number
  running: boolean
  blocked: BlockedReason | null
  /** A read of its secrets failed; forgotten when the account changes. */
  readFailure: { readonly reason: BlockedReason; readonly updatedAt: string } | null
  /** Not before this: after a skipped round, or a check that could not run. */
  notBefore: number
}

/** Held-back answers are not checks: they change nothing. */
const isCheck = (diagnosis: Diagnosis): boolean => diagnosis.evidence.step !== HELD_BACK_STEP

export class FleetEntries {
  private map = new Map<string, Entry>()
  policy: SchedulePolicy = DEFAULT_POLICY

  get(id: string): Entry | undefined {
    return this.map.get(id)
  }

  all(): Entry[] {
    return [...this.map.values()]
  }

  dueOf(entry: Entry): number {
    return Math.max(dueAt(entry.account.id, entry.last, entry.step, this.policy), entry.notBefore)
  }

  /** Takes a new check into account; false when it is not new (or not a check). */
  record(entry: Entry, latest: Diagnosis): boolean {
    if (latest.checkedAt === entry.last?.checkedAt || !isCheck(latest)) return false
    entry.step = worked(latest) ? 0 : entry.step + 1
    entry.last = lastCheckOf(latest)
    entry.notBefore = 0
    entry.readFailure = null
    return true
  }

  /** The schedule as it stands once `latest` (maybe newer than what the entry has seen) is counted. */
  scheduleOf(entry: Entry, latest: Diagnosis | null, now: number, enabled: boolean): AccountSchedule {
    const probe: Entry = { ...entry }
    if (latest) this.record(probe, latest)
    const due = Math.max(this.dueOf(probe), now)
    return { nextCheckAt: entry.blocked || !enabled ? null : new Date(due).toISOString(), blocked: entry.blocked, retryStep: probe.step }
  }

  /**
   * Recomputes why each entry is blocked (the account list's reason, the keychain lock's, a read
   * that failed on this very account version); returns the entries whose reason changed.
   */
  refreshBlocked(entries: ReadonlyArray<Entry>, lockOf: (account: AccountView) => BlockedReason | null, now: number): Entry[] {
    return entries.filter((entry) => {
      const failure = entry.readFailure?.updatedAt === entry.account.updatedAt ? entry.readFailure.reason : null
      const blocked = blockedByView(entry.account, now) ?? lockOf(entry.account) ?? failure
      if ((blocked?.code ?? null) === (entry.blocked?.code ?? null)) return false
      entry.blocked = blocked
      return true
    })
  }

  /** Replaces the list: known accounts keep their state, new ones start from their history. Returns the ids gone. */
  async replace(accounts: ReadonlyArray<AccountView>, history: (id: string) => Promise<ReadonlyArray<Diagnosis>>): Promise<string[]> {
    const next = new Map<string, Entry>()
    for (const account of accounts) {
      const known = this.map.get(account.id)
      if (known) {
        known.account = account
        known.key = accountKey(account)
        next.set(account.id, known)
        continue
      }
      const checks = (await history(account.id)).filter(isCheck)
      const latest = checks[0]
      next.set(account.id, {
        account,
        key: accountKey(account),
        last: latest ? lastCheckOf(latest) : null,
        step: retryStepOf(checks),
        running: false,
        blocked: null,
        readFailure: null,
        notBefore: 0,
      })
    }
    const gone = [...this.map.keys()].filter((id) => !next.has(id))
    this.map = next
    return gone
  }
}

/** Wraps a task so calls while it runs make it run once more afterwards, not once per call. */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  const run = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = task().finally(() => {
      running = null
      if (again) {
        again = false
        void run()
      }
    })
    return running
  }
  return run
}

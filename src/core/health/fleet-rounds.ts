/**
 * Background rounds, for progress: a round opens when a background check starts while none
 * is open, with every account due at that moment; accounts that come due while it runs join
 * it. It ends when none of its accounts is left to start and no check runs.
 */
import { randomUUID } from 'node:crypto'
import type { FleetProgress } from '../../shared/fleet'

interface Round {
  readonly runId: string
  readonly trigger: FleetProgress['trigger']
  total: number
  done: number
  failed: number
  cancelled: boolean
  /** Members not started yet. */
  readonly pending: Set<string>
}

export class FleetRounds {
  private round: Round | null = null

  constructor(private readonly emit: (progress: FleetProgress) => void) {}

  get current(): FleetProgress | null {
    return this.round ? this.view(this.round, false) : null
  }

  /** A background check starts; `dueNow` lists the accounts that open a new round with it. */
  started(id: string, dueNow: () => Iterable<string>, trigger: FleetProgress['trigger']): void {
    if (!this.round) {
      const pending = new Set(dueNow())
      pending.add(id)
      this.round = { runId: randomUUID(), trigger, total: pending.size, done: 0, failed: 0, cancelled: false, pending }
    } else if (!this.round.pending.has(id)) this.round.total += 1
    this.round.pending.delete(id)
    this.report()
  }

  /** A background check ended; `ran` is false when it could not run (e.g. its secrets were unreadable). */
  finished(ran: boolean): void {
    if (!this.round) return
    this.round.done += 1
    if (!ran) this.round.failed += 1
    this.report()
  }

  /**
   * A member will not be started by this round: checked by someone else meanwhile (done), now
   * blocked (could not run), or deleted (not counted any more).
   */
  leave(id: string, why: 'checked' | 'blocked' | 'removed'): void {
    if (!this.round?.pending.delete(id)) return
    if (why === 'removed') this.round.total -= 1
    else this.finished(why === 'checked')
  }

  /** Drops the members not started yet; returns them (running checks finish). */
  cancel(runId?: string): { readonly runId: string; readonly skipped: ReadonlyArray<string> } | null {
    const round = this.round
    if (!round || (runId !== undefined && runId !== round.runId)) return null
    const skipped = [...round.pending]
    round.pending.clear()
    round.cancelled = true
    this.report()
    return { runId: round.runId, skipped }
  }

  /** Ends the round once nothing is left to start and nothing runs. */
  settle(running: number): void {
    const round = this.round
    if (!round || running > 0 || round.pending.size > 0) return
    this.round = null
    this.emit(this.view(round, true))
  }

  private report(): void {
    if (this.round) this.emit(this.view(this.round, false))
  }

  private view(round: Round, finished: boolean): FleetProgress {
    const { runId, trigger, total, done, failed, cancelled } = round
    return { runId, trigger, total, done, failed, finished, cancelled }
  }
}

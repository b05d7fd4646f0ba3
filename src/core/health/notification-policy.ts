/**
 * Desktop notifications for what background checks find: one per change between "works"
 * (healthy or degraded) and "failing". Unknown answers (outage, rate limit, network) change
 * nothing: the last settled state stands, so an outage blip neither alerts nor "recovers".
 * The change is read off the history, so it is raised once, however many checks follow, and a
 * restart does not repeat it. Changes found close together become one notification.
 */
import { randomUUID } from 'node:crypto'
import type { Diagnosis } from '../../shared/diagnosis'
import type { FleetNotice } from '../../shared/fleet'
import type { FleetClock, TimerHandle } from './fleet-clock'

export type Settled = 'works' | 'failing'

export function settledOf(diagnosis: Diagnosis): Settled | null {
  switch (diagnosis.state) {
    case 'healthy':
    case 'degraded':
      return 'works'
    case 'failing':
      return 'failing'
    case 'unknown':
      return null
  }
}

/** The change the newest check made, if any. A first settled answer is not a change. */
export function transitionOf(history: ReadonlyArray<Diagnosis>): Settled | null {
  const [newest, ...older] = history
  const now = newest ? settledOf(newest) : null
  if (now === null) return null
  const before = older.map(settledOf).find((s) => s !== null)
  return before !== undefined && before !== now ? now : null
}

export interface Transition {
  readonly id: string
  readonly label: string
  readonly to: Settled
  readonly summary: string
}

const MAX_NAMES = 3
const MAX_BODY = 240

function names(list: ReadonlyArray<Transition>): string {
  const shown = list.slice(0, MAX_NAMES).map((t) => t.label)
  const rest = list.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ')
}

const cut = (text: string): string => (text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 1)}…` : text)

/** One notification for a batch of changes. */
export function noticeFor(batch: ReadonlyArray<Transition>): FleetNotice {
  const failing = batch.filter((t) => t.to === 'failing')
  const works = batch.filter((t) => t.to === 'works')
  const accountIds = batch.map((t) => t.id)
  const id = randomUUID()
  if (batch.length === 1) {
    const only = batch[0]!
    const title = only.to === 'failing' ? `${only.label} is failing` : `${only.label} works again`
    return { id, title, body: cut(only.summary), accountIds, kind: only.to === 'failing' ? 'failing' : 'recovered' }
  }
  if (works.length === 0) return { id, title: `${failing.length} accounts are failing`, body: cut(names(failing)), accountIds, kind: 'failing' }
  if (failing.length === 0) return { id, title: `${works.length} accounts work again`, body: cut(names(works)), accountIds, kind: 'recovered' }
  const body = `Failing: ${names(failing)}. Working again: ${names(works)}.`
  return { id, title: `${failing.length} failing, ${works.length} working again`, body: cut(body), accountIds, kind: 'mixed' }
}

export interface NotifierOptions {
  readonly clock: FleetClock
  readonly emit: (notice: FleetNotice) => void
  /** How long changes are gathered before one notification goes out. */
  readonly batchMs?: number
}

export const NOTICE_BATCH_MS = 5_000

export class Notifier {
  private readonly pending = new Map<string, Transition>()
  private timer: TimerHandle | null = null

  constructor(private readonly options: NotifierOptions) {}

  /** A background check ended: if its history shows a change it made, that change is told. */
  consider(account: { readonly id: string; readonly label: string }, diagnosis: Diagnosis, history: ReadonlyArray<Diagnosis>): void {
    if (history[0]?.checkedAt !== diagnosis.checkedAt) return
    const to = transitionOf(history)
    if (to) this.add({ id: account.id, label: account.label, to, summary: diagnosis.summary })
  }

  add(transition: Transition): void {
    const earlier = this.pending.get(transition.id)
    // Failing and back within one batch: nothing to tell.
    if (earlier && earlier.to !== transition.to) this.pending.delete(transition.id)
    else this.pending.set(transition.id, transition)
    this.timer ??= this.options.clock.setTimer(() => this.flush(), this.options.batchMs ?? NOTICE_BATCH_MS, { background: true })
  }

  flush(): void {
    this.timer?.cancel()
    this.timer = null
    const batch = [...this.pending.values()]
    this.pending.clear()
    if (batch.length > 0) this.options.emit(noticeFor(batch))
  }

  /** Drops what was not sent yet (notifications turned off, workspace switched). */
  clear(): void {
    this.timer?.cancel()
    this.timer = null
    this.pending.clear()
  }
}

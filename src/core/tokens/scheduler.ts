/**
 * One timer per workspace for every account's next token event: a min-heap of due times
 * with lazy deletion, and a single timer armed for the earliest one. Sleeps are capped so a
 * suspended machine or a moved wall clock is noticed within `maxSleepMs`.
 */
export interface TokenClock {
  now(): number
  setTimer(delayMs: number, run: () => void): unknown
  clearTimer(handle: unknown): void
}

export const systemClock: TokenClock = {
  now: () => Date.now(),
  setTimer: (delayMs, run) => {
    const timer = setTimeout(run, delayMs)
    // The app keeps the process alive; a CLI run or a test must be able to exit.
    timer.unref()
    return timer
  },
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

interface Entry {
  readonly at: number
  readonly id: string
  readonly version: number
}

export const MAX_SLEEP_MS = 30_000

export class DueScheduler {
  private readonly heap: Entry[] = []
  private readonly current = new Map<string, Entry>()
  private version = 0
  private timer: unknown = null
  private timerAt = Infinity
  private closed = false

  constructor(
    private readonly clock: TokenClock,
    /** Called with every id whose time has come, once; ids are removed before the call. */
    private readonly onDue: (ids: ReadonlyArray<string>) => void,
    /** Called on every wake-up, due or not (to notice changes made by another process). */
    private readonly onWake: () => void = () => undefined,
    private readonly maxSleepMs = MAX_SLEEP_MS,
  ) {}

  /** Sets (or moves) the account's next event. */
  set(id: string, at: number): void {
    const entry = { at, id, version: ++this.version }
    this.current.set(id, entry)
    this.push(entry)
    // Moved events leave stale entries behind; rebuild before they outnumber the live ones.
    if (this.heap.length > 2 * this.current.size + 64) this.rebuild()
    if (at < this.timerAt) this.arm()
  }

  delete(id: string): void {
    this.current.delete(id)
  }

  dueAt(id: string): number | null {
    return this.current.get(id)?.at ?? null
  }

  get size(): number {
    return this.current.size
  }

  close(): void {
    this.closed = true
    if (this.timer !== null) this.clock.clearTimer(this.timer)
    this.timer = null
  }

  private live(entry: Entry): boolean {
    return this.current.get(entry.id)?.version === entry.version
  }

  private peek(): Entry | undefined {
    while (this.heap.length > 0 && !this.live(this.heap[0]!)) this.pop()
    return this.heap[0]
  }

  private arm(): void {
    if (this.closed) return
    if (this.timer !== null) this.clock.clearTimer(this.timer)
    const now = this.clock.now()
    const next = this.peek()?.at ?? Infinity
    this.timerAt = Math.min(next, now + this.maxSleepMs)
    this.timer = this.clock.setTimer(Math.max(0, this.timerAt - now), () => this.fire())
  }

  private fire(): void {
    this.timer = null
    this.timerAt = Infinity
    if (this.closed) return
    const now = this.clock.now()
    const due: string[] = []
    for (let entry = this.peek(); entry !== undefined && entry.at <= now; entry = this.peek()) {
      this.pop()
      this.current.delete(entry.id)
      due.push(entry.id)
    }
    this.onWake()
    if (due.length > 0) this.onDue(due)
    this.arm()
  }

  private rebuild(): void {
    this.heap.length = 0
    for (const entry of this.current.values()) this.push(entry)
  }

  private push(entry: Entry): void {
    const heap = this.heap
    heap.push(entry)
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1
      if (heap[parent]!.at <= heap[i]!.at) break
      ;[heap[parent], heap[i]] = [heap[i]!, heap[parent]!]
      i = parent
    }
  }

  private pop(): void {
    const heap = this.heap
    const last = heap.pop()
    if (last === undefined || heap.length === 0) return
    heap[0] = last
    for (let i = 0; ; ) {
      const left = 2 * i + 1
      const right = left + 1
      let smallest = i
      if (left < heap.length && heap[left]!.at < heap[smallest]!.at) smallest = left
      if (right < heap.length && heap[right]!.at < heap[smallest]!.at) smallest = right
      if (smallest === i) break
      ;[heap[smallest], heap[i]] = [heap[i]!, heap[smallest]!]
      i = smallest
    }
  }
}

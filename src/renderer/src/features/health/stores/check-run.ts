import { create } from 'zustand'
import type { CheckProgress } from '@shared/health'

interface CheckRunState {
  /** The "check all" run this window started, with its latest progress; null when none. */
  readonly run: CheckProgress | null
  /** Ids with a single "check now" running. */
  readonly checking: ReadonlySet<string>
  started(runId: string, total: number): void
  progressed(progress: CheckProgress): void
  dismiss(): void
  setChecking(id: string, on: boolean): void
}

/**
 * Progress arrives as `health:progress` events, possibly before `health:check-all` has
 * answered with the run id: events of unknown runs are kept until the answer names one.
 */
const early = new Map<string, CheckProgress>()

export const useCheckRun = create<CheckRunState>((set, get) => ({
  run: null,
  checking: new Set(),
  started: (runId, total) => {
    const seen = early.get(runId)
    early.clear()
    set({ run: seen ?? { runId, total, done: 0, failed: 0, finished: total === 0, cancelled: false } })
  },
  progressed: (progress) => {
    const run = get().run
    if (run?.runId === progress.runId) {
      if (progress.done >= run.done || progress.finished) set({ run: progress })
    } else if (!run || run.finished) early.set(progress.runId, progress)
  },
  dismiss: () => set({ run: null }),
  setChecking: (id, on) => {
    const next = new Set(get().checking)
    if (on) next.add(id)
    else next.delete(id)
    set({ checking: next })
  },
}))

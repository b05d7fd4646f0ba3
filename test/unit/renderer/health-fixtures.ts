import type { CauseCode } from '../../../src/shared/causes'
import type { Diagnosis } from '../../../src/shared/diagnosis'
import type { ScheduledHealth } from '../../../src/shared/fleet'

export function diagnosis(cause: CauseCode, state: Diagnosis['state'], checkedAt: string, extra: Partial<Diagnosis> = {}): Diagnosis {
  return {
    provider: 'nmbrs',
    state,
    cause,
    retryable: false,
    summary: `${cause} at ${checkedAt}`,
    evidence: { step: 'List_GetAll', status: 500 },
    knowledgeSteps: [],
    checkedAt,
    durationMs: 12,
    clockSkewMs: null,
    details: {},
    transcript: [],
    ...extra,
  }
}

export function health(id: string, latest: Diagnosis | null, extra: Partial<ScheduledHealth> = {}): ScheduledHealth {
  return { id, latest, lastHealthyAt: null, lastCheckedAt: latest?.checkedAt ?? null, ...extra }
}

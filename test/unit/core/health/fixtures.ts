import type { Diagnosis, DiagnosedState } from '../../../../src/shared/diagnosis'
import type { AccountView, BuiltInProviderId, SecretsStatus } from '../../../../src/shared/model'
import type { CauseCode } from '../../../../src/shared/causes'

const CAUSE: Record<DiagnosedState, CauseCode> = { healthy: 'ok', degraded: 'clock.skew', failing: 'credentials.invalid', unknown: 'server.unavailable' }

export function diagnosis(state: DiagnosedState, overrides: Partial<Diagnosis> & { readonly at?: number } = {}): Diagnosis {
  const { at, ...rest } = overrides
  return {
    provider: 'nmbrs',
    state,
    cause: CAUSE[state],
    retryable: state === 'unknown',
    summary: `It is ${state}.`,
    evidence: { step: 'probe' },
    knowledgeSteps: [],
    checkedAt: new Date(at ?? Date.parse('2026-11-01T00:00:00Z')).toISOString(),
    durationMs: 1,
    clockSkewMs: null,
    details: {},
    transcript: [],
    ...rest,
  }
}

export function account(id: string, provider: BuiltInProviderId = 'nmbrs', secretsStatus: SecretsStatus = 'keychain', fields: Record<string, string> = {}): AccountView {
  return {
    id,
    label: `Account ${id}`,
    provider,
    environment: 'production',
    baseUrl: `http://127.0.0.1:1/${provider}`,
    baseUrlConfirmedAt: null,
    fields,
    secrets: {},
    scopes: [],
    notes: '',
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    lastRotatedAt: null,
    secretsStatus,
    problems: [],
  }
}

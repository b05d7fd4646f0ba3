import { describe, expect, it } from 'vitest'
import type { WizardEntry, WizardTrail } from '../../../src/shared/wizard'
import { activeTrail, needsTroubleshooting, retestNote, stepKind, wizardPosition } from '../../../src/renderer/src/features/health/utils/wizard-progress'
import { diagnosis } from './health-fixtures'

const entry = (stepId: string, outcome: WizardEntry['outcome'], at = '2026-01-02T10:00:00Z'): WizardEntry => ({ stepId, outcome, at, note: null })
const STEPS = ['one', 'two', 'three']

describe('the wizard position', () => {
  it('starts at the first step and moves past no, skipped and done', () => {
    expect(wizardPosition(STEPS, []).current).toBe(0)
    expect(wizardPosition(STEPS, [entry('one', 'no'), entry('two', 'skipped')])).toEqual({ statuses: ['done', 'done', 'todo'], current: 2 })
    expect(wizardPosition(STEPS, [entry('one', 'done'), entry('two', 'no'), entry('three', 'no')]).current).toBe(3)
  })

  it('a "yes" or an applied fix waits for a re-test, recorded under the step or as a general re-test', () => {
    expect(wizardPosition(STEPS, [entry('one', 'yes')])).toEqual({ statuses: ['awaiting-retest', 'todo', 'todo'], current: 0 })
    expect(wizardPosition(STEPS, [entry('one', 'fix-applied'), entry('retest', 'retested')]).current).toBe(1)
    expect(wizardPosition(STEPS, [entry('one', 'yes'), entry('one', 'retested')]).current).toBe(1)
  })

  it('offers the wizard for failing, degraded and unknown accounts only', () => {
    expect(['healthy', 'degraded', 'failing', 'unknown', 'unchecked'].filter((s) => needsTroubleshooting(s as never))).toEqual(['degraded', 'failing', 'unknown'])
  })
})

describe('automatic steps', () => {
  const nmbrs = diagnosis('domain.invalid', 'failing', '2026-01-02T10:00:00Z', { details: { suggestedDomain: 'acme' } })
  it('proposes the domain Nmbrs reports unless the account already has it', () => {
    expect(stepKind('nmbrs.domain-from-environment-get', nmbrs, 'acme-bv')).toBe('domain-fix')
    expect(stepKind('nmbrs.domain-from-environment-get', nmbrs, 'acme')).toBe('question')
    expect(stepKind('nmbrs.domain-short-form', nmbrs, 'acme-bv')).toBe('question')
  })

  it('shows token claims on SMSGate steps and products on the Authmatech product step', () => {
    const token = diagnosis('scope.missing', 'failing', '2026-01-02T10:00:00Z', { details: { token: { scopes: [], missingScopes: ['devices:list'], expiresAt: null, issuer: null } } })
    expect(stepKind('smsgate.add-scope', token, undefined)).toBe('token-claims')
    const products = diagnosis('permission.denied', 'failing', '2026-01-02T10:00:00Z', { details: { enabledProducts: ['TRUST'], disabledProducts: ['VERIFY'] } })
    expect(stepKind('authmatech.enable-product', products, undefined)).toBe('products')
  })

  it('notes re-tests in words', () => {
    expect(retestNote(nmbrs)).toBe('re-test: failing (domain.invalid)')
    expect(retestNote(diagnosis('ok', 'healthy', '2026-01-02T10:00:00Z'))).toBe('re-test: healthy')
  })
})

describe('which trail the wizard continues', () => {
  const trail = (status: WizardTrail['status'], updatedAt: string): WizardTrail => ({ accountId: 'a', startedAt: updatedAt, updatedAt, status, entries: [] })
  it('continues an open trail, and shows a finished one until the account fails again', () => {
    const later = diagnosis('domain.invalid', 'failing', '2026-01-03T00:00:00Z')
    const earlier = diagnosis('domain.invalid', 'failing', '2026-01-01T00:00:00Z')
    expect(activeTrail(trail('open', '2026-01-02T00:00:00Z'), later)?.status).toBe('open')
    expect(activeTrail(trail('fixed', '2026-01-02T00:00:00Z'), earlier)?.status).toBe('fixed')
    expect(activeTrail(trail('fixed', '2026-01-02T00:00:00Z'), later)).toBeNull()
    expect(activeTrail(null, later)).toBeNull()
  })
})

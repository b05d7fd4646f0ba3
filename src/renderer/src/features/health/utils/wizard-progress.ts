/**
 * Where the troubleshooting wizard stands, from the diagnosis's steps and the saved trail.
 * Pure. A step is done once answered "no"/"skipped"/"done", or once a re-test followed a
 * "yes" (the problem was found and fixed) or an applied fix.
 */
import type { Diagnosis } from '../../../../../shared/diagnosis'
import type { HealthState } from '../../../../../shared/model'
import type { WizardEntry, WizardOutcome, WizardTrail } from '../../../../../shared/wizard'

/** The wizard is offered for these states. */
export const needsTroubleshooting = (state: HealthState): boolean => state === 'failing' || state === 'degraded' || state === 'unknown'

/** The id re-tests are recorded under when no step asked for them. */
export const RETEST_STEP = 'retest'
export const BUNDLE_STEP = 'support-bundle'

export type StepKind = 'domain-fix' | 'token-claims' | 'products' | 'question'

/** Automatic steps are those where the diagnosis already holds the answer to show or apply. */
export function stepKind(stepId: string, diagnosis: Diagnosis, currentDomain: string | undefined): StepKind {
  const { suggestedDomain, token, enabledProducts, disabledProducts } = diagnosis.details
  if (stepId === 'nmbrs.domain-from-environment-get' && suggestedDomain && suggestedDomain !== currentDomain) return 'domain-fix'
  if (stepId.startsWith('smsgate.') && token) return 'token-claims'
  if (stepId === 'authmatech.enable-product' && (enabledProducts || disabledProducts)) return 'products'
  return 'question'
}

export type StepStatus = 'todo' | 'awaiting-retest' | 'done'

const CLOSING: ReadonlySet<WizardOutcome> = new Set(['no', 'skipped', 'done'])
const NEEDS_RETEST: ReadonlySet<WizardOutcome> = new Set(['yes', 'fix-applied'])

export function stepStatus(stepId: string, entries: ReadonlyArray<WizardEntry>): StepStatus {
  let status: StepStatus = 'todo'
  for (const entry of entries) {
    if (entry.stepId === stepId) {
      if (CLOSING.has(entry.outcome)) status = 'done'
      else if (NEEDS_RETEST.has(entry.outcome)) status = 'awaiting-retest'
      else if (entry.outcome === 'retested' || entry.outcome === 'fixed') status = 'done'
    } else if (status === 'awaiting-retest' && (entry.outcome === 'retested' || entry.outcome === 'fixed')) status = 'done'
  }
  return status
}

export interface WizardPosition {
  readonly statuses: ReadonlyArray<StepStatus>
  /** The step to work on; equals the number of steps once all are done. */
  readonly current: number
}

export function wizardPosition(stepIds: ReadonlyArray<string>, entries: ReadonlyArray<WizardEntry>): WizardPosition {
  const statuses = stepIds.map((id) => stepStatus(id, entries))
  const current = statuses.findIndex((s) => s !== 'done')
  return { statuses, current: current === -1 ? stepIds.length : current }
}

/**
 * The trail to continue: an open one, or a finished one while nothing happened since. A
 * trail that ended (fixed or escalated) before the account failed again belongs to an
 * earlier problem: the wizard starts afresh, and core starts a new trail on the first answer.
 */
export function activeTrail(trail: WizardTrail | null | undefined, latest: Diagnosis | null): WizardTrail | null {
  if (!trail) return null
  if (trail.status === 'open') return trail
  const failedSince = latest !== null && latest.state !== 'healthy' && latest.checkedAt > trail.updatedAt
  return failedSince ? null : trail
}

const OUTCOME_WORDS: Readonly<Record<WizardOutcome, string>> = {
  done: 'Done',
  yes: 'Found the problem',
  no: 'Not the problem',
  skipped: 'Skipped',
  'fix-applied': 'Fix applied',
  retested: 'Re-tested',
  fixed: 'Fixed',
  bundle: 'Support bundle requested',
}

export const outcomeText = (outcome: WizardOutcome): string => OUTCOME_WORDS[outcome]

/** The note a re-test leaves on the trail, e.g. "re-test: failing (domain.invalid)". */
export const retestNote = (diagnosis: Diagnosis): string => `re-test: ${diagnosis.state}${diagnosis.state === 'healthy' ? '' : ` (${diagnosis.cause})`}`

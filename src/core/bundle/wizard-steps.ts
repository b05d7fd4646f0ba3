/** The wizard's saved trail (core/wizard) as the bundle's steps: what was done, and what the user answered or noted. */
import type { WizardTrail } from '../../shared/wizard'
import type { WizardTrailStep } from './types'

export function wizardSteps(trail: WizardTrail | null): WizardTrailStep[] {
  return (trail?.entries ?? []).map((e) => ({ stepId: e.stepId, answer: e.note ? `${e.outcome}: ${e.note}` : e.outcome, at: e.at }))
}

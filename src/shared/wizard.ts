/** The troubleshooting wizard's knowledge and the trail a user leaves walking it (no secrets). */

export interface KnowledgeStepView {
  readonly id: string
  readonly title: string
  readonly text: string
}

export const WIZARD_OUTCOMES = ['done', 'yes', 'no', 'skipped', 'fix-applied', 'retested', 'fixed', 'bundle'] as const
export type WizardOutcome = (typeof WIZARD_OUTCOMES)[number]

export interface WizardEntry {
  readonly stepId: string
  readonly outcome: WizardOutcome
  readonly at: string
  /** What happened, in words (e.g. "DOMAIN set to acme", "re-test: healthy"). Never a secret. */
  readonly note: string | null
}

export interface WizardTrail {
  readonly accountId: string
  readonly startedAt: string
  readonly updatedAt: string
  /** `fixed` after a healthy re-test; `escalated` once a support bundle was asked for. */
  readonly status: 'open' | 'fixed' | 'escalated'
  readonly entries: ReadonlyArray<WizardEntry>
}

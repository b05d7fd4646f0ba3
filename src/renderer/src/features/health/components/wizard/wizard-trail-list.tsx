import type { KnowledgeStepView, WizardTrail } from '@shared/wizard'
import { RelativeTime } from '@renderer/components/relative-time'
import { SectionCard } from '@renderer/components/section-card'
import { BUNDLE_STEP, outcomeText, RETEST_STEP } from '@renderer/features/health/utils/wizard-progress'

function stepTitle(stepId: string, steps: ReadonlyMap<string, KnowledgeStepView>): string {
  if (stepId === RETEST_STEP) return 'Re-test'
  if (stepId === BUNDLE_STEP) return 'Support bundle'
  return steps.get(stepId)?.title ?? stepId
}

/** Everything answered so far (saved in core, so it is here again after closing the wizard). */
export function WizardTrailList({ trail, steps }: { readonly trail: WizardTrail; readonly steps: ReadonlyMap<string, KnowledgeStepView> }) {
  return (
    <SectionCard
      title="What you did"
      icon="history"
      testId="wizard-trail"
      subtitle={
        <>
          Started <RelativeTime at={trail.startedAt} withDate /> · saved, so closing the wizard loses nothing
        </>
      }
    >
      <ol className="trail-list">
        {trail.entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className={`trail-entry trail-${entry.outcome}`} data-testid="trail-entry">
            <span className="trail-step">{stepTitle(entry.stepId, steps)}</span>
            <span className="trail-outcome">{outcomeText(entry.outcome)}</span>
            {entry.note && <span className="trail-note">{entry.note}</span>}
            <time className="trail-time" dateTime={entry.at}>
              <RelativeTime at={entry.at} />
            </time>
          </li>
        ))}
      </ol>
    </SectionCard>
  )
}

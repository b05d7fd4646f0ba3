import { CAUSES } from '@shared/causes'
import type { Diagnosis } from '@shared/diagnosis'
import type { BlockedReason } from '@shared/fleet'
import { EmptyState } from '@renderer/components/empty-state'
import { Icon } from '@renderer/components/icon'
import { RelativeTime } from '@renderer/components/relative-time'
import { SectionCard } from '@renderer/components/section-card'
import { StateBadge } from '@renderer/components/state-badge'
import { evidenceRows, skewText } from '@renderer/features/health/utils/diagnosis-text'
import { DiagnosisDetails } from './diagnosis-details'

function Verdict({ diagnosis }: { readonly diagnosis: Diagnosis }) {
  return (
    <div className={`verdict-line verdict-${diagnosis.state}`}>
      <StateBadge state={diagnosis.state} />
      <span className="verdict-cause">{CAUSES[diagnosis.cause].title}</span>
      <code className="verdict-code" title="Cause code">
        {diagnosis.cause}
      </code>
    </div>
  )
}

/** The newest diagnosis: verdict, summary, evidence and what the provider told us. Provider text is rendered as text. */
export function DiagnosisCard({ diagnosis, providerLabel, blocked }: { readonly diagnosis: Diagnosis | null; readonly providerLabel: string; readonly blocked: BlockedReason | null }) {
  if (!diagnosis)
    return (
      <SectionCard title="Current diagnosis" icon="healthy" testId="diagnosis-card">
        {blocked ? (
          <p className="note-box">
            <Icon name="lock" />
            {blocked.message}
          </p>
        ) : (
          <EmptyState icon="unchecked" title="Not checked yet">
            <p>Check the account to see whether {providerLabel} accepts its credentials, and why not.</p>
          </EmptyState>
        )}
      </SectionCard>
    )
  const skew = skewText(diagnosis.clockSkewMs, providerLabel)
  const { inferred } = diagnosis.evidence
  return (
    <SectionCard
      title="Current diagnosis"
      icon="healthy"
      testId="diagnosis-card"
      className="diagnosis-card"
      subtitle={
        <>
          Checked <RelativeTime at={diagnosis.checkedAt} withDate /> in {diagnosis.durationMs} ms
        </>
      }
    >
      <Verdict diagnosis={diagnosis} />
      {blocked && (
        <p className="note-box">
          <Icon name="lock" />
          {blocked.message}
        </p>
      )}
      <p className="diagnosis-summary" data-testid="diagnosis-summary">
        {diagnosis.summary}
      </p>
      {inferred && (
        <p className="note-box" data-testid="diagnosis-inferred">
          <Icon name="info" />
          <span>
            <strong>Inferred, not read off the wire:</strong> {inferred}
          </span>
        </p>
      )}
      <dl className="facts" data-testid="diagnosis-evidence">
        {evidenceRows(diagnosis.evidence).map((row) => (
          <div key={row.label} className="facts-row">
            <dt>{row.label}</dt>
            <dd className={row.fromProvider ? 'provider-text' : undefined}>{row.mono ? <code>{row.value}</code> : row.value}</dd>
          </div>
        ))}
        {skew && (
          <div className="facts-row">
            <dt>Clock</dt>
            <dd className={skew.notable ? 'text-warning' : undefined} data-testid="clock-skew">
              {skew.text}
            </dd>
          </div>
        )}
        {diagnosis.state !== 'healthy' && (
          <div className="facts-row">
            <dt>Retry</dt>
            <dd>{diagnosis.retryable ? 'Trying again later may give another answer.' : 'Trying again will not help until something is changed.'}</dd>
          </div>
        )}
      </dl>
      <DiagnosisDetails details={diagnosis.details} />
    </SectionCard>
  )
}

import { useState, type ReactNode } from 'react'
import { displayedState } from '@shared/fleet'
import type { AccountView } from '@shared/model'
import { Banner } from '@renderer/components/banner'
import { Icon } from '@renderer/components/icon'
import { PageHeader } from '@renderer/components/page-header'
import { StateBadge } from '@renderer/components/state-badge'
import { useChangedSinceCheck } from '@renderer/stores/changed-since-check'
import { useToasts, type Toast } from '@renderer/stores/toast-store'
import { HEALTH_META } from '@renderer/components/health-states'
import { useCheckAccount } from '@renderer/features/health/api/check-account'
import { useWizardTrail } from '@renderer/features/health/api/get-wizard-trail'
import { useAccountHealth } from '@renderer/features/health/hooks/use-account-health'
import { useCheckRun } from '@renderer/features/health/stores/check-run'
import { needsTroubleshooting } from '@renderer/features/health/utils/wizard-progress'
import { DiagnosisCard } from './diagnosis-card'
import { HistoryTimeline } from './history-timeline'
import { TranscriptViewer } from './transcript-viewer'

export interface AccountDetailProps {
  readonly account: AccountView
  readonly providerLabel: string
  readonly environmentLabel: string
  /** Deadlines and key rotation (from the tokens feature). */
  readonly rotation?: ReactNode
  /** The token panel (from the tokens feature), for providers with the tokens capability. */
  readonly tokens?: ReactNode
  readonly onBack: () => void
  readonly onEdit: () => void
  readonly onTroubleshoot: () => void
  readonly onBundle: () => void
}

/** A check's toast looks like its outcome: only a healthy answer is a success. */
const TOAST_TONE: Readonly<Record<'healthy' | 'degraded' | 'failing' | 'unknown', Toast['tone']>> = { healthy: 'success', degraded: 'warning', failing: 'danger', unknown: 'warning' }

/** One account: its current diagnosis with evidence, deadlines, tokens, history and the last transcript. */
export function AccountDetailScreen(props: AccountDetailProps) {
  const { account, providerLabel } = props
  const { health, pending } = useAccountHealth(account.id)
  const check = useCheckAccount()
  const checking = useCheckRun((s) => s.checking.has(account.id))
  const toast = useToasts((s) => s.show)
  // The wizard stays reachable while it holds answers, e.g. to read how the account was fixed.
  const trail = useWizardTrail(account.id)
  const [error, setError] = useState<string | null>(null)
  const state = health ? displayedState(health) : 'unchecked'
  const latest = health?.latest ?? null
  const changed = useChangedSinceCheck((s) => s.ids.has(account.id)) && latest !== null && !checking

  const checkNow = (): void => {
    setError(null)
    check(account.id).then(
      (d) => toast(`Checked “${account.label}”: ${HEALTH_META[d.state].label.toLowerCase()}.`, TOAST_TONE[d.state]),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    )
  }

  return (
    <div className="screen screen-account" data-testid="account-detail">
      <PageHeader
        back={
          <button type="button" className="btn btn-link back-link" onClick={props.onBack}>
            <Icon name="arrowLeft" size={14} />
            All accounts
          </button>
        }
        title={account.label}
        subtitle={
          <span className="account-subtitle">
            <StateBadge state={state} size="sm" />
            <span>
              {providerLabel} · {props.environmentLabel}
            </span>
          </span>
        }
        actions={
          <>
            <button type="button" className="btn" onClick={props.onEdit}>
              <Icon name="edit" />
              Edit
            </button>
            {latest && (
              <button type="button" className="btn" onClick={props.onBundle}>
                <Icon name="box" />
                Support bundle
              </button>
            )}
            {(needsTroubleshooting(state) || Boolean(trail.data)) && (
              <button type="button" className="btn" onClick={props.onTroubleshoot}>
                <Icon name="wrench" />
                Troubleshoot
              </button>
            )}
            <button type="button" className="btn btn-primary" onClick={checkNow} disabled={checking} aria-busy={checking}>
              {checking ? <span className="spinner" aria-hidden="true" /> : <Icon name="refresh" />}
              {checking ? 'Checking…' : 'Check now'}
            </button>
          </>
        }
      />
      {changed && (
        <Banner
          tone="info"
          title="Changed since the last check — re-test"
          testId="changed-since-check"
          action={
            <button type="button" className="btn btn-sm btn-primary" onClick={checkNow}>
              <Icon name="refresh" />
              Re-test now
            </button>
          }
        >
          The result below is from before your change.
        </Banner>
      )}
      {error && (
        <Banner tone="danger" alert title="The check could not run">
          {error}
        </Banner>
      )}
      {pending ? (
        <p role="status" className="loading">
          Loading…
        </p>
      ) : (
        <div className="detail-grid">
          <div className="detail-main">
            <DiagnosisCard diagnosis={latest} providerLabel={providerLabel} blocked={health?.schedule?.blocked ?? null} />
          </div>
          <div className="detail-side">
            {props.rotation}
            <HistoryTimeline accountId={account.id} lastHealthyAt={health?.lastHealthyAt ?? null} nextCheckAt={health?.schedule?.nextCheckAt ?? null} />
          </div>
          {props.tokens && <div className="detail-wide">{props.tokens}</div>}
          {latest && (
            <div className="detail-wide">
              <TranscriptViewer entries={latest.transcript} />
            </div>
          )}
        </div>
      )}
    </div>
  )
}

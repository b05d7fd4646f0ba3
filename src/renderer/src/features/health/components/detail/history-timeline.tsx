import { CAUSES } from '@shared/causes'
import { Countdown } from '@renderer/components/countdown'
import { HEALTH_META } from '@renderer/components/health-states'
import { Icon } from '@renderer/components/icon'
import { RelativeTime } from '@renderer/components/relative-time'
import { SectionCard } from '@renderer/components/section-card'
import { formatDateTime } from '@renderer/lib/format-time'
import { useHistory } from '@renderer/features/health/api/get-history'
import { groupHistory } from '@renderer/features/health/utils/history-groups'

/** Shown at most; the store keeps a bounded history anyway. */
const SHOWN = 30

function LastWorked({ lastHealthyAt, checked }: { readonly lastHealthyAt: string | null; readonly checked: boolean }) {
  if (!checked) return <p className="muted">No check has run yet.</p>
  return (
    <p className="last-worked" data-testid="last-worked">
      <Icon name={lastHealthyAt ? 'healthy' : 'failing'} className={lastHealthyAt ? 'state-healthy-icon' : 'state-failing-icon'} />
      {lastHealthyAt ? (
        <span>
          Last worked <RelativeTime at={lastHealthyAt} withDate />
        </span>
      ) : (
        <span>Has not worked in any check on record.</span>
      )}
    </p>
  )
}

/** The account's checks, newest first, as a timeline: when it changed state and when it last worked. */
export function HistoryTimeline(props: { readonly accountId: string; readonly lastHealthyAt: string | null; readonly nextCheckAt: string | null }) {
  const { accountId, lastHealthyAt, nextCheckAt } = props
  const history = useHistory(accountId)
  const entries = history.data ?? []
  const subtitle = history.data && (
    <>
      {entries.length} check{entries.length === 1 ? '' : 's'} on record
      {nextCheckAt && (
        <>
          {' '}
          · next automatic check <Countdown at={nextCheckAt} label="Next automatic check" />
        </>
      )}
    </>
  )
  return (
    <SectionCard title="Check history" icon="history" testId="history-timeline" subtitle={subtitle || undefined}>
      {history.isError && <p role="alert">The history could not be loaded: {history.error.message}</p>}
      {history.data && <LastWorked lastHealthyAt={lastHealthyAt} checked={entries.length > 0} />}
      {entries.length > 0 && (
        <ol className="timeline" aria-label="Checks, newest first">
          {groupHistory(entries).slice(0, SHOWN).map(({ newest: d, count, since, changed }) => (
            <li key={d.checkedAt} className={`timeline-item timeline-${d.state}`} data-testid="history-entry">
              <span className="timeline-marker">
                <Icon name={HEALTH_META[d.state].icon} size={14} />
              </span>
              <div className="timeline-body">
                <div className="timeline-head">
                  <strong>{HEALTH_META[d.state].label}</strong>
                  <span>{CAUSES[d.cause].title}</span>
                  {changed && <span className="tag tag-unknown">changed</span>}
                </div>
                <span className="timeline-time">
                  <time dateTime={d.checkedAt}>{formatDateTime(d.checkedAt)}</time>
                  {count > 1 && (
                    <>
                      {' '}
                      · {count} checks since <time dateTime={since}>{formatDateTime(since)}</time>
                    </>
                  )}
                </span>
                <p className="timeline-summary">{d.summary}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  )
}

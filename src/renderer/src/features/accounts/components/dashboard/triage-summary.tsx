import type { HealthState } from '@shared/model'
import { HEALTH_META, STATE_ORDER } from '@renderer/components/health-states'
import { Icon } from '@renderer/components/icon'
import { useDashboardFilters } from '@renderer/features/accounts/stores/dashboard-filters'

/**
 * "30 failing · 3 unknown · 13 healthy": the result of the last checks, most urgent first. Each
 * part shows only those accounts (press again, or "Show all", for every account).
 */
export function TriageSummary({ counts, total }: { readonly counts: Record<HealthState, number>; readonly total: number }) {
  const { state, setState } = useDashboardFilters()
  const parts = STATE_ORDER.filter((s) => counts[s] > 0)
  return (
    <div className="triage-summary" role="group" aria-label="Accounts by state" data-testid="triage-summary">
      {parts.map((s, index) => (
        <span key={s} className="triage-part">
          {index > 0 && (
            <span className="triage-separator" aria-hidden="true">
              {' · '}
            </span>
          )}
          <button
            type="button"
            className={`triage-button triage-${s}`}
            aria-pressed={state === s}
            onClick={() => setState(state === s ? 'all' : s)}
            data-state={s}
          >
            <Icon name={HEALTH_META[s].icon} size={15} className={`state-${s}-icon`} />
            <span className="triage-count">{counts[s]}</span> {HEALTH_META[s].label.toLowerCase()}
          </button>
        </span>
      ))}
      {state !== 'all' && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setState('all')}>
          Show all {total}
        </button>
      )}
    </div>
  )
}

import { memo } from 'react'
import { Icon } from '@renderer/components/icon'
import { MenuButton } from '@renderer/components/menu-button'
import { StateBadge } from '@renderer/components/state-badge'
import { RelativeTime } from '@renderer/components/relative-time'
import type { AccountRow } from '@renderer/features/accounts/utils/account-rows'
import { credentialSummary, PROBLEM_TITLES } from '@renderer/features/accounts/utils/secrets-summary'
import type { GroupItem } from '@renderer/features/accounts/utils/triage'
import { HEALTH_META } from '@renderer/components/health-states'
import { RowDeadline } from './row-deadline'

export interface RowActions {
  readonly onOpen: (id: string) => void
  /** Checks the account now (from the health feature); absent: no "Check now" item. */
  readonly onCheck?: (id: string) => void
  /** Opens the troubleshooting wizard (from the health feature); absent: no Troubleshoot action. */
  readonly onTroubleshoot?: (id: string) => void
  readonly onEdit: (id: string) => void
  readonly onDuplicate: (id: string) => void
  readonly onDelete: (id: string) => void
}

const NEEDS_TROUBLESHOOTING = new Set(['failing', 'degraded', 'unknown'])

/** The account's own problems (secrets missing, fields incomplete), as a warning mark with the full text. */
function ProblemMark({ row }: { readonly row: AccountRow }) {
  const problems = row.account.problems
  const first = problems[0]
  if (!first) return null
  const text = problems.map((p) => `${PROBLEM_TITLES[p.code]}: ${p.message}`).join('\n')
  return (
    <span className="row-problem" title={text} data-testid="row-problem">
      <Icon name="warning" size={13} />
      {PROBLEM_TITLES[first.code]}
      {problems.length > 1 && ` (+${problems.length - 1})`}
    </span>
  )
}

function positionStyle(start: number) {
  return { transform: `translateY(${start}px)` }
}

/** A heading over the accounts that share one cause: "12 × Credentials rejected". */
export function GroupHeading({ item, index, start }: { readonly item: GroupItem; readonly index: number; readonly start: number }) {
  return (
    <div role="row" aria-rowindex={index + 2} className="account-group" style={positionStyle(start)} data-testid="cause-group" data-cause={item.cause}>
      <div role="cell" aria-colspan={7} className="account-group-cell">
        <Icon name={HEALTH_META[item.state].icon} size={14} className={`state-${item.state}-icon`} />
        <span>
          <span className="account-group-count">{item.count} ×</span> {item.title}
        </span>
      </div>
    </div>
  )
}

/** One account in the dashboard; memoised so a tick or a filter change redraws only what changed. */
export const AccountRowView = memo(function AccountRowView(props: {
  readonly row: AccountRow
  readonly index: number
  readonly start: number
  readonly grouped: boolean
  readonly highlighted: boolean
  readonly actions: RowActions
}) {
  const { row, actions } = props
  const { account, health, countdown } = row
  const credentials = credentialSummary(account)
  const provider = `${row.providerLabel} · ${row.environmentLabel}`
  const reason = health.checking ? 'Checking…' : (health.detail ?? health.summary)
  const troubleshoot = actions.onTroubleshoot && NEEDS_TROUBLESHOOTING.has(health.state) ? actions.onTroubleshoot : undefined
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className={`account-grid account-row${props.grouped ? ' is-grouped' : ''}${props.highlighted ? ' is-highlighted' : ''}`}
      style={positionStyle(props.start)}
      data-testid="account-row"
      data-account-id={account.id}
      onClick={() => actions.onOpen(account.id)}
    >
      <div role="cell" className="cell-account" title={`${account.label}\n${credentials}`}>
        <button
          type="button"
          className="row-title"
          onClick={(event) => {
            event.stopPropagation()
            actions.onOpen(account.id)
          }}
        >
          {account.label}
        </button>
        <span className="row-sub mono" data-testid="credential-summary">
          {credentials}
        </span>
      </div>
      <div role="cell" className="cell-provider" title={provider}>
        <span className="row-main">{row.providerLabel}</span>
        <span className="row-sub">{row.environmentLabel}</span>
      </div>
      <div role="cell" className="cell-state">
        {health.checking ? (
          <span className="checking-badge" data-testid="row-checking">
            <span className="spinner" aria-hidden="true" />
            Checking…
          </span>
        ) : (
          <StateBadge state={health.state} size="sm" />
        )}
      </div>
      <div role="cell" className="cell-details" title={props.grouped ? reason : `${health.summary}: ${reason}`}>
        {!props.grouped && health.cause && <span className="row-cause">{health.summary}:</span>}
        <span className="row-main" data-testid="row-reason">
          {reason}
        </span>
        <ProblemMark row={row} />
      </div>
      <div role="cell" className="cell-time cell-checked">
        {health.checkedAt ? <RelativeTime at={health.checkedAt} /> : <span className="muted">Never checked</span>}
      </div>
      <div role="cell" className="cell-time cell-deadline">
        <RowDeadline target={countdown} />
      </div>
      <div role="cell" className="cell-actions" onClick={(e) => e.stopPropagation()}>
        {troubleshoot && (
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-sm row-troubleshoot"
            aria-label={`Troubleshoot ${account.label}`}
            title="Troubleshoot: find the cause and fix it"
            onClick={() => troubleshoot(account.id)}
          >
            <Icon name="wrench" size={15} />
          </button>
        )}
        <MenuButton
          label={`Actions for ${account.label}`}
          items={[
            ...(troubleshoot ? [{ label: 'Troubleshoot', icon: 'wrench' as const, onSelect: () => troubleshoot(account.id) }] : []),
            ...(actions.onCheck ? [{ label: 'Check now', icon: 'refresh' as const, onSelect: () => actions.onCheck?.(account.id) }] : []),
            { label: 'Edit', icon: 'edit', onSelect: () => actions.onEdit(account.id) },
            { label: 'Duplicate', icon: 'copy', onSelect: () => actions.onDuplicate(account.id) },
            { label: 'Delete…', icon: 'trash', onSelect: () => actions.onDelete(account.id), danger: true },
          ]}
        />
      </div>
    </div>
  )
})

import { memo } from 'react'
import { COUNTDOWN_LABELS } from '../../../../lib/health-summary'
import { Countdown } from '../../../../components/countdown'
import { Icon } from '../../../../components/icon'
import { MenuButton } from '../../../../components/menu-button'
import { StateBadge } from '../../../../components/state-badge'
import { RelativeTime } from '../../../../components/relative-time'
import type { AccountRow } from '../../utils/account-rows'
import { credentialSummary, PROBLEM_TITLES, SECRETS_STATUS_TEXT } from '../../utils/secrets-summary'

export interface RowActions {
  readonly onOpen: (id: string) => void
  /** Checks the account now (from the health feature); absent: no "Check now" item. */
  readonly onCheck?: (id: string) => void
  readonly onEdit: (id: string) => void
  readonly onDuplicate: (id: string) => void
  readonly onDelete: (id: string) => void
}

/** The secrets line under the state summary: the first problem, else where the secrets are. */
function SecretsLine({ row }: { readonly row: AccountRow }) {
  const [first, ...more] = row.account.problems
  if (!first)
    return (
      <span className="row-sub">
        <Icon name="lock" size={13} />
        {SECRETS_STATUS_TEXT[row.account.secretsStatus]}
      </span>
    )
  return (
    <span className="row-sub row-problem" title={row.account.problems.map((p) => p.message).join('\n')}>
      <Icon name="warning" size={13} />
      {PROBLEM_TITLES[first.code]}
      {more.length > 0 && ` (+${more.length})`}
    </span>
  )
}

/** One account in the dashboard; memoised so a tick or a filter change redraws only what changed. */
export const AccountRowView = memo(function AccountRowView(props: { readonly row: AccountRow; readonly index: number; readonly start: number; readonly actions: RowActions }) {
  const { row, actions } = props
  const { account, health, countdown } = row
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className="account-grid account-row"
      style={{ transform: `translateY(${props.start}px)` }}
      data-testid="account-row"
      data-account-id={account.id}
      onClick={() => actions.onOpen(account.id)}
    >
      <div role="cell" className="cell-account">
        <button
          type="button"
          className="row-title"
          title={account.label}
          onClick={(event) => {
            event.stopPropagation()
            actions.onOpen(account.id)
          }}
        >
          {account.label}
        </button>
        <span className="row-sub mono" data-testid="credential-summary">
          {credentialSummary(account)}
        </span>
      </div>
      <div role="cell" className="cell-provider">
        <span className="row-main">{row.providerLabel}</span>
        <span className="row-sub">{row.environmentLabel}</span>
      </div>
      <div role="cell">
        {health.checking ? (
          <span className="checking-badge" data-testid="row-checking">
            <span className="spinner" aria-hidden="true" />
            Checking…
          </span>
        ) : (
          <StateBadge state={health.state} size="sm" />
        )}
      </div>
      <div role="cell" className="cell-details">
        <span className="row-main" title={health.detail ?? health.summary}>
          {health.summary}
        </span>
        <SecretsLine row={row} />
      </div>
      <div role="cell" className="cell-time">
        {health.checkedAt ? <RelativeTime at={health.checkedAt} /> : <span className="muted">Never</span>}
      </div>
      <div role="cell" className="cell-time">
        {countdown ? <Countdown at={countdown.at} label={COUNTDOWN_LABELS[countdown.kind]} /> : <span className="muted">
            <span aria-hidden="true">—</span>
            <span className="sr-only">No deadline</span>
          </span>}
      </div>
      <div role="cell" className="cell-actions" onClick={(e) => e.stopPropagation()}>
        <MenuButton
          label={`Actions for ${account.label}`}
          items={[
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

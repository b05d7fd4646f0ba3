import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { WorkspaceKind } from '@shared/model'
import { useProviders } from '@renderer/api/get-providers'
import { Banner } from '@renderer/components/banner'
import { EmptyState } from '@renderer/components/empty-state'
import { Icon } from '@renderer/components/icon'
import { PageHeader } from '@renderer/components/page-header'
import type { HealthSummary, CountdownTarget } from '@renderer/lib/health-summary'
import { useToasts } from '@renderer/stores/toast-store'
import { useAccounts } from '@renderer/features/accounts/api/get-accounts'
import { useDuplicateAccount } from '@renderer/features/accounts/api/duplicate-account'
import { useDashboardFilters } from '@renderer/features/accounts/stores/dashboard-filters'
import { buildRows, countByState, matchRows, visibleRows } from '@renderer/features/accounts/utils/account-rows'
import { tableItems } from '@renderer/features/accounts/utils/triage'
import { DeleteAccountDialog } from '../delete-account-dialog'
import { AccountTable } from './account-table'
import { DashboardEmpty } from './dashboard-empty'
import { FilterBar } from './filter-bar'
import { FirstRunIntro } from './first-run-intro'
import { TriageSummary } from './triage-summary'
import { VaultNotices } from './vault-notices'

export interface DashboardProps {
  readonly workspace: WorkspaceKind | undefined
  /** From the health feature (part B); without it every account is `unchecked`. */
  readonly healthById?: ReadonlyMap<string, HealthSummary>
  readonly countdownById?: ReadonlyMap<string, CountdownTarget>
  /** Extra header actions, e.g. "Check all" (the primary action while nothing has been checked yet). */
  readonly headerActions?: (firstRun: boolean) => ReactNode
  /** Accounts just added or imported: scrolled to and highlighted. */
  readonly highlight?: ReadonlySet<string>
  readonly onOpen: (id: string) => void
  /** "Check now" on a row (from the health feature). */
  readonly onCheck?: (id: string) => void
  /** Troubleshoot on a row that needs a person (from the health feature). */
  readonly onTroubleshoot?: (id: string) => void
  readonly onEdit: (id: string) => void
  readonly onAdd: () => void
  readonly onImport: () => void
  readonly onOpenDemo: () => void
}

export function DashboardScreen(props: DashboardProps) {
  const accounts = useAccounts()
  const providers = useProviders()
  const { search, provider, state, sort, direction, clear, enterWorkspace } = useDashboardFilters()
  const { mutate: duplicate } = useDuplicateAccount()
  const toast = useToasts((s) => s.show)
  const [deleting, setDeleting] = useState<string | null>(null)
  const { onOpen, onEdit, onCheck, onTroubleshoot } = props
  useEffect(() => {
    if (props.workspace) enterWorkspace(props.workspace)
  }, [props.workspace, enterWorkspace])

  const rows = useMemo(
    () => buildRows(accounts.data ?? [], providers.data ?? [], props.healthById, props.countdownById),
    [accounts.data, providers.data, props.healthById, props.countdownById],
  )
  const matching = useMemo(() => matchRows(rows, { search, provider }), [rows, search, provider])
  const shown = useMemo(() => visibleRows(matching, { search, provider, state, sort, direction }), [matching, search, provider, state, sort, direction])
  const counts = useMemo(() => countByState(matching), [matching])
  const items = useMemo(() => tableItems(shown, sort === 'triage'), [shown, sort])
  const firstRun = rows.length > 0 && rows.every((r) => r.health.state === 'unchecked' && !r.health.checkedAt)

  const onDuplicate = useCallback(
    (id: string) =>
      duplicate(id, {
        onSuccess: (copy) => toast(`Duplicated as “${copy.label}”.`),
        onError: (error) => toast(`Could not duplicate: ${error.message}`, 'danger'),
      }),
    [duplicate, toast],
  )
  const actions = useMemo(() => ({ onOpen, onCheck, onTroubleshoot, onEdit, onDuplicate, onDelete: setDeleting }), [onOpen, onCheck, onTroubleshoot, onEdit, onDuplicate])
  const deletingAccount = accounts.data?.find((a) => a.id === deleting)
  const total = accounts.data?.length ?? 0
  const where = props.workspace === 'demo' ? 'in the Demo workspace' : props.workspace === 'mine' ? 'in My accounts' : ''

  return (
    <div className="screen screen-dashboard">
      <PageHeader
        title="Dashboard"
        subtitle={accounts.data ? `${total} account${total === 1 ? '' : 's'} ${where}` : 'Loading…'}
        actions={
          total > 0 && (
            <>
              {props.headerActions?.(firstRun)}
              <button type="button" className="btn" onClick={props.onImport}>
                <Icon name="import" />
                Import .env
              </button>
              <button type="button" className={firstRun ? 'btn' : 'btn btn-primary'} onClick={props.onAdd}>
                <Icon name="plus" />
                Add account
              </button>
            </>
          )
        }
      />
      <VaultNotices />
      {accounts.isError && (
        <Banner tone="danger" alert title="The accounts could not be loaded" action={<button type="button" className="btn" onClick={() => void accounts.refetch()}>Try again</button>}>
          {accounts.error.message}
        </Banner>
      )}
      {accounts.isPending && (
        <p role="status" className="loading">
          Loading accounts…
        </p>
      )}
      {accounts.data && total === 0 && <DashboardEmpty onAdd={props.onAdd} onImport={props.onImport} onOpenDemo={props.onOpenDemo} />}
      {accounts.data && total > 0 && (
        <>
          {firstRun && <FirstRunIntro />}
          <div className="dashboard-toolbar">
            {!firstRun && <TriageSummary counts={counts} total={matching.length} />}
            <FilterBar providers={providers.data ?? []} />
          </div>
          {shown.length > 0 ? (
            <AccountTable items={items} actions={actions} highlight={props.highlight} />
          ) : (
            <EmptyState
              icon="search"
              title="No accounts match"
              testId="accounts-no-match"
              actions={
                <button type="button" className="btn" onClick={clear}>
                  Clear search and filters
                </button>
              }
            >
              <p>Nothing matches the search and filters. Clear them to see all {total} accounts.</p>
            </EmptyState>
          )}
        </>
      )}
      {deletingAccount && <DeleteAccountDialog account={deletingAccount} onClose={() => setDeleting(null)} />}
    </div>
  )
}

import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { Icon } from '../../../../components/icon'
import { useDashboardFilters, type SortKey } from '../../stores/dashboard-filters'
import type { AccountRow } from '../../utils/account-rows'
import { AccountRowView, type RowActions } from './account-row'

/** Must match --row-height in the stylesheet. */
export const ROW_HEIGHT = 60

function SortHeader({ label, sortKey }: { readonly label: string; readonly sortKey: SortKey }) {
  const { sort, direction, sortBy } = useDashboardFilters()
  const active = sort === sortKey
  return (
    <div role="columnheader" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className={active ? 'sort-button is-active' : 'sort-button'} onClick={() => sortBy(sortKey)}>
        {label}
        <Icon name={active && direction === 'desc' ? 'arrowDown' : 'arrowUp'} size={13} className="sort-icon" />
      </button>
    </div>
  )
}

/**
 * The account list as an ARIA table whose body is virtualised: only the rows in view (plus a
 * few either side) are in the DOM, whatever the number of accounts.
 */
export function AccountTable({ rows, actions }: { readonly rows: ReadonlyArray<AccountRow>; readonly actions: RowActions }) {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.account.id ?? index,
  })
  return (
    <div role="table" aria-label="Accounts" aria-rowcount={rows.length + 1} className="account-table" data-testid="account-table">
      <div role="rowgroup" className="account-table-head">
        <div role="row" aria-rowindex={1} className="account-grid">
          <SortHeader label="Account" sortKey="label" />
          <SortHeader label="Provider" sortKey="provider" />
          <SortHeader label="State" sortKey="state" />
          <div role="columnheader">Details</div>
          <SortHeader label="Last check" sortKey="checked" />
          <div role="columnheader" title="Token expiry or rotation due date">Deadline</div>
          <div role="columnheader">
            <span className="sr-only">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={scroller} className="account-table-body">
        <div className="account-table-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            return row ? <AccountRowView key={item.key} row={row} index={item.index} start={item.start} actions={actions} /> : null
          })}
        </div>
      </div>
    </div>
  )
}

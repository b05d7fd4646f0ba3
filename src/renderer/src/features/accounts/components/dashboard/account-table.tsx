import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { Icon } from '@renderer/components/icon'
import { useDashboardFilters, type SortKey } from '@renderer/features/accounts/stores/dashboard-filters'
import type { TableItem } from '@renderer/features/accounts/utils/triage'
import { AccountRowView, GroupHeading, type RowActions } from './account-row'
import { ColumnResizer } from './column-resizer'
import { useStackedRows } from './use-stacked-rows'

/** Must match --row-height, --group-height and --row-height-stacked in the stylesheet. */
export const ROW_HEIGHT = 30
export const GROUP_HEIGHT = 26
export const STACKED_ROW_HEIGHT = 54

function useSortOf(): (key: SortKey) => 'ascending' | 'descending' | 'none' {
  const { sort, direction } = useDashboardFilters()
  return (key) => (sort === key ? (direction === 'asc' ? 'ascending' : 'descending') : 'none')
}

function SortButton({ label, sortKey }: { readonly label: string; readonly sortKey: SortKey }) {
  const { sort, direction, sortBy } = useDashboardFilters()
  const active = sort === sortKey
  return (
    <button type="button" className={active ? 'sort-button is-active' : 'sort-button'} onClick={() => sortBy(sortKey)}>
      {label}
      <Icon name={active && direction === 'desc' ? 'arrowDown' : 'arrowUp'} size={13} className="sort-icon" />
    </button>
  )
}

function SortHeader({ label, sortKey, className }: { readonly label: string; readonly sortKey: SortKey; readonly className?: string }) {
  const sortOf = useSortOf()
  return (
    <div role="columnheader" className={className} aria-sort={sortOf(sortKey)}>
      <SortButton label={label} sortKey={sortKey} />
    </div>
  )
}

/**
 * The account list as an ARIA table whose body is virtualised: only the rows in view (plus a
 * few either side) are in the DOM, whatever the number of accounts. Below 1,200 px the columns
 * fold into two lines per row instead of clipping.
 */
export function AccountTable(props: { readonly items: ReadonlyArray<TableItem>; readonly actions: RowActions; readonly highlight?: ReadonlySet<string> }) {
  const { items, actions, highlight } = props
  const scroller = useRef<HTMLDivElement>(null)
  const stacked = useStackedRows()
  const sortOf = useSortOf()
  // Null: the column shares the width with the others; set once the person widens it.
  const [accountWidth, setAccountWidth] = useState<number | null>(null)
  const headerCell = useRef<HTMLDivElement>(null)
  const widthStyle = accountWidth === null ? undefined : ({ '--account-col': `${accountWidth}px` } as CSSProperties)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (items[index]?.kind === 'group' ? GROUP_HEIGHT : stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT),
    overscan: 8,
    getItemKey: (index) => items[index]?.key ?? index,
  })
  useEffect(() => virtualizer.measure(), [stacked, virtualizer])
  const firstHighlighted = highlight ? items.findIndex((item) => item.kind === 'row' && highlight.has(item.row.account.id)) : -1
  useEffect(() => {
    if (firstHighlighted >= 0) virtualizer.scrollToIndex(firstHighlighted, { align: 'center' })
  }, [firstHighlighted, virtualizer])
  return (
    <div role="table" aria-label="Accounts" aria-rowcount={items.length + 1} className={`account-table${stacked ? ' is-stacked' : ''}`} data-testid="account-table" style={widthStyle}>
      <div role="rowgroup" className="account-table-head">
        <div role="row" aria-rowindex={1} className="account-grid">
          <div ref={headerCell} role="columnheader" className="cell-account cell-resizable" aria-sort={sortOf('label')}>
            <SortButton label="Account" sortKey="label" />
            <ColumnResizer width={accountWidth ?? Math.round(headerCell.current?.getBoundingClientRect().width ?? 200)} onWidth={setAccountWidth} />
          </div>
          <SortHeader label="Provider" sortKey="provider" className="cell-provider" />
          <SortHeader label="State" sortKey="state" className="cell-state" />
          <div role="columnheader" className="cell-details">
            Reason
          </div>
          <SortHeader label="Checked" sortKey="checked" className="cell-checked" />
          <div role="columnheader" className="cell-deadline" title="What ends next: token refresh, token expiry or key rotation">
            Next deadline
          </div>
          <div role="columnheader" className="cell-actions">
            <span className="sr-only">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={scroller} className="account-table-body">
        <div className="account-table-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index]
            if (!item) return null
            if (item.kind === 'group') return <GroupHeading key={virtual.key} item={item} index={virtual.index} start={virtual.start} />
            return (
              <AccountRowView
                key={virtual.key}
                row={item.row}
                index={virtual.index}
                start={virtual.start}
                grouped={item.grouped}
                highlighted={highlight?.has(item.row.account.id) ?? false}
                actions={actions}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

import type { KeyboardEvent, PointerEvent } from 'react'

export const ACCOUNT_COLUMN = { min: 160, max: 560, step: 24 } as const

/**
 * Widens or narrows the Account column, so a long label can be read whole: drag the edge of its
 * header, or focus it and use the arrow keys (a window splitter, WAI-ARIA).
 */
export function ColumnResizer({ width, onWidth }: { readonly width: number; readonly onWidth: (width: number) => void }) {
  const clamp = (value: number): number => Math.min(ACCOUNT_COLUMN.max, Math.max(ACCOUNT_COLUMN.min, Math.round(value)))
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    const startX = event.clientX
    const startWidth = width
    const target = event.currentTarget
    target.setPointerCapture(event.pointerId)
    const move = (e: globalThis.PointerEvent): void => onWidth(clamp(startWidth + e.clientX - startX))
    const up = (): void => {
      target.removeEventListener('pointermove', move)
      target.removeEventListener('pointerup', up)
    }
    target.addEventListener('pointermove', move)
    target.addEventListener('pointerup', up)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const delta = event.key === 'ArrowRight' ? ACCOUNT_COLUMN.step : event.key === 'ArrowLeft' ? -ACCOUNT_COLUMN.step : 0
    if (delta === 0) return
    event.preventDefault()
    onWidth(clamp(width + delta))
  }
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Account column width"
      aria-valuemin={ACCOUNT_COLUMN.min}
      aria-valuemax={ACCOUNT_COLUMN.max}
      aria-valuenow={width}
      tabIndex={0}
      className="column-resizer"
      title="Drag (or use the arrow keys) to widen the Account column"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}

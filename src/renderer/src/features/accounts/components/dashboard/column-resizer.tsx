import type { KeyboardEvent, PointerEvent } from 'react'

export const ACCOUNT_COLUMN = { min: 160, max: 560, step: 24 } as const

/** How far between narrowest and widest, 0–100: what a screen reader hears instead of pixels. */
export function widthPercent(width: number): number {
  const span = ACCOUNT_COLUMN.max - ACCOUNT_COLUMN.min
  return Math.round((100 * (Math.min(ACCOUNT_COLUMN.max, Math.max(ACCOUNT_COLUMN.min, width)) - ACCOUNT_COLUMN.min)) / span)
}

/** E.g. "narrow, 25% of the way to widest". */
export function widthText(width: number): string {
  const percent = widthPercent(width)
  const word = percent === 0 ? 'narrowest' : percent === 100 ? 'widest' : percent < 34 ? 'narrow' : percent < 67 ? 'medium' : 'wide'
  return percent === 0 || percent === 100 ? word : `${word}, ${percent}% of the way to widest`
}

/**
 * Widens or narrows the Account column, so a long label can be read whole: drag the edge of its
 * header, or focus it and use the arrow keys, Home and End (a window splitter, WAI-ARIA). Its value
 * is announced in words and as a share of its range, not in pixels.
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
    const next =
      event.key === 'ArrowRight' ? width + ACCOUNT_COLUMN.step
      : event.key === 'ArrowLeft' ? width - ACCOUNT_COLUMN.step
      : event.key === 'Home' ? ACCOUNT_COLUMN.min
      : event.key === 'End' ? ACCOUNT_COLUMN.max
      : null
    if (next === null) return
    event.preventDefault()
    onWidth(clamp(next))
  }
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Account column width"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={widthPercent(width)}
      aria-valuetext={widthText(width)}
      tabIndex={0}
      className="column-resizer"
      title="Drag (or use the arrow keys) to widen the Account column"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}

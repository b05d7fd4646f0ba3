import type { Page } from '@playwright/test'

export interface Focused {
  /** Role and accessible-ish name of the focused control, e.g. `button Add account`. */
  readonly name: string
  /** Whether a focus indicator is drawn (on the control, or on the label of a visually hidden input). */
  readonly visible: boolean
}

/** Describes document.activeElement and whether its focus is visible. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { name: 'body', visible: false }
    const hidden = el.classList.contains('sr-only')
    const ring = hidden ? (el.closest('label') ?? el) : el
    const style = getComputedStyle(ring)
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow.includes('inset')
    const role = el.getAttribute('role') ?? (el.tagName === 'INPUT' ? `input:${(el as HTMLInputElement).type}` : el.tagName.toLowerCase())
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? ''
    return { name: `${role} ${label.trim().replace(/\s+/g, ' ')}`.trim(), visible }
  })
}

/** Presses Tab up to `max` times and records every stop. */
export async function tabStops(page: Page, max: number): Promise<Focused[]> {
  const stops: Focused[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    stops.push(await focused(page))
  }
  return stops
}

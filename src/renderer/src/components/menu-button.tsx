import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { Icon, type IconName } from './icon'

export interface MenuItem {
  readonly label: string
  readonly icon: IconName
  readonly onSelect: () => void
  readonly danger?: boolean
}

/**
 * A button that opens a small menu (WAI-ARIA menu button pattern): arrows move between items,
 * Escape closes and returns focus, a click outside closes. The menu is portalled out of the list and
 * positioned fixed, so a scrolling or virtualised list never clips it.
 */
export function MenuButton({ label, items }: { readonly label: string; readonly items: ReadonlyArray<MenuItem> }) {
  const [open, setOpen] = useState(false)
  const [position, setPosition] = useState<{ top: number; right: number } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const focusItem = (index: number): void => {
    const nodes = menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')
    if (!nodes || nodes.length === 0) return
    nodes[(index + nodes.length) % nodes.length]?.focus()
  }

  const close = (returnFocus: boolean): void => {
    setOpen(false)
    if (returnFocus) button.current?.focus()
  }

  useLayoutEffect(() => {
    if (!open || !button.current) return
    const rect = button.current.getBoundingClientRect()
    const height = items.length * 36 + 10
    const top = rect.bottom + height + 8 > window.innerHeight ? rect.top - height - 4 : rect.bottom + 4
    setPosition({ top, right: window.innerWidth - rect.right })
  }, [open, items.length])

  useEffect(() => {
    if (!open) return
    focusItem(0)
    const outside = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false)
    }
    const dismiss = (): void => close(false)
    // Close when the list scrolls the button away (a late scroll event from before opening is ignored).
    const top = button.current?.getBoundingClientRect().top
    const moved = (): void => {
      if (Math.abs((button.current?.getBoundingClientRect().top ?? 0) - (top ?? 0)) > 1) close(false)
    }
    document.addEventListener('pointerdown', outside)
    window.addEventListener('resize', dismiss)
    window.addEventListener('scroll', moved, true)
    return () => {
      document.removeEventListener('pointerdown', outside)
      window.removeEventListener('resize', dismiss)
      window.removeEventListener('scroll', moved, true)
    }
  }, [open, position])

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const nodes = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const index = nodes.indexOf(document.activeElement as HTMLButtonElement)
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: nodes.length - 1 }
    const next = moves[event.key]
    if (next !== undefined) {
      event.preventDefault()
      focusItem(next)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close(true)
    } else if (event.key === 'Tab') close(false)
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn btn-ghost btn-icon"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        <Icon name="more" size={18} />
      </button>
      {open &&
        position &&
        createPortal(
          <div ref={menu} id={menuId} role="menu" aria-label={label} className="menu" style={{ top: position.top, right: position.right }} onKeyDown={onMenuKey}>
            {items.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'menu-item menu-item-danger' : 'menu-item'}
                onClick={() => {
                  // Focus goes back to the button first, so a dialog the item opens returns it there.
                  close(true)
                  item.onSelect()
                }}
              >
                <Icon name={item.icon} />
                {item.label}
              </button>
            ))}
          </div>,
          // Inside the same landmark as its button, for screen-reader navigation.
          button.current?.closest('main') ?? document.body,
        )}
    </>
  )
}

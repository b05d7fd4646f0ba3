import { useEffect, useRef } from 'react'
import { useNavigation } from './stores/navigation'

/**
 * After every navigation (not the first screen), focus moves to the new screen's heading, so
 * keyboard and screen-reader users continue from the top of what they opened.
 */
export function useFocusOnNavigate(): void {
  const route = useNavigation((s) => s.route)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('#content h1')?.focus({ preventScroll: true }))
    return () => cancelAnimationFrame(frame)
  }, [route])
}

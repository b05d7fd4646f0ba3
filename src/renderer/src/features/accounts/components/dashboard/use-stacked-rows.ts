import { useSyncExternalStore } from 'react'

/** Must match the media query of the stacked rows in dashboard.css. */
const STACKED = '(max-width: 1199px)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(STACKED)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** True while the window is too narrow for one line per account (the columns fold into two lines). */
export function useStackedRows(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(STACKED).matches)
}

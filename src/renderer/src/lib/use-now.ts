import { useCallback, useSyncExternalStore } from 'react'
import { clockNow, subscribeClock } from './clock'

/**
 * The current time from the shared clock, rounded down to `resolutionMs`. A component
 * re-renders only when its rounded value changes, so a countdown days away that shows
 * minutes wakes once a minute, not every second.
 */
export function useNow(resolutionMs = 1000): number {
  const snapshot = useCallback(() => Math.floor(clockNow() / resolutionMs) * resolutionMs, [resolutionMs])
  return useSyncExternalStore(subscribeClock, snapshot)
}

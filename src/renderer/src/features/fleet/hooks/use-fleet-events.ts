import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { FleetProgress, FleetStatus } from '@shared/fleet'
import { fleetStatusQuery } from '../api/get-fleet-status'
import { useLastRound } from '../stores/last-round'

/** How long events are gathered before the status is read again (a round sends one per account). */
const REFRESH_MS = 500

const withRound = (status: FleetStatus, progress: FleetProgress): FleetStatus => ({ ...status, round: progress.finished ? null : progress })

/**
 * Keeps the fleet status current: `fleet:changed` replaces it; `fleet:progress` updates the
 * round at once and, like `health:changed`, has the rest (next check, per-provider load, which
 * no event carries) read again shortly after. A workspace switch forgets the last round.
 */
export function useFleetEvents(): void {
  const client = useQueryClient()
  const ended = useLastRound((s) => s.ended)
  const forget = useLastRound((s) => s.forget)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const refreshSoon = (): void => {
      timer ??= setTimeout(() => {
        timer = undefined
        void client.invalidateQueries({ queryKey: fleetStatusQuery.queryKey })
      }, REFRESH_MS)
    }
    const offChanged = window.authdesk.events.onFleetChanged((status) => client.setQueryData(fleetStatusQuery.queryKey, status))
    const offProgress = window.authdesk.events.onFleetProgress((progress) => {
      client.setQueryData(fleetStatusQuery.queryKey, (status) => status && withRound(status, progress))
      if (progress.finished) ended(progress)
      refreshSoon()
    })
    const offHealth = window.authdesk.events.onHealthChanged(refreshSoon)
    const offWorkspace = window.authdesk.events.onWorkspaceChanged(forget)
    return () => {
      if (timer !== undefined) clearTimeout(timer)
      offChanged()
      offProgress()
      offHealth()
      offWorkspace()
    }
  }, [client, ended, forget])
}

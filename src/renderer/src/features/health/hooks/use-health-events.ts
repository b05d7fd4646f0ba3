import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { ScheduledHealth } from '@shared/fleet'
import { useChangedSinceCheck } from '@renderer/stores/changed-since-check'
import { healthListQuery } from '../api/get-health-list'
import { useCheckRun } from '../stores/check-run'
import { mergeHealth } from '../utils/health-summaries'

/** How long `health:changed` events are gathered before the list is redrawn (a check-all sends one per account). */
const BATCH_MS = 150

/**
 * Keeps the health queries in step with main: `health:changed` updates the list in place
 * (batched) and refetches that account's history; `health:progress` feeds the check-all
 * progress; `accounts:changed` refetches the list (accounts added or removed).
 */
export function useHealthEvents(): void {
  const client = useQueryClient()
  const progressed = useCheckRun((s) => s.progressed)
  useEffect(() => {
    let pending: ScheduledHealth[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = (): void => {
      timer = undefined
      const updates = pending
      pending = []
      client.setQueryData(healthListQuery.queryKey, (list) => (list ? mergeHealth(list, updates) : list))
      useChangedSinceCheck.getState().clear(updates.filter((u) => u.latest !== null).map((u) => u.id))
      for (const id of new Set(updates.map((u) => u.id))) void client.invalidateQueries({ queryKey: ['health', 'history', id] })
    }
    const offChanged = window.authdesk.events.onHealthChanged((health) => {
      pending.push(health)
      timer ??= setTimeout(flush, BATCH_MS)
    })
    const offProgress = window.authdesk.events.onHealthProgress(progressed)
    const offAccounts = window.authdesk.events.onAccountsChanged(() => void client.invalidateQueries({ queryKey: healthListQuery.queryKey }))
    return () => {
      if (timer !== undefined) clearTimeout(timer)
      offChanged()
      offProgress()
      offAccounts()
    }
  }, [client, progressed])
}

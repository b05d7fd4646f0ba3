import { useMemo } from 'react'
import type { HealthSummary } from '@renderer/lib/health-summary'
import { useHealthList } from '../api/get-health-list'
import { useCheckRun } from '../stores/check-run'
import { summariesById } from '../utils/health-summaries'

/** The dashboard's health column for every account, memoised until the list or the running checks change. */
export function useHealthSummaries(): ReadonlyMap<string, HealthSummary> | undefined {
  const list = useHealthList()
  const checking = useCheckRun((s) => s.checking)
  return useMemo(() => (list.data ? summariesById(list.data, checking) : undefined), [list.data, checking])
}

import { useMemo } from 'react'
import type { CountdownTarget } from '@renderer/lib/health-summary'
import { useDue } from '../api/get-due'

/** Each account's next deadline for the dashboard's countdown column (token refresh/expiry, else rotation due). */
export function useCountdowns(): ReadonlyMap<string, CountdownTarget> | undefined {
  const due = useDue()
  return useMemo(() => (due.data ? new Map(due.data.map((d) => [d.accountId, d.next])) : undefined), [due.data])
}

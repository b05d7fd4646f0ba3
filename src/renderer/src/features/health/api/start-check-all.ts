import { useMutation } from '@tanstack/react-query'
import { call } from '../../../lib/call'
import { useCheckRun } from '../stores/check-run'

/** Starts checking every account of the workspace; progress arrives as `health:progress`. */
export function useStartCheckAll() {
  const started = useCheckRun((s) => s.started)
  return useMutation({
    mutationFn: () => call(window.authdesk.health.checkAll({})),
    onSuccess: ({ runId, total }) => started(runId, total),
  })
}

import { useMutation } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'
import { useCheckRun } from '../stores/check-run'

/** Starts checking every account of the workspace (or only `ids`); progress arrives as `health:progress`. */
export function useStartCheckAll() {
  const started = useCheckRun((s) => s.started)
  return useMutation({
    mutationFn: (ids?: ReadonlyArray<string>) => call(window.authdesk.health.checkAll(ids ? { ids: [...ids] } : {})),
    onSuccess: ({ runId, total }) => started(runId, total),
  })
}

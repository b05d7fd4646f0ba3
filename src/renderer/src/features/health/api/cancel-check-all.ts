import { useMutation } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** Stops a "check all" run: checks not started yet are skipped, the running ones finish. */
export function useCancelCheckAll() {
  return useMutation({ mutationFn: (runId: string) => call(window.authdesk.health.cancel({ runId })) })
}

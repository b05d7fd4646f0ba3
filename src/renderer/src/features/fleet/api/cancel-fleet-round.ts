import { useMutation } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** Skips the round's accounts not started yet (to their next regular time); running checks finish. */
export function useCancelFleetRound() {
  return useMutation({ mutationFn: (runId: string) => call(window.authdesk.fleet.cancel({ runId })) })
}

import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SecurityPosture } from '../../../../../shared/model'
import { call } from '../../../lib/call'
import { securityPostureQuery } from './get-security-posture'

/** Saves (or removes, with null) the extra CA file setting; the answer is the network facts with it. */
export function useSetCaFile() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (path: string | null) => call(window.authdesk.app.setCaFile({ path })),
    onSuccess: (network) => client.setQueryData(securityPostureQuery.queryKey, (old: SecurityPosture | undefined) => (old ? { ...old, network } : old)),
  })
}

import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { NetworkTrust, SecurityPosture } from '@shared/model'
import { call } from '@renderer/lib/call'
import { securityPostureQuery } from './get-security-posture'

/**
 * The extra CA file setting: "choose" asks main to show the Open dialog (the page never names a
 * path), "clear" removes it. The answer is the network facts with the setting.
 */
export function useSetCaFile() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (action: 'choose' | 'clear'): Promise<NetworkTrust> => call(action === 'choose' ? window.authdesk.app.chooseCaFile() : window.authdesk.app.clearCaFile()),
    onSuccess: (network) => client.setQueryData(securityPostureQuery.queryKey, (old: SecurityPosture | undefined) => (old ? { ...old, network } : old)),
  })
}

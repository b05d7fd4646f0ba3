import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FleetSettingsPatch } from '@shared/fleet'
import { call } from '@renderer/lib/call'
import { fleetStatusQuery } from './get-fleet-status'

/** Saves changed settings (only the keys given); the answer is the new status. */
export function useConfigureFleet() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (patch: FleetSettingsPatch) => call(window.authdesk.fleet.configure(patch)),
    onSuccess: (status) => client.setQueryData(fleetStatusQuery.queryKey, status),
  })
}

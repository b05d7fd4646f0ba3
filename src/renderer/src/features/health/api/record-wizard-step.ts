import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { RequestOf } from '@shared/contract'
import { call } from '@renderer/lib/call'
import { wizardTrailQuery } from './get-wizard-trail'

export type WizardRecord = RequestOf<'wizard:record'>

/** Saves one answer of the wizard (never a secret: step id, outcome and a short note). */
export function useRecordWizardStep() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (record: WizardRecord) => call(window.authdesk.wizard.record(record)),
    onSuccess: (trail) => client.setQueryData(wizardTrailQuery(trail.accountId).queryKey, trail),
  })
}

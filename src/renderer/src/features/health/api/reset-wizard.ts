import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'
import { wizardTrailQuery } from './get-wizard-trail'

/** Forgets the wizard's progress for an account, to start over. */
export function useResetWizard() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (accountId: string) => call(window.authdesk.wizard.reset({ accountId })),
    onSuccess: (_, accountId) => client.setQueryData(wizardTrailQuery(accountId).queryKey, null),
  })
}

import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** The wizard's saved progress for an account (null when it was never opened). */
export const wizardTrailQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['wizard', accountId],
    queryFn: () => call(window.authdesk.wizard.get({ accountId })),
    staleTime: 0,
  })

export const useWizardTrail = (accountId: string) => useQuery(wizardTrailQuery(accountId))

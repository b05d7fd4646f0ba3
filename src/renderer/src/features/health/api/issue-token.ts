import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '../../../lib/call'
import { storeTokenFix } from './get-token-state'

export interface IssueTokenFix {
  readonly accountId: string
  /** Shown to the user before the click; at least one (core would otherwise choose). */
  readonly scopes: ReadonlyArray<string>
}

/**
 * The wizard's "Issue a new token": a managed pair with exactly these scopes (it replaces and
 * revokes the current one). The answer is the token state, never the token; the request holds
 * no secret, so react-query may keep it.
 */
export function useIssueTokenFix() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ accountId, scopes }: IssueTokenFix) => call(window.authdesk.tokens.issue({ accountId, scopes: [...scopes] })),
    onSuccess: (state) => storeTokenFix(client, state),
  })
}

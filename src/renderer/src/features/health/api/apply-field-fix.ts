import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SuggestedEnvironment } from '../../../../../shared/diagnosis'
import { call } from '../../../lib/call'

export interface FieldFix {
  readonly id: string
  /** A non-secret provider field, e.g. `DOMAIN`. */
  readonly field: string
  readonly value: string
}

/**
 * Applies a fix the wizard found (e.g. the domain Nmbrs reports). Only non-secret fields are
 * set this way, so react-query may keep the request.
 */
export function useApplyFieldFix() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, field, value }: FieldFix) => call(window.authdesk.accounts.update({ id, fields: { [field]: value } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['accounts'] }),
  })
}

/**
 * Switches the account to the environment that accepted its credentials, with the base URL the
 * diagnosis names (null: the provider's own address). A custom base URL keeps the origin the
 * person already confirmed; only its path changes, so that confirmation carries over.
 */
export function useSwitchEnvironment() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, suggestion }: { readonly id: string; readonly suggestion: SuggestedEnvironment }) => {
      const accounts = await call(window.authdesk.accounts.list())
      const current = accounts.find((a) => a.id === id)
      const sameOrigin = Boolean(suggestion.baseUrl && current?.baseUrl && new URL(current.baseUrl).origin === new URL(suggestion.baseUrl).origin)
      const confirmed = sameOrigin && Boolean(current?.baseUrlConfirmedAt)
      return call(
        window.authdesk.accounts.update({
          id,
          environment: suggestion.environment,
          baseUrl: suggestion.baseUrl,
          ...(confirmed ? { confirmUnlistedHost: true } : {}),
        }),
      )
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['accounts'] }),
  })
}

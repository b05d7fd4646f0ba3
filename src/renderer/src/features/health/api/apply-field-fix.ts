import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

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
 * Moves the account to the base URL its last check found SMSGate answering at (the `/api`
 * segment corrected). The same server, so core keeps the saved secrets.
 */
export function useApplyBaseUrl() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, baseUrl }: { readonly id: string; readonly baseUrl: string }) => call(window.authdesk.accounts.update({ id, baseUrl })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['accounts'] }),
  })
}

/**
 * Switches the account to the environment its last check found accepting its credentials. Core
 * takes the target from its own diagnosis and moves the secrets itself; the page sends only the id.
 */
export function useSwitchEnvironment() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id }: { readonly id: string }) => call(window.authdesk.accounts.switchEnvironment({ id })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['accounts'] }),
  })
}

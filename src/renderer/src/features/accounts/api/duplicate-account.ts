import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

/** Copies an account with its secrets (core copies them; they never pass through here). */
export function useDuplicateAccount() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call(window.authdesk.accounts.duplicate({ id })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['accounts'] }),
  })
}

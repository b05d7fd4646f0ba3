import { useMutation, useQueryClient } from '@tanstack/react-query'
import { call } from '@renderer/lib/call'

export function useDeleteAccount() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call(window.authdesk.accounts.delete({ id })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['accounts'] }),
  })
}

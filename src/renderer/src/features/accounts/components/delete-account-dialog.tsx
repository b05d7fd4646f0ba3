import type { AccountView } from '../../../../../shared/model'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { useToasts } from '../../../stores/toast-store'
import { useDeleteAccount } from '../api/delete-account'

/** Asks before deleting an account and its secrets. */
export function DeleteAccountDialog({ account, onClose, onDeleted }: { readonly account: AccountView; readonly onClose: () => void; readonly onDeleted?: () => void }) {
  const remove = useDeleteAccount()
  const toast = useToasts((s) => s.show)
  const where = account.secretsStatus === 'keychain' ? 'the OS keychain' : 'AuthDesk'
  return (
    <ConfirmDialog
      title={`Delete “${account.label}”?`}
      confirmLabel="Delete account"
      onClose={onClose}
      onConfirm={async () => {
        await remove.mutateAsync(account.id)
        toast(`Deleted “${account.label}”.`)
        onDeleted?.()
      }}
    >
      <p>The account and its secrets are removed from {where}. This cannot be undone.</p>
    </ConfirmDialog>
  )
}

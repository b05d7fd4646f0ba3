import type { AccountView } from '@shared/model'
import { useProvider } from '@renderer/api/get-providers'
import { ConfirmDialog } from '@renderer/components/confirm-dialog'
import { useToasts } from '@renderer/stores/toast-store'
import { useDeleteAccount } from '../api/delete-account'

/** Asks before deleting an account and its secrets. */
export function DeleteAccountDialog({ account, onClose, onDeleted }: { readonly account: AccountView; readonly onClose: () => void; readonly onDeleted?: () => void }) {
  const remove = useDeleteAccount()
  const toast = useToasts((s) => s.show)
  const provider = useProvider(account.provider)
  const where = account.secretsStatus === 'keychain' ? 'the OS keychain' : 'AuthDesk'
  return (
    <ConfirmDialog
      title={`Delete “${account.label}”?`}
      confirmLabel="Delete account"
      onClose={onClose}
      onConfirm={async () => {
        const removal = await remove.mutateAsync(account.id)
        const revoked = removal.revokedTokens.length
        toast(`Deleted “${account.label}”${revoked > 0 ? `; revoked its ${revoked} ${provider?.label ?? ''} token${revoked === 1 ? '' : 's'}` : ''}.`)
        for (const warning of removal.warnings) toast(warning, 'warning')
        onDeleted?.()
      }}
    >
      <p>The account and its secrets are removed from {where}. This cannot be undone.</p>
      {provider?.capabilities.tokens && provider.capabilities.revokesTokens && <p>Tokens issued for it that still work are revoked at {provider.label} first.</p>}
      {provider?.capabilities.tokens && !provider.capabilities.revokesTokens && <p>Tokens issued for it stay valid until they expire: {provider.label} offers no way to revoke them.</p>}
    </ConfirmDialog>
  )
}

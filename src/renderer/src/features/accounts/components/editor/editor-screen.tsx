import { useState } from 'react'
import { PROVIDER_IDS, type AccountView, type ProviderId } from '@shared/model'
import { providerById, useProviders } from '@renderer/api/get-providers'
import { Banner } from '@renderer/components/banner'
import { EmptyState } from '@renderer/components/empty-state'
import { Icon } from '@renderer/components/icon'
import { PageHeader } from '@renderer/components/page-header'
import { useToasts } from '@renderer/stores/toast-store'
import { useAccounts } from '@renderer/features/accounts/api/get-accounts'
import { useDuplicateAccount } from '@renderer/features/accounts/api/duplicate-account'
import { PROBLEM_TITLES } from '@renderer/features/accounts/utils/secrets-summary'
import { DeleteAccountDialog } from '../delete-account-dialog'
import { EditorForm } from './editor-form'

export interface EditorScreenProps {
  /** Absent: a new account. */
  readonly accountId?: string
  /** After a save: the saved account's id (so the dashboard can show it) and whether the edit can change a check's answer; after Cancel nothing. */
  readonly onDone: (savedId?: string, affectsCheck?: boolean) => void
  /** After a duplicate: edit the copy. */
  readonly onEdit: (id: string) => void
  /** Where the back link and Cancel lead, in words (default: the dashboard). */
  readonly backLabel?: string
}

function BackLink({ onClick, label = 'All accounts' }: { readonly onClick: () => void; readonly label?: string }) {
  return (
    <button type="button" className="btn btn-link back-link" onClick={onClick}>
      <Icon name="arrowLeft" size={14} />
      {label}
    </button>
  )
}

function AccountProblems({ account }: { readonly account: AccountView }) {
  if (account.problems.length === 0) return null
  return (
    <Banner tone="warning" title="This account needs attention" testId="account-problems">
      <ul className="plain-list">
        {account.problems.map((p) => (
          <li key={p.code}>
            <strong>{PROBLEM_TITLES[p.code]}.</strong> {p.message}
          </li>
        ))}
      </ul>
    </Banner>
  )
}

/** Add or edit an account, with Duplicate and Delete when editing. */
export function EditorScreen({ accountId, onDone, onEdit, backLabel }: EditorScreenProps) {
  const providers = useProviders()
  const accounts = useAccounts()
  const toast = useToasts((s) => s.show)
  const duplicate = useDuplicateAccount()
  const [providerId, setProviderId] = useState<ProviderId>(PROVIDER_IDS[0])
  const [deleting, setDeleting] = useState(false)
  const account = accountId ? accounts.data?.find((a) => a.id === accountId) : undefined
  const provider = providerById(providers.data, account?.provider ?? providerId)

  if (providers.isPending || (accountId && accounts.isPending)) return <p role="status" className="loading">Loading…</p>
  if (providers.isError) return <Banner tone="danger" alert title="The provider list could not be loaded">{providers.error.message}</Banner>
  if (accountId && !account)
    return (
      <div className="screen">
        <PageHeader title="Account not found" back={<BackLink onClick={() => onDone()} />} />
        <EmptyState icon="search" title="This account no longer exists">
          <p>It may have been deleted, or the workspace was switched. Go back to the list of accounts.</p>
        </EmptyState>
      </div>
    )
  if (!provider) return null

  const saved = (result: AccountView, created: boolean, affectsCheck: boolean): void => {
    toast(created ? `Added “${result.label}”.` : `Saved “${result.label}”.`)
    onDone(result.id, affectsCheck)
  }

  return (
    <div className="screen screen-editor">
      <PageHeader
        back={<BackLink onClick={() => onDone()} label={backLabel} />}
        title={account ? account.label : 'Add account'}
        subtitle={account ? `${provider.label} account` : 'Choose the provider, then enter the credentials as the provider issued them.'}
        actions={
          account && (
            <>
              <button
                type="button"
                className="btn"
                disabled={duplicate.isPending}
                onClick={() =>
                  duplicate.mutate(account.id, {
                    onSuccess: (copy) => {
                      toast(`Duplicated as “${copy.label}”. You are now editing the copy.`)
                      onEdit(copy.id)
                    },
                  })
                }
              >
                <Icon name="copy" />
                Duplicate
              </button>
              <button type="button" className="btn btn-danger-outline" onClick={() => setDeleting(true)}>
                <Icon name="trash" />
                Delete…
              </button>
            </>
          )
        }
      />
      {account && <AccountProblems account={account} />}
      <EditorForm
        key={account?.id ?? provider.id}
        provider={provider}
        providers={account ? undefined : providers.data}
        onProvider={setProviderId}
        account={account}
        onSaved={saved}
        onCancel={() => onDone()}
      />
      {deleting && account && <DeleteAccountDialog account={account} onClose={() => setDeleting(false)} onDeleted={() => onDone()} />}
    </div>
  )
}

import type { ReactNode } from 'react'
import type { AccountView, ProviderInfo } from '@shared/model'
import { providerById, useProviders } from '../api/get-providers'
import { EmptyState } from '../components/empty-state'
import { Icon } from '../components/icon'
import { PageHeader } from '../components/page-header'
import { useAccounts } from '../features/accounts/api/get-accounts'

export interface AccountContext {
  readonly account: AccountView
  readonly provider: ProviderInfo | undefined
  readonly providerLabel: string
  readonly environmentLabel: string
}

/**
 * Resolves a route's account id to the account (features never import each other, so the
 * app looks it up and hands it to the health and tokens screens).
 */
export function AccountRoute({ id, onBack, children }: { readonly id: string; readonly onBack: () => void; readonly children: (context: AccountContext) => ReactNode }) {
  const accounts = useAccounts()
  const providers = useProviders()
  if (accounts.isPending || providers.isPending)
    return (
      <p role="status" className="loading">
        Loading…
      </p>
    )
  const account = accounts.data?.find((a) => a.id === id)
  if (!account)
    return (
      <div className="screen">
        <PageHeader
          title="Account not found"
          back={
            <button type="button" className="btn btn-link back-link" onClick={onBack}>
              <Icon name="arrowLeft" size={14} />
              All accounts
            </button>
          }
        />
        <EmptyState icon="search" title="This account no longer exists">
          <p>It may have been deleted, or the workspace was switched. Go back to the list of accounts.</p>
        </EmptyState>
      </div>
    )
  const provider = providerById(providers.data, account.provider)
  return children({
    account,
    provider,
    providerLabel: provider?.label ?? account.provider,
    environmentLabel: provider?.environments.find((e) => e.id === account.environment)?.label ?? account.environment,
  })
}

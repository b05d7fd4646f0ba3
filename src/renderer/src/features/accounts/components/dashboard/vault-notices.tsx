import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Banner } from '@renderer/components/banner'
import { useAccounts } from '@renderer/features/accounts/api/get-accounts'
import { vaultStatusQuery } from '@renderer/features/accounts/api/get-vault-status'

/** What the vault found when it loaded (restored from backup, recovered accounts…), and whether it can save. */
export function VaultNotices() {
  const accounts = useAccounts()
  // The vault finds problems while loading the list, so its status is read after each load.
  const status = useQuery({ ...vaultStatusQuery, enabled: !accounts.isPending })
  const { refetch } = status
  const loadedAt = accounts.dataUpdatedAt + accounts.errorUpdatedAt
  useEffect(() => {
    if (loadedAt > 0) void refetch()
  }, [loadedAt, refetch])
  if (!status.data) return null
  const { writable, notices } = status.data
  return (
    <>
      {!writable && (
        <Banner tone="danger" alert title="Changes cannot be saved" testId="vault-readonly">
          The account file and its backup cannot be read, so AuthDesk will not overwrite them. Restore the file from a backup, or move it away to start afresh; the
          details are in the AuthDesk log.
        </Banner>
      )}
      {notices.map((notice) => (
        <Banner key={notice.code} tone="info" title={notice.message} testId="vault-notice" />
      ))}
    </>
  )
}

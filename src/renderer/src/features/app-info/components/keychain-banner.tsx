import { Banner } from '@renderer/components/banner'
import { useAppInfo } from '../api/get-app-info'

/** Shown on every screen when the OS keychain is unavailable: why, and how to get it back. */
export function KeychainBanner() {
  const info = useAppInfo()
  const storage = info.data?.secretStorage
  if (!storage || storage.persistent) return null
  return (
    <Banner tone="warning" alert testId="keychain-banner" title="Keychain unavailable: secrets are kept for this session only">
      <p>{storage.reason}</p>
      {storage.hint && (
        <p>
          <strong>How to fix it:</strong> {storage.hint}
        </p>
      )}
      {storage.error && (
        <p className="muted">
          Keychain error: <code>{storage.error}</code>
        </p>
      )}
    </Banner>
  )
}

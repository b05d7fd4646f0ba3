import type { SecretStorageStatus } from '../../../../../shared/model'

export function SecretStorageNotice({ status }: { readonly status: SecretStorageStatus }) {
  if (status.persistent) return <p className="note" data-testid="secret-reason">{status.reason}</p>
  return (
    <div role="alert" className="banner banner-warning" data-testid="secret-reason">
      <strong>Keychain unavailable.</strong> {status.reason}
      {status.hint && <p>{status.hint}</p>}
    </div>
  )
}

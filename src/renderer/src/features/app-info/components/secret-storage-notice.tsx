import type { SecretStorageStatus } from '@shared/model'

/** Why this secret storage is active (the keychain banner above every screen says when it is not). */
export function SecretStorageNotice({ status }: { readonly status: SecretStorageStatus }) {
  return (
    <p className="card-text" data-testid="secret-reason">
      {status.reason}
      {status.hint && ` ${status.hint}`}
    </p>
  )
}

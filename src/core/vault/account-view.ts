import type { AccountView, SecretStorageStatus } from '../../shared/model'
import type { AccountRecord } from './account-schema'
import { secretFieldView } from './fingerprint'
import { problemsOf, secretsStatusOf } from './reconcile'

/** The renderer's view of an account: every non-secret fact, and per secret only set/fingerprint/tail. */
export function toView(record: AccountRecord, hasItem: boolean, storage: SecretStorageStatus): AccountView {
  const status = secretsStatusOf(record, hasItem, storage)
  return {
    id: record.id,
    label: record.label,
    provider: record.provider,
    environment: record.environment,
    baseUrl: record.baseUrl,
    baseUrlConfirmedAt: record.baseUrlConfirmedAt,
    fields: { ...record.fields },
    secrets: Object.fromEntries(Object.entries(record.secrets).map(([name, value]) => [name, secretFieldView(value)])),
    scopes: [...record.scopes],
    notes: record.notes,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    lastRotatedAt: record.lastRotatedAt,
    secretsStatus: status,
    problems: problemsOf(record, status, storage),
  }
}

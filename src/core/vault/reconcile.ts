/**
 * Compares the account file with the keychain. Pure: given the records, the ids that have a
 * keychain item and the active backend, it says where each account's secrets are and which
 * problems to show. Nothing here reads a secret.
 */
import type { AccountProblem, SecretsStatus, SecretStorageStatus } from '../../shared/model'
import { providerDefinition } from '../providers/registry'
import { checkRequired } from './account-input'
import type { AccountRecord } from './account-schema'

/** Keychain items with no record: crash between saving the secret and the record, or a lost file. */
export function orphanIds(records: ReadonlyArray<AccountRecord>, itemIds: ReadonlySet<string>): string[] {
  const known = new Set(records.map((r) => r.id))
  return [...itemIds].filter((id) => !known.has(id)).sort()
}

export function secretsStatusOf(record: AccountRecord, hasItem: boolean, storage: SecretStorageStatus): SecretsStatus {
  if (Object.keys(record.secrets).length === 0) return 'none'
  if (storage.backend === 'memory') {
    if (hasItem) return 'session'
    return record.secretStorage === 'keychain' ? 'unavailable' : 'missing'
  }
  return hasItem ? 'keychain' : 'missing'
}

export function problemsOf(record: AccountRecord, status: SecretsStatus, storage: SecretStorageStatus): AccountProblem[] {
  const problems: AccountProblem[] = []
  const fix = storage.hint ? ` ${storage.hint}` : ''
  if (status === 'missing' && record.secretStorage === 'session')
    problems.push({
      code: 'secret.session-ended',
      message: 'Its secrets were kept for one session only (no keychain was available then) and are gone. Enter them again.',
    })
  else if (status === 'missing')
    problems.push({
      code: 'secret.missing',
      message: 'Its secrets are no longer in the OS keychain (the item was removed outside AuthDesk). Enter them again, or delete the account.',
    })
  if (status === 'unavailable')
    problems.push({ code: 'secret.unavailable', message: `Its secrets are in the OS keychain, which this session cannot reach.${fix}` })
  // Session-only is a problem only when a keychain was wanted (the Demo keeps memory by design).
  if (status === 'session' && storage.error !== null)
    problems.push({
      code: 'secret.session-only',
      message: `Its secrets are kept in memory for this session only and are lost when AuthDesk closes, because the OS keychain is unavailable.${fix}`,
    })
  if (record.secretsClearedAt)
    problems.push({
      code: 'secret.address-changed',
      message: 'Secrets needed: its address (base URL or environment) was changed without entering all its secrets again, so the others and any issued tokens were removed. Enter them again.',
    })
  if (record.recoveredAt)
    problems.push({
      code: 'metadata.recovered',
      message: 'Recovered from a keychain item that had no saved account details (for example after a crash while saving). Check its label and fields, then save it.',
    })
  const present = new Set([...Object.keys(record.fields), ...Object.keys(record.secrets)])
  const missing = checkRequired(providerDefinition(record.provider), present)
  if (missing.length > 0)
    problems.push({
      code: 'fields.incomplete',
      message: `Some fields are missing: ${missing.map((p) => p.message.replace(/\.$/, '')).join('; ')}.`,
    })
  return problems
}

/** Building account records: from a checked draft, or from a keychain item whose record was lost. */
import { providerDefinition } from '../providers/registry'
import type { CheckedDraft } from './account-input'
import type { AccountRecord } from './account-schema'
import type { Fingerprinter, SecretFieldRecord } from './fingerprint'
import type { SecretItem } from './secret-item'

export async function secretRecords(fingerprinter: Fingerprinter, secrets: Readonly<Record<string, string>>): Promise<Record<string, SecretFieldRecord>> {
  const entries = await Promise.all(Object.entries(secrets).map(async ([name, value]) => [name, await fingerprinter.record(value)] as const))
  return Object.fromEntries(entries)
}

/** True when a secret field was added, removed or given a different value. */
export function secretsChanged(before: Readonly<Record<string, SecretFieldRecord>>, after: Readonly<Record<string, SecretFieldRecord>>): boolean {
  const names = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...names].some((n) => before[n]?.fingerprint !== after[n]?.fingerprint)
}

export interface RecordContext {
  readonly id: string
  readonly now: string
  readonly secretStorage: AccountRecord['secretStorage']
}

export function newRecord(draft: CheckedDraft, secrets: Record<string, SecretFieldRecord>, context: RecordContext): AccountRecord {
  return {
    id: context.id,
    label: draft.label,
    provider: draft.provider,
    environment: draft.environment,
    baseUrl: draft.baseUrl,
    baseUrlConfirmedAt: draft.baseUrlUnlisted ? context.now : null,
    fields: draft.plain,
    secrets,
    scopes: draft.scopes,
    notes: draft.notes,
    createdAt: context.now,
    updatedAt: context.now,
    lastRotatedAt: Object.keys(secrets).length > 0 ? context.now : null,
    secretStorage: context.secretStorage,
    recoveredAt: null,
  }
}

/** A record for a keychain item that had none; its non-secret fields are lost and must be re-entered. */
export function recoveredRecord(item: SecretItem, label: string, secrets: Record<string, SecretFieldRecord>, context: RecordContext): AccountRecord {
  return {
    id: context.id,
    label,
    provider: item.provider,
    environment: item.environment,
    baseUrl: item.baseUrl ?? null,
    baseUrlConfirmedAt: null,
    fields: {},
    secrets,
    scopes: [...(providerDefinition(item.provider).scopes?.defaults ?? [])],
    notes: '',
    createdAt: context.now,
    updatedAt: context.now,
    lastRotatedAt: null,
    secretStorage: 'keychain',
    recoveredAt: context.now,
  }
}

/** `Label (copy)`, `Label (copy 2)`… the first one not taken. */
export function copyLabel(label: string, taken: (label: string) => boolean): string {
  const base = `${label.replace(/ \(copy(?: \d+)?\)$/, '')} (copy)`
  let candidate = base
  for (let n = 2; taken(candidate); n++) candidate = `${base.slice(0, -1)} ${n})`
  return candidate
}

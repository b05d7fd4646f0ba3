/**
 * Changing accounts: a partial update (each field left alone, replaced, or cleared) and a
 * duplicate. Everything is validated before anything is written; the keychain is touched
 * only when a secret changes.
 */
import { randomUUID } from 'node:crypto'
import { sameOrigin } from '../../shared/base-url'
import type { AccountView, Environment } from '../../shared/model'
import { isOn } from '../providers/field-shapes'
import { providerDefinition } from '../providers/registry'
import { environmentOf, type ProviderDefinition } from '../providers/types'
import {
  checkBaseUrl,
  checkEnvironment,
  checkFieldValues,
  checkLabel,
  checkNotes,
  checkRequired,
  checkScopes,
  problemError,
  sameLabel,
  unknownFieldProblem,
  type InputProblem,
} from './account-input'
import { copyLabel, secretRecords, secretsChanged } from './account-records'
import type { AccountRecord } from './account-schema'
import { addressOf, sameAddress, type BoundAddress } from './item-binding'
import type { Vault } from './vault'

export interface AccountPatch {
  readonly id: string
  readonly label?: string
  readonly environment?: Environment
  /** null (or '') returns to the environment's default. */
  readonly baseUrl?: string | null
  readonly confirmUnlistedHost?: boolean
  /** Per field: absent = unchanged, a value = replace, null (or '') = clear. */
  readonly fields?: Readonly<Record<string, string | null>>
  readonly scopes?: ReadonlyArray<string>
  readonly notes?: string
}

interface FieldChanges {
  readonly plain: Record<string, string>
  /** Secret fields to replace (a value) or clear (null). */
  readonly secret: Record<string, string | null>
}

function fieldChanges(record: AccountRecord, patch: Readonly<Record<string, string | null>>, problems: InputProblem[]): FieldChanges {
  const definition = providerDefinition(record.provider)
  const sets = Object.fromEntries(Object.entries(patch).filter((e): e is [string, string] => e[1] !== null && e[1] !== ''))
  const checked = checkFieldValues(definition, sets, problems)
  const plain = { ...record.fields, ...checked.plain }
  const secret: Record<string, string | null> = { ...checked.secret }
  for (const [name, value] of Object.entries(patch)) {
    if (value !== null && value !== '') continue
    const field = definition.fields.find((f) => f.name === name)
    if (!field) problems.push(unknownFieldProblem(definition, name))
    else if (field.secret) secret[name] = null
    else delete plain[name]
  }
  const present = new Set([...Object.keys(plain), ...Object.keys(record.secrets), ...Object.keys(secret)])
  for (const [name, value] of Object.entries(secret)) if (value === null) present.delete(name)
  problems.push(...checkRequired(definition, present).filter((p) => !problems.some((q) => q.field === p.field)))
  return { plain, secret }
}

const effectiveUrl = (definition: ProviderDefinition, address: BoundAddress): string | null =>
  address.baseUrl ?? environmentOf(definition, address.environment)?.baseUrl ?? null

/** Only the path changed: the same environment, and the same scheme, host and port (the same server). */
function onlyPathChanged(definition: ProviderDefinition, before: BoundAddress, after: BoundAddress): boolean {
  return before.environment === after.environment && sameOrigin(effectiveUrl(definition, before), effectiveUrl(definition, after))
}

export function updateAccount(vault: Vault, patch: AccountPatch): Promise<AccountView> {
  return vault.transaction(async (accounts, save) => {
    const record = vault.find(accounts, patch.id)
    vault.rememberFields(record.provider, patch.fields ?? {})
    const definition = providerDefinition(record.provider)
    const problems: InputProblem[] = []
    const others = accounts.filter((a) => a.id !== record.id)
    const label = patch.label === undefined ? record.label : checkLabel(patch.label, (l) => others.some((a) => sameLabel(a.label, l)), problems)
    const environment = patch.environment === undefined ? record.environment : checkEnvironment(definition, patch.environment, problems)
    let baseUrl = record.baseUrl
    let baseUrlConfirmedAt = record.baseUrlConfirmedAt
    if (patch.baseUrl !== undefined) {
      const optIn = isOn(patch.fields?.ALLOW_LOCAL_HTTP ?? record.fields.ALLOW_LOCAL_HTTP)
      const next = checkBaseUrl(definition, patch.baseUrl, true, [], optIn)
      // Saving the URL it already has needs no new confirmation.
      if (next.url !== record.baseUrl) {
        // A host confirmed with the saved URL stays confirmed for another path on it.
        const sameHost = record.baseUrlConfirmedAt !== null && sameOrigin(record.baseUrl, next.url)
        const checked = checkBaseUrl(definition, patch.baseUrl, patch.confirmUnlistedHost === true || sameHost, problems, optIn)
        baseUrl = checked.url
        baseUrlConfirmedAt = checked.unlisted ? (sameHost ? record.baseUrlConfirmedAt : vault.now()) : null
      }
    }
    const changes = patch.fields ? fieldChanges(record, patch.fields, problems) : { plain: record.fields, secret: {} }
    const scopes = patch.scopes === undefined ? record.scopes : checkScopes(definition, patch.scopes, problems)
    const notes = patch.notes === undefined ? record.notes : checkNotes(patch.notes, problems)
    if (problems.length > 0) throw problemError(problems)

    let secrets = record.secrets
    let secretStorage = record.secretStorage
    const address = addressOf({ environment, baseUrl })
    const repointed = !sameAddress(addressOf(record), address)
    const sameServer = repointed && onlyPathChanged(definition, addressOf(record), address)
    let secretsClearedAt = record.secretsClearedAt ?? null
    if (repointed || Object.keys(changes.secret).length > 0) {
      vault.assertReachable(record, repointed ? 'change the address of' : 'change the secrets of')
      const item = vault.items.has(record.id) ? await vault.items.read(record.id) : null
      // Secrets and issued tokens never follow an account to another server on the renderer's word
      // alone: only the secrets entered in this request go there. A new path on the same origin is
      // the same server, so the secrets stay; issued tokens never do (they belong to the old address).
      const merged: Record<string, string> = repointed && !sameServer ? {} : { ...(item?.secrets ?? {}) }
      for (const [name, value] of Object.entries(changes.secret)) {
        if (value === null) delete merged[name]
        else merged[name] = value
      }
      await vault.items.write(record.id, { v: 1, provider: record.provider, ...address, label, secrets: merged, tokens: repointed ? {} : (item?.tokens ?? {}) })
      secrets = await secretRecords(vault.fingerprints, merged)
      secretStorage = vault.secretStorageKind
      const dropped = repointed && Object.keys(record.secrets).some((name) => !Object.hasOwn(merged, name))
      if (dropped) vault.log('warn', 'account.secrets-cleared', { id: record.id, reason: 'address changed without all its secrets' })
      secretsClearedAt = dropped ? vault.now() : Object.keys(merged).length > 0 ? null : secretsClearedAt
    }
    const now = vault.now()
    const next: AccountRecord = {
      ...record,
      label,
      environment,
      baseUrl,
      baseUrlConfirmedAt,
      fields: changes.plain,
      secrets,
      scopes,
      notes,
      updatedAt: now,
      lastRotatedAt: secretsChanged(record.secrets, secrets) ? now : record.lastRotatedAt,
      secretStorage,
      recoveredAt: null,
      secretsClearedAt,
    }
    await save(accounts.map((a) => (a.id === record.id ? next : a)))
    vault.log('info', 'account.updated', { id: record.id, fields: Object.keys(patch.fields ?? {}), rotated: next.lastRotatedAt !== record.lastRotatedAt })
    if (baseUrl !== record.baseUrl && baseUrlConfirmedAt) vault.log('warn', 'account.base-url-unlisted', { id: record.id, host: new URL(baseUrl!).host })
    vault.changed([record.id])
    return vault.view(next)
  })
}

/** Copies the definition and any readable secrets; tokens stay with the original (a refresh token must not be shared). */
export function duplicateAccount(vault: Vault, id: string, label?: string): Promise<AccountView> {
  return vault.transaction(async (accounts, save) => {
    const source = vault.find(accounts, id)
    const problems: InputProblem[] = []
    const taken = (l: string): boolean => accounts.some((a) => sameLabel(a.label, l))
    const newLabel = checkLabel(label ?? copyLabel(source.label, taken), taken, problems)
    if (problems.length > 0) throw problemError(problems)
    const item = vault.items.has(id) ? await vault.items.read(id) : null
    const now = vault.now()
    const copy: AccountRecord = {
      ...source,
      id: randomUUID(),
      label: newLabel,
      secrets: await secretRecords(vault.fingerprints, item?.secrets ?? {}),
      createdAt: now,
      updatedAt: now,
      secretStorage: vault.secretStorageKind,
      recoveredAt: null,
    }
    if (item) await vault.items.write(copy.id, { ...item, label: newLabel, tokens: {} })
    await save([...accounts, copy])
    vault.log('info', 'account.duplicated', { id: copy.id, from: id, withSecrets: item !== null })
    vault.changed([copy.id])
    return vault.view(copy)
  })
}

/**
 * Import from a `.env` file in the CLI's variable convention: a preview that shows what
 * would be created (secrets only masked), then an import of exactly that preview (its digest
 * must match), all accounts or none.
 */
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { ImportCandidateView, ImportPreview, ImportRejection, ImportResult } from '../../shared/model'
import { addressOf, sameAddress } from './item-binding'
import { AppError } from '../errors'
import { checkDraft, sameLabel, type CheckedDraft, type InputProblem } from './account-input'
import { newRecord, secretRecords, secretsChanged } from './account-records'
import type { AccountRecord } from './account-schema'
import { draftOf, groupEnvAccounts, parseDotenv, selects, variableOf, type EnvAccount, type IgnoredVariable } from './dotenv-import'
import { secretFieldView } from './fingerprint'
import type { Vault } from './vault'

export type ImportSource = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'file'; readonly path: string }

export interface ImportRequest {
  readonly source: ImportSource
  /** Account names (`PROD_NMBRS`, or NAME alone) to import; all when absent. */
  readonly only?: ReadonlyArray<string>
  /** Update accounts whose label matches instead of skipping them. */
  readonly replaceExisting?: boolean
}

export interface ImportCommit extends ImportRequest {
  /** The preview's digest; the import refuses if the file changed since. */
  readonly digest?: string
  /** Required when a candidate's base URL is not one of its provider's hosts. */
  readonly confirmUnlistedHosts?: boolean
  /** Import the valid accounts and report the invalid ones (default: an invalid account stops the whole import). */
  readonly skipInvalid?: boolean
}

interface Planned {
  readonly account: EnvAccount
  readonly action: ImportCandidateView['action']
  readonly existing: AccountRecord | null
  readonly draft: CheckedDraft
  readonly problems: ReadonlyArray<InputProblem>
}

async function readSource(source: ImportSource): Promise<string> {
  if (source.kind === 'text') return source.text
  try {
    return await readFile(source.path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new AppError('import.unreadable', `The import file cannot be read (${code}). Check the path and its permissions.`, { field: 'source.path' })
  }
}

function plan(vault: Vault, records: ReadonlyArray<AccountRecord>, text: string, request: ImportRequest): { planned: Planned[]; ignored: IgnoredVariable[] } {
  const { accounts, ignored } = groupEnvAccounts(parseDotenv(text))
  for (const account of accounts) vault.rememberFields(account.provider, account.values)
  const selected = accounts.filter((a) => selects(request.only, a))
  if (selected.length === 0)
    throw new AppError(
      'import.empty',
      request.only?.length
        ? 'No account in the file matches the names given to import.'
        : 'The file describes no account: variables must be named like SMSGATE_USERNAME or PROD_NMBRS_TOKEN, with the token of a built-in provider or of a custom provider added first (`authdesk providers add FILE`; docs/providers/custom.md).',
    )
  const planned = selected.map((account): Planned => {
    const existing = records.find((r) => sameLabel(r.label, account.name)) ?? null
    const fromEnv = draftOf(account)
    const checked = checkDraft(fromEnv.draft, () => false)
    const problems = [...fromEnv.problems, ...checked.problems].map((p) => ({ field: variableOf(account, p.field), message: p.message }))
    const action = existing && !request.replaceExisting ? 'skip' : problems.length > 0 ? 'invalid' : existing ? 'replace' : 'create'
    return { account, action, existing, draft: checked.value, problems }
  })
  return { planned, ignored }
}

async function digestOf(vault: Vault, text: string, request: ImportRequest): Promise<string> {
  return vault.fingerprints.fingerprint(JSON.stringify([text, request.only ?? [], request.replaceExisting === true]))
}

export function previewImport(vault: Vault, request: ImportRequest): Promise<ImportPreview> {
  return vault.transaction(async (records) => {
    const text = await readSource(request.source)
    const { planned, ignored } = plan(vault, records, text, request)
    const accounts = await Promise.all(
      planned.map(async (p): Promise<ImportCandidateView> => {
        const secrets = await secretRecords(vault.fingerprints, p.draft.secret)
        return {
          name: p.account.name,
          provider: p.draft.provider,
          environment: p.draft.environment,
          baseUrl: p.draft.baseUrl,
          baseUrlUnlisted: p.draft.baseUrlUnlisted,
          fields: p.draft.plain,
          secrets: Object.fromEntries(Object.entries(secrets).map(([n, r]) => [n, secretFieldView(r)])),
          scopes: p.draft.scopes,
          action: p.action,
          existingId: p.existing?.id ?? null,
          problems: p.problems,
        }
      }),
    )
    return { digest: await digestOf(vault, text, request), accounts, ignored }
  })
}

function replaced(existing: AccountRecord, draft: CheckedDraft, secrets: AccountRecord['secrets'], vault: Vault): AccountRecord {
  const now = vault.now()
  return {
    ...existing,
    environment: draft.environment,
    baseUrl: draft.baseUrl,
    baseUrlConfirmedAt: draft.baseUrlUnlisted ? (draft.baseUrl === existing.baseUrl ? existing.baseUrlConfirmedAt : now) : null,
    fields: draft.plain,
    secrets,
    scopes: draft.scopes,
    updatedAt: now,
    lastRotatedAt: secretsChanged(existing.secrets, secrets) ? now : existing.lastRotatedAt,
    secretStorage: vault.secretStorageKind,
    recoveredAt: null,
  }
}

export function importAccounts(vault: Vault, request: ImportCommit): Promise<ImportResult> {
  return vault.transaction(async (records, save) => {
    const text = await readSource(request.source)
    const { planned } = plan(vault, records, text, request)
    if (request.digest !== undefined && request.digest !== (await digestOf(vault, text, request)))
      throw new AppError('import.changed', 'The file changed since it was previewed. Preview it again before importing.')
    const invalid = planned.find((p) => p.action === 'invalid')
    if (invalid && (request.skipInvalid !== true || planned.every((p) => p.action === 'invalid' || p.action === 'skip'))) throw new AppError('import.invalid', `${invalid.problems[0]!.field}: ${invalid.problems[0]!.message} Nothing was imported.`, { field: invalid.problems[0]!.field })
    const unlisted = planned.find((p) => p.action !== 'skip' && p.draft.baseUrlUnlisted)
    if (unlisted && request.confirmUnlistedHosts !== true)
      throw new AppError(
        'account.host-unconfirmed',
        `${unlisted.account.name}_BASE_URL is not a host of its provider, and its credentials would be sent there. Confirm it explicitly to import. Nothing was imported.`,
      )
    const next = [...records]
    const result = { created: [] as AccountRecord[], replaced: [] as AccountRecord[], skipped: [] as string[], invalid: [] as ImportRejection[] }
    const writes: Array<{ readonly record: AccountRecord; readonly draft: CheckedDraft; readonly existing: AccountRecord | null }> = []
    for (const p of planned) {
      if (p.action === 'invalid') {
        result.invalid.push({ name: p.account.name, problems: p.problems.map((problem) => ({ field: problem.field, message: problem.message })) })
        continue
      }
      if (p.action === 'skip') {
        result.skipped.push(p.account.name)
        continue
      }
      if (p.existing) vault.assertReachable(p.existing, 'replace')
      const secrets = await secretRecords(vault.fingerprints, p.draft.secret)
      const record = p.existing ? replaced(p.existing, p.draft, secrets, vault) : newRecord(p.draft, secrets, { id: randomUUID(), now: vault.now(), secretStorage: vault.secretStorageKind })
      if (p.existing) next[next.findIndex((r) => r.id === record.id)] = record
      else next.push(record)
      ;(p.existing ? result.replaced : result.created).push(record)
      writes.push({ record, draft: p.draft, existing: p.existing })
    }
    // Journal, secrets, records: a kill at any point leaves each account whole (finished at the next open) or absent.
    await vault.journal.begin(writes.map((w) => w.record))
    for (const { record, draft, existing } of writes) {
      const address = addressOf(draft)
      // Issued tokens stay only while the account keeps its address: they must not follow it elsewhere.
      const keepTokens = existing !== null && vault.items.has(record.id) && sameAddress(addressOf(existing), address)
      const tokens = keepTokens ? ((await vault.items.read(record.id))?.tokens ?? {}) : {}
      await vault.items.write(record.id, { v: 1, provider: draft.provider, ...address, label: draft.label, secrets: draft.secret, tokens })
    }
    await save(next)
    await vault.journal.clear()
    for (const r of [...result.created, ...result.replaced])
      vault.log('info', 'account.imported', { id: r.id, provider: r.provider, replaced: result.replaced.includes(r), unlistedHost: r.baseUrlConfirmedAt !== null })
    vault.changed([...result.created, ...result.replaced].map((r) => r.id))
    return {
      created: result.created.map((r) => vault.view(r)),
      replaced: result.replaced.map((r) => vault.view(r)),
      skipped: result.skipped,
      ...(result.invalid.length > 0 ? { invalid: result.invalid } : {}),
    }
  })
}

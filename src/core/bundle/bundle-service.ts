/**
 * The support bundle as a core service, for IPC (`bundle:preview`, `bundle:export`) and the
 * CLI: gathers the account, its checks, the wizard trail, the environment and every vault
 * secret, then builds (preview) or builds, scans and writes (export) the bundle.
 */
import { createHash } from 'node:crypto'
import type { Diagnosis } from '../../shared/diagnosis'
import { AppError, isAppError } from '../errors'
import type { Vault } from '../vault/vault'
import { buildBundle } from './build-bundle'
import { collectEnvironment } from './environment'
import { selfScan } from './self-scan'
import type { BundleInput, BundleItem, BundleManifest, ScanReport, WizardTrailStep } from './types'
import { writeBundle, type BundleSink, type WrittenBundle } from './write-bundle'

export interface BundleSources {
  readonly vault: Vault
  readonly appVersion: string
  readonly electron?: string | null
  /** Where proxy variables are read (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The account's check history. Until the history store is wired in, none: the bundle then says no check has run. */
  readonly diagnoses?: (accountId: string) => Promise<ReadonlyArray<Diagnosis>>
  readonly wizardTrail?: (accountId: string) => Promise<ReadonlyArray<WizardTrailStep>>
  readonly now?: () => Date
  readonly timeZone?: string
}

export interface BundleRequest {
  readonly accountId: string
  /** Identifiers to replace by pseudonyms: account field names (`USERNAME`) or literal values. */
  readonly mask?: ReadonlyArray<string>
  /** File names or item ids (from the preview's `items`) to leave out. */
  readonly exclude?: ReadonlyArray<string>
}

export interface ExportRequest extends BundleRequest {
  readonly path: string
  /** From the preview: export exactly what was previewed (refused when the bundle changed since). */
  readonly digest?: string
  readonly generatedAt?: string
  /** Hands the zip over instead of writing it to `path`. */
  readonly sink?: BundleSink
}

export interface BundlePreviewFile {
  readonly name: string
  readonly mediaType: string
  readonly size: number
  readonly content: string
  /** Replacements to highlight: offsets into `content`, the kind of secret, and the field name when known. */
  readonly redactions: ReadonlyArray<{ readonly start: number; readonly end: number; readonly kind: string; readonly field?: string }>
}

export interface BundlePreview {
  readonly accountId: string
  readonly generatedAt: string
  readonly digest: string
  readonly files: ReadonlyArray<BundlePreviewFile>
  readonly items: ReadonlyArray<BundleItem>
  readonly manifest: BundleManifest
  /** The self-scan as export would run it: not clean means export will be refused, and where. */
  readonly scan: ScanReport
  /** Accounts whose secrets could not be read, so the scan could not look for them. */
  readonly unreadAccounts: ReadonlyArray<string>
}

interface Gathered {
  readonly input: BundleInput
  readonly secrets: ReadonlyArray<string>
  readonly unreadAccounts: ReadonlyArray<string>
}

/**
 * Every secret value in the vault. The bundle's own account must be readable (fail closed);
 * other accounts are skipped and named when not. Secrets that are gone (`missing`) cannot leak.
 */
async function vaultSecrets(vault: Vault, accountId: string): Promise<{ secrets: string[]; unread: string[] }> {
  const secrets: string[] = []
  const unread: string[] = []
  for (const account of await vault.list()) {
    if (account.secretsStatus === 'none' || account.secretsStatus === 'missing') continue
    try {
      const item = await vault.readSecrets(account.id, 'support-bundle')
      secrets.push(...Object.values(item.secrets), ...Object.values(item.tokens))
    } catch (error) {
      if (account.id === accountId)
        throw new AppError('bundle.secrets-unreadable', `The secrets of "${account.label}" cannot be read now, so its bundle cannot be checked for them. ${isAppError(error) ? error.message : ''}`.trim())
      unread.push(account.label)
    }
  }
  return { secrets: secrets.filter((s) => s.trim() !== ''), unread }
}

async function gather(sources: BundleSources, request: BundleRequest, generatedAt?: string): Promise<Gathered> {
  const account = (await sources.vault.list()).find((a) => a.id === request.accountId)
  if (!account) throw new AppError('account.not-found', 'No account has this id; it may have been deleted. Reload the list.', { field: 'accountId' })
  const { secrets, unread } = await vaultSecrets(sources.vault, account.id)
  const environment = collectEnvironment({
    appVersion: sources.appVersion,
    electron: sources.electron ?? null,
    secretStorage: sources.vault.storage,
    env: sources.env,
    now: generatedAt ? () => new Date(generatedAt) : sources.now,
    timeZone: sources.timeZone,
  })
  const diagnoses = (await sources.diagnoses?.(account.id)) ?? []
  const wizardTrail = (await sources.wizardTrail?.(account.id)) ?? []
  return { input: { account, diagnoses: diagnoses.filter((d) => d.provider === account.provider), wizardTrail, environment }, secrets, unreadAccounts: unread }
}

function digestOf(files: ReadonlyArray<{ name: string; content: string }>): string {
  const hash = createHash('sha256')
  for (const f of files) hash.update(f.name).update('\0').update(f.content).update('\0')
  return hash.digest('hex')
}

export async function previewBundle(sources: BundleSources, request: BundleRequest): Promise<BundlePreview> {
  const { input, secrets, unreadAccounts } = await gather(sources, request)
  const bundle = buildBundle(input, { knownSecrets: secrets, mask: request.mask, exclude: request.exclude })
  return {
    accountId: input.account.id,
    generatedAt: input.environment.generatedAt,
    digest: digestOf(bundle.files),
    files: bundle.files.map((f) => ({
      name: f.name,
      mediaType: f.mediaType,
      size: Buffer.byteLength(f.content),
      content: f.content,
      redactions: f.redactions.map((r) => ({ start: r.output.start, end: r.output.end, kind: r.kind, ...(r.field ? { field: r.field } : {}) })),
    })),
    items: bundle.items,
    manifest: bundle.manifest,
    scan: await selfScan(bundle.files, secrets),
    unreadAccounts,
  }
}

export interface ExportedBundle extends WrittenBundle {
  readonly digest: string
  readonly manifest: BundleManifest
  /** The checks the bundle holds (0: no check has run, and the bundle says so). */
  readonly checks: number
}

export async function exportBundle(sources: BundleSources, request: ExportRequest): Promise<ExportedBundle> {
  const { input, secrets } = await gather(sources, request, request.generatedAt)
  const bundle = buildBundle(input, { knownSecrets: secrets, mask: request.mask, exclude: request.exclude })
  const digest = digestOf(bundle.files)
  if (request.digest !== undefined && request.digest !== digest)
    throw new AppError('bundle.changed', 'The bundle changed since it was previewed (a new check, or other choices). Preview it again before exporting.')
  const written = await writeBundle(request.path, bundle.files, secrets, new Date(input.environment.generatedAt), request.sink)
  return { ...written, digest, manifest: bundle.manifest, checks: input.diagnoses.length }
}

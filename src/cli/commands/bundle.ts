import { existsSync } from 'node:fs'
import { exportBundle, previewBundle, type BundleSources } from '../../core/bundle/bundle-service'
import { wizardSteps } from '../../core/bundle/wizard-steps'
import { BundleScanError } from '../../core/bundle/write-bundle'
import { isAppError } from '../../core/errors'
import type { Services } from '../../core/services'
import { sameLabel } from '../../core/vault/account-input'
import type { Diagnosis } from '../../shared/diagnosis'
import { formatScanHits, formatWritten } from '../format-bundle'
import { DATA_DIR_FLAG, JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, UsageError, type CliIo, type Command } from '../io'
import { VERSION } from '../version'
import { openDefaultServices, withVault, type OpenServices } from '../vault-session'

const USAGE = 'authdesk bundle --account NAME --out FILE.zip|- [--force] [--mask FIELD|VALUE]... [--exclude ID]... [--json] [--data-dir DIR]'

const FLAGS = {
  account: { type: 'string', value: 'NAME', help: 'the account (its name or id)' },
  out: { type: 'string', value: 'FILE.zip', help: 'where to write the zip; - for stdout' },
  force: { type: 'boolean', default: false, help: 'replace an existing --out file' },
  mask: { type: 'string', multiple: true, default: [], value: 'FIELD|VALUE', help: 'replace an account field’s value (or a literal value) by a pseudonym' },
  exclude: { type: 'string', multiple: true, default: [], value: 'ID', help: 'leave out a file or item (an unknown id lists the valid ones)' },
  json: JSON_FLAG,
  'data-dir': DATA_DIR_FLAG,
} satisfies FlagTable

/** An account's check history, newest first (default: the app's health history, as `check --vault` records it). */
export type CheckHistory = (services: Services, accountId: string) => Promise<ReadonlyArray<Diagnosis>>
const savedHistory: CheckHistory = (services, id) => services.health.historyOf(id)

/** Errors about the input are usage errors (2), keychain problems 4, the rest system errors (5). */
function exitFor(code: string): number {
  if (code === 'account.not-found') return EXIT.usage
  if (code === 'bundle.secrets-unreadable' || code === 'vault.keychain-unavailable') return EXIT.keychain
  return EXIT.system
}

interface BundleOptions {
  readonly account: string
  readonly out: string
  readonly mask: string[]
  readonly exclude: string[]
  readonly json: boolean
}

/** Every --exclude must name a file or an item of this account's bundle. */
async function checkExcludes(sources: BundleSources, accountId: string, options: BundleOptions): Promise<void> {
  if (options.exclude.length === 0) return
  const preview = await previewBundle(sources, { accountId, mask: options.mask })
  const valid = [...new Set([...preview.files.map((f) => f.name), ...preview.items.map((i) => i.id)])]
  const unknown = options.exclude.filter((id) => !valid.includes(id))
  if (unknown.length > 0) throw new UsageError(`--exclude names nothing in this bundle: ${unknown.join(', ')}. Valid ids: ${valid.join(', ')}.`, '--exclude')
}

async function run(services: Services, options: BundleOptions, history: CheckHistory, io: CliIo): Promise<number> {
  const account = (await services.vault.list()).find((a) => a.id === options.account || sameLabel(a.label, options.account))
  if (!account) {
    io.stderr(`authdesk bundle: no account named ${options.account} (see \`authdesk accounts list\`). Nothing was written.\n`)
    return EXIT.usage
  }
  const diagnoses = await history(services, account.id)
  const trail = wizardSteps(await services.wizard().get(account.id))
  const sources: BundleSources = { vault: services.vault, appVersion: VERSION, env: io.env, diagnoses: async () => diagnoses, wizardTrail: async () => trail }
  await checkExcludes(sources, account.id, options)
  const toStdout = options.out === '-'
  // The zip owns stdout: the report goes to stderr.
  const report = toStdout ? io.stderr : io.stdout
  const sink = toStdout ? (io.stdoutBytes ?? (async (zip: Uint8Array) => io.stdout(Buffer.from(zip).toString('latin1')))) : undefined
  try {
    const written = await exportBundle(sources, { accountId: account.id, path: toStdout ? 'stdout' : options.out, mask: options.mask, exclude: options.exclude, sink })
    const notes = written.checks === 0 ? ['no check has run yet for this account: the bundle has no diagnosis and no exchanges.'] : []
    const { removals, byKind } = written.manifest
    if (options.json) {
      const { path, bytes, files, scan, digest, checks } = written
      report(`${JSON.stringify({ ok: true, account: account.label, path, bytes, files, checks, removals, byKind, scan, digest, notes })}\n`)
    } else report(formatWritten(written, removals, byKind, notes))
    return EXIT.ok
  } catch (error) {
    if (error instanceof BundleScanError) {
      if (options.json) report(`${JSON.stringify({ ok: false, error: { code: error.code, message: error.message, field: null }, scan: error.scan })}\n`)
      io.stderr(`authdesk bundle: the secret scan found ${error.scan.hits.length} secret(s); nothing was written:\n${formatScanHits(error.scan)}`)
      return EXIT.failing
    }
    if (!isAppError(error)) throw error
    if (options.json) report(`${JSON.stringify({ ok: false, error: { code: error.code, message: error.message, field: error.field ?? null } })}\n`)
    io.stderr(`authdesk bundle: ${error.message}\n`)
    return exitFor(error.code)
  }
}

export function createBundleCommand(open: OpenServices = openDefaultServices, history: CheckHistory = savedHistory): Command {
  return {
    name: 'bundle',
    summary: 'Write the redacted support bundle for one account (same as the app’s export, after the same secret scan)',
    usage: USAGE,
    flags: FLAGS,
    examples: ['authdesk bundle --account PROD_NMBRS --out support.zip', 'authdesk bundle --account SG --out - --mask USERNAME > bundle.zip'],
    async run(argv, io) {
      const { values, positionals } = parseFlags(FLAGS, argv, true)
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]!.slice(0, 40)}"`)
      if (!values.account) throw new UsageError('--account NAME is required')
      if (!values.out) throw new UsageError('--out FILE.zip is required (or --out - for stdout)', '--out')
      if (values.out !== '-' && existsSync(values.out) && !values.force)
        throw new UsageError(`${values.out} exists. Fix: choose another --out, or add --force to replace it.`, '--out')
      const options = { account: values.account, out: values.out, mask: values.mask, exclude: values.exclude, json: values.json }
      return withVault(open, values['data-dir'], io, (services) => run(services, options, history, io))
    },
  }
}

export const bundleCommand = createBundleCommand()

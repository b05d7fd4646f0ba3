import type { Services } from '../../core/services'
import { removeAccount } from '../../core/account-removal'
import { sameLabel } from '../../core/vault/account-input'
import { envVariables, readEnvText } from '../env-accounts'
import { formatAccount, formatNotices, formatPreview } from '../format-accounts'
import { isAppError } from '../../core/errors'
import { CommandError } from '../errors'
import { DATA_DIR_FLAG, JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, UsageError, type CliIo, type Command } from '../io'
import { openDefaultServices, withVault, type OpenServices } from '../vault-session'

const USAGE = `authdesk accounts list [--json] [--data-dir DIR]
       authdesk accounts add --env FILE|- [--strict] [--only NAME,...] [--replace] [--dry-run] [--json] [--data-dir DIR]
       authdesk accounts remove NAME... [--force] [--data-dir DIR]`

const FLAGS = {
  env: { type: 'string', value: 'FILE', help: 'add: the .env file describing the accounts (- for stdin)' },
  strict: { type: 'boolean', default: false, help: 'add: treat what the .env parser would drop or merge as an error' },
  only: { type: 'string', value: 'NAME,...', help: 'add: import only these accounts' },
  replace: { type: 'boolean', default: false, help: 'add: update accounts whose name exists instead of skipping them' },
  'dry-run': { type: 'boolean', default: false, help: 'add: show what would be imported, import nothing' },
  force: { type: 'boolean', default: false, help: 'remove: remove even when a token cannot be revoked (it stays valid until it expires)' },
  json: JSON_FLAG,
  'data-dir': DATA_DIR_FLAG,
} satisfies FlagTable

const list = (only: string | undefined): string[] | undefined => only?.split(',').map((s) => s.trim()).filter(Boolean)

async function listAccounts(services: Services, json: boolean, io: CliIo): Promise<number> {
  const accounts = await services.vault.list()
  const { notices } = services.vault.status()
  if (json) {
    io.stdout(JSON.stringify({ accounts, notices }) + '\n')
    return EXIT.ok
  }
  io.stderr(formatNotices(notices))
  io.stdout(accounts.length === 0 ? 'No accounts. Add some with `authdesk accounts add --env FILE`.\n' : accounts.map(formatAccount).join('\n'))
  return EXIT.ok
}

interface AddOptions {
  readonly file: string
  readonly strict: boolean
  readonly only: string[] | undefined
  readonly replace: boolean
  readonly dryRun: boolean
  readonly json: boolean
}

async function addAccounts(services: Services, options: AddOptions, io: CliIo): Promise<number> {
  const text = await readEnvText(options.file, io)
  envVariables(text, options.file, options.strict, 'accounts add', io)
  const request = { source: { kind: 'text' as const, text }, only: options.only, replaceExisting: options.replace }
  const preview = await services.vault.previewImport(request)
  const invalid = preview.accounts.some((a) => a.action === 'invalid')
  if (options.dryRun || invalid) {
    if (options.json) io.stdout(JSON.stringify({ preview, result: null }) + '\n')
    else io.stdout(formatPreview(preview))
    if (invalid) io.stderr('authdesk accounts add: some accounts are not valid (above). Nothing was imported.\n')
    return invalid ? EXIT.usage : EXIT.ok
  }
  // The file chose its base URLs explicitly (docs/cli.md), which is the confirmation.
  const result = await services.vault.importAccounts({ ...request, digest: preview.digest, confirmUnlistedHosts: true })
  if (options.json) {
    io.stdout(JSON.stringify({ preview, result }) + '\n')
  } else {
    io.stdout(formatPreview(preview))
    io.stdout(`Created ${result.created.length}, replaced ${result.replaced.length}, skipped ${result.skipped.length}.\n`)
  }
  return EXIT.ok
}

async function removeAccounts(services: Services, names: ReadonlyArray<string>, force: boolean, io: CliIo): Promise<number> {
  const accounts = await services.vault.list()
  const matches = names.map((name) => ({ name, account: accounts.find((a) => a.id === name || sameLabel(a.label, name)) }))
  const unknown = matches.filter((m) => !m.account).map((m) => m.name)
  if (unknown.length > 0) {
    throw new UsageError(`no account named ${unknown.join(', ')} (see \`authdesk accounts list\`). Nothing was removed.`, 'NAME')
  }
  for (const { account } of matches) {
    const removal = await removeAccount(services, account!.id, { requireRevocation: !force }).catch((error: unknown) => {
      if (!isAppError(error) || error.code !== 'tokens.revoke-failed') throw error
      const fix = `Fix: try again when SMSGate answers, or add --force to remove it anyway (its tokens then stay valid until they expire).`
      throw new CommandError(EXIT.failing, error.code, `${account!.label}: ${error.message} ${fix}`, 'NAME')
    })
    const revoked = removal.revokedTokens.length
    io.stdout(`Removed ${account!.label}${revoked > 0 ? ` (revoked ${revoked} SMSGate token${revoked === 1 ? '' : 's'})` : ''}\n`)
    for (const warning of removal.warnings) io.stderr(`authdesk accounts remove: ${account!.label}: ${warning}\n`)
  }
  return EXIT.ok
}

export function createAccountsCommand(open: OpenServices = openDefaultServices): Command {
  return {
    name: 'accounts',
    summary: 'List, add (from a .env file) and remove the accounts in the vault the desktop app uses',
    usage: USAGE,
    flags: FLAGS,
    examples: ['authdesk accounts add --env accounts.env --dry-run', 'authdesk accounts list --json', 'authdesk accounts remove PROD_NMBRS'],
    async run(argv, io) {
      const { values, positionals } = parseFlags(FLAGS, argv, true)
      const [action, ...names] = positionals
      if (action === 'add' && !values.env) throw new UsageError('add needs --env FILE')
      if (action !== 'list' && action !== 'add' && action !== 'remove')
        throw new UsageError(action === undefined ? 'say what to do: list, add or remove' : `unknown action "${action.slice(0, 40)}"`)
      if (action !== 'remove' && names.length > 0) throw new UsageError(`unexpected argument "${names[0]!.slice(0, 40)}"`)
      if (action === 'remove' && names.length === 0) throw new UsageError('name at least one account to remove')
      return withVault(open, values['data-dir'], io, async (services) => {
        if (action === 'list') return listAccounts(services, values.json, io)
        if (action === 'remove') return removeAccounts(services, names, values.force, io)
        const options = { file: values.env!, strict: values.strict, only: list(values.only), replace: values.replace, dryRun: values['dry-run'], json: values.json }
        return addAccounts(services, options, io)
      })
    },
  }
}

export const accountsCommand = createAccountsCommand()

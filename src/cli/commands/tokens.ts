import { CAUSES, type CauseCode } from '../../shared/causes'
import type { AccountView } from '../../shared/model'
import { isAppError } from '../../core/errors'
import type { Services } from '../../core/services'
import { MAX_TTL_SECONDS } from '../../core/tokens/scope-policy'
import { sameLabel } from '../../core/vault/account-input'
import { CommandError } from '../errors'
import { formatTokenState } from '../format-tokens'
import { DATA_DIR_FLAG, JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, UsageError, type CliIo, type Command } from '../io'
import { openDefaultServices, withVault, type OpenServices } from '../vault-session'

const USAGE = `authdesk tokens list --account NAME [--json] [--data-dir DIR]
       authdesk tokens issue --account NAME [--scopes a,b] [--ttl S] [--print] [--json] [--data-dir DIR]
       authdesk tokens refresh --account NAME [--json] [--data-dir DIR]
       authdesk tokens revoke --account NAME [--jti ID] [--json] [--data-dir DIR]`

const FLAGS = {
  account: { type: 'string', value: 'NAME', help: 'the account (its name or id), of a provider that issues tokens' },
  scopes: { type: 'string', value: 'a,b', help: 'issue: the scopes of the new token (default: the account’s)' },
  ttl: { type: 'string', value: 'S', help: 'issue: lifetime in seconds' },
  print: { type: 'boolean', default: false, help: 'issue: print the token on stdout (for a CI job); AuthDesk will not use it' },
  jti: { type: 'string', value: 'ID', help: 'revoke: only this token (one AuthDesk issued)' },
  json: JSON_FLAG,
  'data-dir': DATA_DIR_FLAG,
} satisfies FlagTable

const ACTIONS = ['list', 'issue', 'refresh', 'revoke'] as const
type Action = (typeof ACTIONS)[number]

/** Problems with what was asked (not with the credential): exit 2. */
const USAGE_CODES = new Set(['account.not-found', 'tokens.unsupported', 'tokens.scope-unknown', 'tokens.scope-reserved'])

function exitFor(code: string): number {
  if (USAGE_CODES.has(code)) return EXIT.usage
  const cause = Object.hasOwn(CAUSES, code) ? CAUSES[code as CauseCode] : null
  return cause?.state === 'unknown' ? EXIT.unknown : EXIT.failing
}

interface Options {
  readonly action: Action
  readonly account: string
  readonly scopes: ReadonlyArray<string> | undefined
  readonly ttlSeconds: number | undefined
  readonly jti: string | null
  readonly print: boolean
  readonly json: boolean
}

function parse(argv: ReadonlyArray<string>): Options & { readonly dataDir: string | undefined } {
  const { values, positionals } = parseFlags(FLAGS, argv, true)
  const [action, extra] = positionals
  if (!ACTIONS.includes(action as Action))
    throw new UsageError(action === undefined ? 'say what to do: list, issue, refresh or revoke' : `unknown action "${action.slice(0, 40)}"`)
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra.slice(0, 40)}"`)
  if (!values.account) throw new UsageError('--account NAME is required')
  const onlyFor = (flag: string, set: boolean, allowed: Action): void => {
    if (set && action !== allowed) throw new UsageError(`--${flag} goes with \`tokens ${allowed}\` only`)
  }
  onlyFor('print', values.print, 'issue')
  onlyFor('scopes', values.scopes !== undefined, 'issue')
  onlyFor('ttl', values.ttl !== undefined, 'issue')
  onlyFor('jti', values.jti !== undefined, 'revoke')
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl)
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS))
    throw new UsageError(`--ttl must be whole seconds from 1 to ${MAX_TTL_SECONDS}, not "${values.ttl!.slice(0, 20)}"`)
  if (values.jti !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(values.jti)) throw new UsageError('--jti must be a token id (letters, digits, _ and -)')
  const scopes = values.scopes?.split(',').map((s) => s.trim()).filter(Boolean)
  if (scopes !== undefined && scopes.length === 0) throw new UsageError('--scopes needs at least one scope, e.g. --scopes messages:send')
  return { action: action as Action, account: values.account, scopes, ttlSeconds: ttl, jti: values.jti ?? null, print: values.print, json: values.json, dataDir: values['data-dir'] }
}

async function perform(services: Services, account: AccountView, options: Options, io: CliIo): Promise<number> {
  const { tokens, scrubber } = services
  const out = (text: string): void => io.stdout(scrubber.scrub(text))
  const show = (state: Awaited<ReturnType<typeof tokens.list>>): number => {
    out(options.json ? JSON.stringify({ account: account.label, state }) + '\n' : formatTokenState(account.label, state, Date.now()))
    return EXIT.ok
  }
  switch (options.action) {
    case 'list':
      return show(await tokens.list(account.id))
    case 'refresh':
      return show(await tokens.refresh(account.id))
    case 'revoke': {
      const known = (await tokens.list(account.id)).records.map((r) => r.jti)
      if (options.jti !== null && !known.includes(options.jti))
        throw new UsageError(`AuthDesk issued no token ${options.jti} for ${account.label}${known.length > 0 ? ` (its tokens: ${known.join(', ')})` : ''}. Nothing was revoked.`, '--jti')
      return show(await tokens.revoke(account.id, options.jti))
    }
    case 'issue': {
      const request = { scopes: options.scopes, ttlSeconds: options.ttlSeconds }
      if (!options.print) return show(await tokens.issue(account.id, request))
      const { state, token, warnings } = await tokens.issueDetached(account.id, request)
      // The one output that carries a token, on purpose: nothing else is scrubbed away from it.
      if (options.json) io.stdout(JSON.stringify({ account: account.label, token, warnings, state: scrubberSafe(state, scrubber.scrub.bind(scrubber)) }) + '\n')
      else io.stdout(`${token.accessToken}\n`)
      const note = `Issued ${token.jti} (${token.scopes.join(', ')}), expires ${token.expiresAt}. AuthDesk recorded it and will neither use nor refresh it; revoke it with \`authdesk tokens revoke --account ${account.label} --jti ${token.jti}\`.\n`
      io.stderr(scrubber.scrub([note, ...warnings.map((w) => `! ${w}\n`)].join('')))
      return EXIT.ok
    }
  }
}

const scrubberSafe = <T>(value: T, scrub: (text: string) => string): T => JSON.parse(scrub(JSON.stringify(value))) as T

export function createTokensCommand(open: OpenServices = openDefaultServices): Command {
  return {
    name: 'tokens',
    summary: 'List, issue, refresh and revoke the tokens of a vault account whose provider issues them: SMSGate, or a custom provider with OAuth client credentials (prints a token only with issue --print)',
    usage: USAGE,
    flags: FLAGS,
    examples: ['authdesk tokens list --account SG', 'authdesk tokens issue --account SG --scopes messages:send --ttl 3600 --print'],
    async run(argv, io) {
      const { dataDir, ...options } = parse(argv)
      return withVault(open, dataDir, io, async (services) => {
        const accounts = await services.vault.list()
        const account = accounts.find((a) => a.id === options.account || sameLabel(a.label, options.account))
        if (!account) throw new UsageError(`no account named ${options.account.slice(0, 80)} (see \`authdesk accounts list\`).`, '--account')
        try {
          return await perform(services, account, options, io)
        } catch (error) {
          if (!isAppError(error)) throw error
          throw new CommandError(exitFor(error.code), error.code, services.scrubber.scrub(`${options.action}: ${error.message}`), error.field ?? null)
        }
      })
    },
  }
}

export const tokensCommand = createTokensCommand()

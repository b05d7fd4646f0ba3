/**
 * The accounts `authdesk check` reads: the process environment plus an optional dotenv FILE
 * (FILE wins, variable by variable; `-` is stdin), grouped by the variable convention of
 * docs/cli.md. The grouping itself is the vault's (`.env` import uses the same convention):
 * one parser, two users.
 */
import { readFile, stat } from 'node:fs/promises'
import { DOTENV_MAX_BYTES, formatFinding, readDotenv } from '../core/vault/dotenv-lint'
import { groupEnvAccounts, selects, type EnvAccount, type IgnoredVariable } from '../core/vault/dotenv-import'
import { UsageError, type CliIo } from './io'

export interface EnvAccounts {
  readonly accounts: ReadonlyArray<EnvAccount>
  readonly ignored: ReadonlyArray<IgnoredVariable>
}

/** The text of a --env FILE (or stdin for `-`), within the size limit. */
export async function readEnvText(path: string, io: CliIo): Promise<string> {
  const tooBig = (): UsageError =>
    new UsageError(`--env ${path === '-' ? 'stdin' : path} is larger than ${DOTENV_MAX_BYTES / 1024 / 1024} MiB; a .env file of accounts is far smaller. Check that it is the right file.`, '--env')
  if (path === '-') {
    const text = await io.readStdin()
    if (Buffer.byteLength(text) > DOTENV_MAX_BYTES) throw tooBig()
    return text
  }
  try {
    if ((await stat(path)).size > DOTENV_MAX_BYTES) throw tooBig()
    return await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof UsageError) throw error
    const code = (error as { code?: unknown }).code
    throw new UsageError(`cannot read --env file ${path}${typeof code === 'string' ? ` (${code})` : ''}. Fix: check the path.`, '--env')
  }
}

/**
 * The variables of a --env text. What dotenv would drop or merge is said on stderr, by line;
 * with --strict it is an error and nothing is checked or imported.
 */
export function envVariables(text: string, path: string, strict: boolean, command: string, io: CliIo): Record<string, string> {
  const { variables, findings } = readDotenv(text)
  const source = path === '-' ? 'stdin' : path
  const lines = findings.map((f) => formatFinding(source, f))
  if (strict && lines.length > 0) throw new UsageError(`--strict: the .env input has ${lines.length} problem(s):\n  ${lines.join('\n  ')}`, '--env')
  for (const line of lines) io.stderr(`authdesk ${command}: ${line}\n`)
  return variables
}

export async function loadEnvAccounts(
  io: CliIo,
  file: string | undefined,
  only: ReadonlyArray<string> | undefined,
  strict = false,
): Promise<EnvAccounts> {
  const fromEnv = Object.fromEntries(Object.entries(io.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const variables = file === undefined ? fromEnv : { ...fromEnv, ...envVariables(await readEnvText(file, io), file, strict, 'check', io) }
  const { accounts, ignored } = groupEnvAccounts(variables)
  if (accounts.length === 0) {
    throw new UsageError('no accounts found: set variables such as SMSGATE_USERNAME and SMSGATE_PASSWORD (see docs/cli.md), or pass --env FILE', '--env')
  }
  const chosen = accounts.filter((account) => selects(only, account)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const unmatched = (only ?? []).filter((name) => !accounts.some((account) => selects([name], account)))
  if (unmatched.length > 0) throw new UsageError(`--only names no account: ${unmatched.join(', ')} (accounts: ${accounts.map((a) => a.name).join(', ')})`, '--only')
  return { accounts: chosen, ignored }
}

/**
 * The accounts `authdesk check` reads: the process environment plus an optional dotenv FILE
 * (FILE wins, variable by variable), grouped by the variable convention of docs/cli.md. The
 * grouping itself is the vault's (`.env` import uses the same convention): one parser, two users.
 */
import { readFile } from 'node:fs/promises'
import { groupEnvAccounts, parseDotenv, selects, type EnvAccount, type IgnoredVariable } from '../core/vault/dotenv-import'
import { UsageError } from './io'

export interface EnvAccounts {
  readonly accounts: ReadonlyArray<EnvAccount>
  readonly ignored: ReadonlyArray<IgnoredVariable>
}

async function readEnvFile(path: string): Promise<Record<string, string>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw new UsageError(`cannot read --env file ${path}${typeof code === 'string' ? ` (${code})` : ''}. Fix: check the path.`, '--env')
  }
  try {
    return parseDotenv(text)
  } catch {
    throw new UsageError(`--env file ${path} is not in dotenv format (NAME=value lines)`, '--env')
  }
}

export async function loadEnvAccounts(
  env: Readonly<Record<string, string | undefined>>,
  file: string | undefined,
  only: ReadonlyArray<string> | undefined,
): Promise<EnvAccounts> {
  const fromEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const variables = file === undefined ? fromEnv : { ...fromEnv, ...(await readEnvFile(file)) }
  const { accounts, ignored } = groupEnvAccounts(variables)
  if (accounts.length === 0) {
    throw new UsageError('no accounts found: set variables such as SMSGATE_USERNAME and SMSGATE_PASSWORD (see docs/cli.md), or pass --env FILE')
  }
  const chosen = accounts.filter((account) => selects(only, account)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const unmatched = (only ?? []).filter((name) => !accounts.some((account) => selects([name], account)))
  if (unmatched.length > 0) throw new UsageError(`--only names no account: ${unmatched.join(', ')} (accounts: ${accounts.map((a) => a.name).join(', ')})`)
  return { accounts: chosen, ignored }
}

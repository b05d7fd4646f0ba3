/**
 * The CLI's environment variable convention (docs/cli.md): an account is a group of
 * variables sharing a prefix `<NAME>_<PROVIDER>_` or just `<PROVIDER>_`, e.g.
 * `PROD_NMBRS_USERNAME` or `SMSGATE_PASSWORD`. Pure: turns variables into account drafts.
 */
import { ENVIRONMENTS, type Environment, type ProviderId } from '../../shared/model'
import { providerDefinition, providerModules } from '../providers/registry'
import type { ProviderDefinition } from '../providers/types'
import type { AccountDraft, InputProblem } from './account-input'
import { readDotenv } from './dotenv-lint'
import { ACCOUNT_VARIABLES } from './dotenv-variables'

export { ACCOUNT_VARIABLES }

export interface EnvAccount {
  /** The prefix without the trailing underscore (`PROD_NMBRS`, `SMSGATE`): the account's name. */
  readonly name: string
  readonly provider: ProviderId
  /** Values by field name (`USERNAME`, `BASE_URL`…). */
  readonly values: Readonly<Record<string, string>>
}

export interface IgnoredVariable {
  readonly variable: string
  readonly reason: string
}

/** The variables of a `.env` text, as dotenv reads them (lines without `=` left out); see dotenv-lint for what is reported. */
export function parseDotenv(text: string): Record<string, string> {
  return readDotenv(text).variables
}

function knows(definition: ProviderDefinition, field: string): boolean {
  return (ACCOUNT_VARIABLES as ReadonlyArray<string>).includes(field) || definition.fields.some((f) => f.name === field)
}

/** Splits a variable name at the first provider token whose remainder is one of its fields. */
function match(variable: string): { name: string; definition: ProviderDefinition; field: string } | 'unknown-field' | null {
  const parts = variable.toUpperCase().split('_')
  let sawProvider = false
  for (let i = 0; i < parts.length - 1; i++) {
    const definition = providerModules().map((m) => m.definition).find((p) => p.envName === parts[i])
    if (!definition) continue
    sawProvider = true
    const field = parts.slice(i + 1).join('_')
    if (knows(definition, field)) return { name: parts.slice(0, i + 1).join('_'), definition, field }
  }
  return sawProvider ? 'unknown-field' : null
}

/** Groups variables into accounts; variables naming no provider are left alone silently. */
export function groupEnvAccounts(variables: Readonly<Record<string, string>>): { accounts: EnvAccount[]; ignored: IgnoredVariable[] } {
  const groups = new Map<string, { provider: ProviderId; values: Record<string, string> }>()
  const ignored: IgnoredVariable[] = []
  for (const [variable, value] of Object.entries(variables)) {
    const found = match(variable)
    if (found === null) continue
    if (found === 'unknown-field') {
      ignored.push({ variable, reason: 'names a provider but none of its fields (a typo?)' })
      continue
    }
    const group = groups.get(found.name) ?? { provider: found.definition.id, values: {} }
    group.values[found.field] = value
    groups.set(found.name, group)
  }
  const accounts = [...groups].map(([name, g]) => ({ name, provider: g.provider, values: g.values }))
  return { accounts, ignored }
}

/** Does `--only` select this account? By its full name or by NAME alone, case-insensitively. */
export function selects(only: ReadonlyArray<string> | undefined, account: EnvAccount): boolean {
  if (!only || only.length === 0) return true
  const name = account.name.toUpperCase()
  const short = name.endsWith(`_${providerDefinition(account.provider).envName}`) ? name.slice(0, -providerDefinition(account.provider).envName.length - 1) : name
  return only.some((o) => [name, short].includes(o.trim().toUpperCase()))
}

/** The draft an env account describes; the importer confirms unlisted hosts (the file chose them). */
export function draftOf(account: EnvAccount): { draft: AccountDraft; problems: InputProblem[] } {
  const { BASE_URL, ENVIRONMENT, SCOPES, ...fields } = account.values
  const problems: InputProblem[] = []
  let environment: Environment | undefined
  if (ENVIRONMENT !== undefined && ENVIRONMENT !== '') {
    const value = ENVIRONMENT.trim().toLowerCase()
    if ((ENVIRONMENTS as ReadonlyArray<string>).includes(value)) environment = value as Environment
    else problems.push({ field: 'environment', message: `ENVIRONMENT must be one of ${ENVIRONMENTS.join(', ')}.` })
  }
  const draft: AccountDraft = {
    label: account.name,
    provider: account.provider,
    environment,
    baseUrl: BASE_URL?.trim() || null,
    confirmUnlistedHost: true,
    fields,
    scopes: SCOPES === undefined || SCOPES.trim() === '' ? undefined : SCOPES.split(','),
  }
  return { draft, problems }
}

/** `fields.TOKEN` → `PROD_NMBRS_TOKEN`, so problems name the variable the user wrote. */
export function variableOf(account: EnvAccount, field: string): string {
  const name = field.startsWith('fields.')
    ? field.slice('fields.'.length)
    : ({ baseUrl: 'BASE_URL', environment: 'ENVIRONMENT', label: '' } as Record<string, string>)[field] ?? (field.startsWith('scopes') ? 'SCOPES' : field)
  return name ? `${account.name}_${name}` : account.name
}

/**
 * The variable convention for a custom provider: `<TOKEN>_<FIELD>` or `<NAME>_<TOKEN>_<FIELD>`,
 * with the definition's envToken and field names, plus BASE_URL and ENVIRONMENT. The account
 * is named by the prefix before the field (`GITHUB`, `PROD_GITHUB`), as for built-ins.
 */
import type { ProviderDefinitionFile } from './schema'

export interface DefinitionEnvAccount {
  readonly name: string
  readonly fields: Readonly<Record<string, string>>
}

export function definitionEnvAccounts(d: ProviderDefinitionFile, variables: Readonly<Record<string, string | undefined>>): DefinitionEnvAccount[] {
  const names = [...d.fields.map((f) => f.name), 'BASE_URL', 'ENVIRONMENT'].sort((a, b) => b.length - a.length)
  const accounts = new Map<string, Record<string, string>>()
  for (const [variable, value] of Object.entries(variables)) {
    if (value === undefined) continue
    const field = names.find((n) => variable.endsWith(`_${n}`))
    if (field === undefined) continue
    const prefix = variable.slice(0, -(field.length + 1))
    if (prefix !== d.envToken && !prefix.endsWith(`_${d.envToken}`)) continue
    accounts.set(prefix, { ...accounts.get(prefix), [field]: value })
  }
  return [...accounts].map(([name, fields]) => ({ name, fields })).sort((a, b) => (a.name < b.name ? -1 : 1))
}

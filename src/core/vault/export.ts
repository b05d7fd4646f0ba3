/**
 * Export of account definitions without secrets: JSON for tools, or a `.env` template in the
 * CLI's variable convention whose secret variables are left empty to be filled in.
 */
import type { AccountsExport, ExportFormat } from '../../shared/model'
import { providerDefinition } from '../providers/registry'
import type { AccountRecord } from './account-schema'

/** A variable prefix for the account: its label when that already follows the convention. */
function prefixFor(record: AccountRecord, used: Set<string>): string {
  const token = providerDefinition(record.provider).envName
  const upper = record.label.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')
  let prefix = upper === token || upper.endsWith(`_${token}`) ? upper : upper ? `${upper}_${token}` : token
  for (let n = 2; used.has(prefix); n++) prefix = `${upper || 'ACCOUNT'}${n}_${token}`
  used.add(prefix)
  return prefix
}

const quote = (value: string): string => (/^[A-Za-z0-9_./:@,+-]*$/.test(value) ? value : JSON.stringify(value))

function toEnv(records: ReadonlyArray<AccountRecord>): string {
  const used = new Set<string>()
  const lines = ['# AuthDesk accounts (no secrets: fill in the empty variables, then `authdesk accounts add --env FILE`)']
  for (const record of records) {
    const definition = providerDefinition(record.provider)
    const prefix = prefixFor(record, used)
    lines.push('', `# ${record.label.replace(/[\r\n]/g, ' ')} (${definition.label}, ${record.environment})`)
    if (definition.environments.length > 1) lines.push(`${prefix}_ENVIRONMENT=${record.environment}`)
    if (record.baseUrl) lines.push(`${prefix}_BASE_URL=${quote(record.baseUrl)}`)
    for (const field of definition.fields) {
      if (field.secret) {
        if (record.secrets[field.name]) lines.push(`${prefix}_${field.name}=`)
      } else if (record.fields[field.name] !== undefined) lines.push(`${prefix}_${field.name}=${quote(record.fields[field.name]!)}`)
    }
    if (definition.scopes) lines.push(`${prefix}_SCOPES=${record.scopes.join(',')}`)
  }
  return lines.join('\n') + '\n'
}

function toJson(records: ReadonlyArray<AccountRecord>, now: Date): string {
  const accounts = records.map((r) => ({
    label: r.label,
    provider: r.provider,
    environment: r.environment,
    baseUrl: r.baseUrl,
    fields: r.fields,
    secretFields: Object.keys(r.secrets),
    scopes: r.scopes,
    notes: r.notes,
  }))
  return JSON.stringify({ format: 'authdesk-account-definitions', version: 1, exportedAt: now.toISOString(), accounts }, null, 2) + '\n'
}

export function exportAccounts(records: ReadonlyArray<AccountRecord>, format: ExportFormat, now: Date): AccountsExport {
  return format === 'env'
    ? { format, fileName: 'authdesk-accounts.env', content: toEnv(records) }
    : { format, fileName: 'authdesk-accounts.json', content: toJson(records, now) }
}

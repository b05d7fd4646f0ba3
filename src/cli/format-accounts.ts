/** Human-readable output of `authdesk accounts`: every non-secret fact, secrets only masked. */
import type { AccountView, ImportCandidateView, ImportPreview, SecretFieldView, VaultNotice } from '../shared/model'
import { providerDefinition } from '../core/providers/registry'

function secretLine(view: SecretFieldView | undefined): string {
  return view?.set ? `set  fingerprint ${view.fingerprint}  ${view.maskedTail}` : 'not set'
}

/** One line per provider field (secret ones masked), in the definition's order. */
function fieldLines(provider: AccountView['provider'], fields: Readonly<Record<string, string>>, secrets: Readonly<Record<string, SecretFieldView>>): string[] {
  const definition = providerDefinition(provider)
  const width = Math.max(...definition.fields.map((f) => f.name.length))
  return definition.fields.flatMap((f) => {
    if (f.secret) return [`  ${f.name.padEnd(width)}  ${secretLine(secrets[f.name])}`]
    const value = fields[f.name]
    return value === undefined ? [] : [`  ${f.name.padEnd(width)}  ${value}`]
  })
}

function baseUrlText(view: { provider: AccountView['provider']; environment: AccountView['environment']; baseUrl: string | null }): string {
  const fallback = providerDefinition(view.provider).environments.find((e) => e.id === view.environment)?.baseUrl ?? ''
  return view.baseUrl ? `${view.baseUrl} (custom)` : `${fallback} (default)`
}

export function formatAccount(view: AccountView): string {
  const lines = [
    `${view.label}  ${view.provider}  ${view.environment}  ${baseUrlText(view)}`,
    `  id: ${view.id}  secrets: ${view.secretsStatus}${view.lastRotatedAt ? `  rotated: ${view.lastRotatedAt}` : ''}`,
    ...fieldLines(view.provider, view.fields, view.secrets),
  ]
  if (view.scopes.length > 0) lines.push(`  scopes: ${view.scopes.join(', ')}`)
  for (const problem of view.problems) lines.push(`  ! ${problem.message}`)
  return lines.join('\n') + '\n'
}

export function formatNotices(notices: ReadonlyArray<VaultNotice>): string {
  return notices.map((n) => `! ${n.message}\n`).join('')
}

const ACTION_TEXT: Record<ImportCandidateView['action'], string> = {
  create: 'create ',
  replace: 'replace',
  skip: 'skip   ',
  invalid: 'invalid',
}

export function formatPreview(preview: ImportPreview): string {
  const out: string[] = []
  for (const c of preview.accounts) {
    out.push(`${ACTION_TEXT[c.action]}  ${c.name}  ${c.provider}  ${c.environment}  ${baseUrlText(c)}`)
    if (c.action === 'skip') out.push('  an account with this name exists; --replace updates it')
    if (c.baseUrlUnlisted) out.push('  ! the base URL is not a host of this provider; its credentials will be sent there')
    out.push(...fieldLines(c.provider, c.fields, c.secrets))
    if (c.scopes.length > 0) out.push(`  scopes: ${c.scopes.join(', ')}`)
    for (const p of c.problems) out.push(`  ! ${p.field}: ${p.message}`)
  }
  for (const i of preview.ignored) out.push(`ignored  ${i.variable}: ${i.reason}`)
  return out.join('\n') + '\n'
}

/**
 * The account editor's form state (no secret in it: secret inputs are uncontrolled and read
 * once on save) and the requests built from it.
 */
import type { AccountView, Environment, ProviderInfo } from '@shared/model'
import type { CreateAccountRequest } from '../api/create-account'
import type { UpdateAccountRequest } from '../api/update-account'

/** Per secret field: leave it, replace it with what is typed, or clear it. */
export type SecretMode = 'keep' | 'replace' | 'clear'

export interface AccountForm {
  readonly label: string
  readonly environment: Environment
  readonly baseUrl: string
  readonly confirmHost: boolean
  /** Non-secret field values by name. */
  readonly plain: Readonly<Record<string, string>>
  readonly secretModes: Readonly<Record<string, SecretMode>>
  readonly scopes: ReadonlyArray<string>
  readonly notes: string
}

export function initialForm(provider: ProviderInfo, account?: AccountView): AccountForm {
  const fields = provider.fields
  return {
    label: account?.label ?? '',
    environment: account?.environment ?? provider.environments[0]?.id ?? 'production',
    baseUrl: account?.baseUrl ?? '',
    confirmHost: false,
    plain: Object.fromEntries(fields.filter((f) => !f.secret).map((f) => [f.name, account?.fields[f.name] ?? ''])),
    secretModes: Object.fromEntries(fields.filter((f) => f.secret).map((f) => [f.name, account ? 'keep' : 'replace'])),
    scopes: account ? account.scopes : [],
    notes: account?.notes ?? '',
  }
}

/** The host of `baseUrl` when it parses and is not one of the provider's own hosts. */
export function unlistedHost(provider: ProviderInfo, baseUrl: string): string | null {
  const value = baseUrl.trim()
  if (!value) return null
  try {
    const host = new URL(value).hostname.toLowerCase().replace(/\.$/, '')
    return provider.environments.some((e) => e.hosts.includes(host)) ? null : host
  } catch {
    return null
  }
}

export function createRequest(provider: ProviderInfo, form: AccountForm, secrets: Readonly<Record<string, string>>): CreateAccountRequest {
  const plain = Object.fromEntries(Object.entries(form.plain).filter(([, v]) => v !== ''))
  const typed = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''))
  return {
    label: form.label,
    provider: provider.id,
    environment: form.environment,
    baseUrl: form.baseUrl.trim() === '' ? null : form.baseUrl.trim(),
    confirmUnlistedHost: form.confirmHost,
    fields: { ...plain, ...typed },
    ...(provider.scopes ? { scopes: [...form.scopes] } : {}),
    notes: form.notes,
  }
}

/** Only what changed: a plain value emptied is cleared, a secret is replaced only when typed. */
export function updateRequest(provider: ProviderInfo, account: AccountView, form: AccountForm, secrets: Readonly<Record<string, string>>): UpdateAccountRequest {
  const fields: Record<string, string | null> = {}
  for (const [name, value] of Object.entries(form.plain)) {
    const before = account.fields[name] ?? ''
    if (value !== before) fields[name] = value === '' ? null : value
  }
  for (const [name, mode] of Object.entries(form.secretModes)) {
    const typed = secrets[name] ?? ''
    if (mode === 'clear') fields[name] = null
    else if (mode === 'replace' && typed !== '') fields[name] = typed
  }
  const baseUrl = form.baseUrl.trim() === '' ? null : form.baseUrl.trim()
  const scopesChanged = provider.scopes !== null && form.scopes.join(' ') !== account.scopes.join(' ')
  return {
    id: account.id,
    ...(form.label !== account.label ? { label: form.label } : {}),
    ...(form.environment !== account.environment ? { environment: form.environment } : {}),
    ...(baseUrl !== account.baseUrl ? { baseUrl, confirmUnlistedHost: form.confirmHost } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(scopesChanged ? { scopes: [...form.scopes] } : {}),
    ...(form.notes !== account.notes ? { notes: form.notes } : {}),
  }
}

/** Whether an edit can change what a check answers: anything but the label and notes. */
export function affectsCheck(request: UpdateAccountRequest): boolean {
  return Object.keys(request).some((key) => key !== 'id' && key !== 'label' && key !== 'notes')
}

/** Which form field a server error names: `fields.PASSWORD`, `label`, `baseUrl`, `scopes.2` → `scopes`. */
export function errorKey(field: string | undefined): string | null {
  if (!field) return null
  return field.startsWith('scopes') ? 'scopes' : field
}

const HOST_UNCONFIRMED = 'account.host-unconfirmed'

export interface FormProblems {
  /** Each field's problems, joined, by form key (`label`, `fields.PASSWORD`…). */
  readonly byField: ReadonlyMap<string, string>
  /** Problems no field of the form shows, for the alert above it. */
  readonly general: ReadonlyArray<string>
  /** The base URL's host needs the explicit confirmation (said once, in the confirmation box). */
  readonly hostUnconfirmed: boolean
  /** Where focus goes: the first problem's field (the confirmation box for an unconfirmed host). */
  readonly first: string | null
  readonly count: number
}

/** Every problem of a failed save, placed at its field, so all of them show at once. */
export function fieldProblems(error: { readonly message: string; readonly code: string; readonly field?: string; readonly problems: ReadonlyArray<{ readonly field: string; readonly message: string; readonly code?: string }> } | null, fieldKeys: ReadonlySet<string>): FormProblems {
  if (!error) return { byField: new Map(), general: [], hostUnconfirmed: false, first: null, count: 0 }
  const list = error.problems.length > 0 ? error.problems : [{ field: error.field ?? '', message: error.message, code: error.code }]
  const byField = new Map<string, string>()
  const general: string[] = []
  let hostUnconfirmed = false
  let first: string | null = null
  for (const problem of list) {
    const key = errorKey(problem.field)
    if (problem.code === HOST_UNCONFIRMED) {
      hostUnconfirmed = true
      first ??= 'confirmUnlistedHost'
    } else if (key && fieldKeys.has(key)) {
      byField.set(key, byField.has(key) ? `${byField.get(key)} ${problem.message}` : problem.message)
      first ??= key
    } else general.push(problem.message)
  }
  return { byField, general, hostUnconfirmed, first, count: list.length }
}

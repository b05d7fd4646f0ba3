/**
 * Validation of account input against the provider definition. Every check names the field
 * and the fix and never repeats the value (it may be a secret). All problems are collected
 * before anything is saved, so one bad field means nothing is written.
 */
import type { Environment, ProviderId } from '../../shared/model'
import { AppError } from '../errors'
import { isProviderHost, normaliseBaseUrl } from '../http/host-binding'
import { isOn } from '../providers/field-shapes'
import { requireKnownProvider } from '../providers/registry'
import { environmentOf, type CredentialField, type ProviderDefinition } from '../providers/types'

export interface InputProblem {
  /** Request path of the field, e.g. `fields.PASSWORD`, `baseUrl`. */
  readonly field: string
  readonly message: string
  /** `account.host-unconfirmed` when only a confirmation is missing. */
  readonly code?: string
}

export const MAX_LABEL = 80
export const MAX_NOTES = 4000
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2028\u2029\ufeff]/
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\ufeff]/

/** Labels are unique per vault, ignoring case (the CLI finds accounts by label). */
export const sameLabel = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

export function fieldSubject(field: CredentialField): string {
  return `${field.name} (${field.label})`
}

/** What is wrong with one provider field value, or null. */
export function valueProblem(field: CredentialField, value: string): string | null {
  if (value.length > field.maxLength) return `must be at most ${field.maxLength} characters`
  if (CONTROL.test(value)) return 'must not contain line breaks, tabs, control or invisible characters (check the copy-paste)'
  if (value.trim() !== value) return 'must not start or end with a space (check the copy-paste)'
  if (/^(["'`]).*\1$/s.test(value) && value.length >= 2) return 'must not be wrapped in quotes'
  return field.check?.(value) ?? null
}

export function problemError(problems: ReadonlyArray<InputProblem>): AppError {
  const [first] = problems
  if (!first) return new AppError('account.invalid', 'The account is not valid.')
  const more = problems.length > 1 ? ` (${problems.length - 1} more problem${problems.length > 2 ? 's' : ''} after this one)` : ''
  const all = problems.map((p) => ({ field: p.field, message: p.message, ...(p.code ? { code: p.code } : {}) }))
  return new AppError(first.code ?? 'account.invalid', first.message + more, { field: first.field, problems: all })
}

export function checkLabel(label: string, labelTaken: (label: string) => boolean, problems: InputProblem[]): string {
  const value = label.trim()
  if (!value) problems.push({ field: 'label', message: 'Label is required: give the account a name.' })
  else if (value.length > MAX_LABEL) problems.push({ field: 'label', message: `Label must be at most ${MAX_LABEL} characters.` })
  else if (CONTROL.test(value)) problems.push({ field: 'label', message: 'Label must not contain line breaks or control characters.' })
  else if (labelTaken(value)) problems.push({ field: 'label', message: 'Label is already used by another account: choose another name.' })
  return value
}

export function checkNotes(notes: string, problems: InputProblem[]): string {
  if (notes.length > MAX_NOTES) problems.push({ field: 'notes', message: `Notes must be at most ${MAX_NOTES} characters.` })
  else if (CONTROL_EXCEPT_LINES.test(notes)) problems.push({ field: 'notes', message: 'Notes must not contain control characters.' })
  return notes
}

export function checkEnvironment(definition: ProviderDefinition, environment: Environment, problems: InputProblem[]): Environment {
  if (!environmentOf(definition, environment)) {
    const known = definition.environments.map((e) => e.id).join(' or ')
    problems.push({ field: 'environment', message: `${definition.label} has no ${environment} environment: choose ${known}.` })
  }
  return environment
}

/**
 * Normalises a base URL. A host outside the provider's list is accepted only with an explicit
 * confirmation, since the account's credentials will be sent there.
 */
/**
 * A base URL that already ends with what every request path starts with (Authmatech's `/v1`)
 * would send to `…/v1/v1/…`: said at save and before a check, never silently joined.
 */
export function doubledPathProblem(definition: ProviderDefinition, url: string): string | null {
  const prefix = definition.pathsStartWith
  if (!prefix) return null
  const path = new URL(url).pathname.replace(/\/+$/, '')
  if (!path.toLowerCase().endsWith(prefix.toLowerCase())) return null
  const suggestion = `${new URL(url).origin}${path.slice(0, path.length - prefix.length)}`
  return `must not end in ${prefix}: AuthDesk adds ${prefix}/… to it itself, so requests would go to ${prefix}${prefix}/… (use ${suggestion})`
}

export function checkBaseUrl(
  definition: ProviderDefinition,
  value: string | null,
  confirmed: boolean,
  problems: InputProblem[],
  allowPrivateHttp = false,
): { readonly url: string | null; readonly unlisted: boolean } {
  if (value === null || value === '') return { url: null, unlisted: false }
  const result = normaliseBaseUrl(value, { allowPrivateHttp })
  if ('problem' in result) {
    problems.push({ field: 'baseUrl', message: `Base URL ${result.problem}.` })
    return { url: null, unlisted: false }
  }
  const doubled = doubledPathProblem(definition, result.url)
  if (doubled) problems.push({ field: 'baseUrl', message: `Base URL ${doubled}.` })
  const unlisted = !isProviderHost(definition, new URL(result.url).hostname)
  if (unlisted && !confirmed) {
    const hosts = [...new Set(definition.environments.flatMap((e) => e.hosts))].join(', ')
    problems.push({
      field: 'baseUrl',
      code: 'account.host-unconfirmed',
      message: `Base URL's host is not a ${definition.label} host (${hosts}), and the account's credentials would be sent there. Confirm this host explicitly to save it.`,
    })
  }
  return { url: result.url, unlisted }
}

export function checkScopes(definition: ProviderDefinition, scopes: ReadonlyArray<string> | undefined, problems: InputProblem[]): string[] {
  const spec = definition.scopes
  if (!spec) {
    if (scopes && scopes.length > 0) problems.push({ field: 'scopes', message: `${definition.label} has no scopes: leave Scopes empty.` })
    return []
  }
  // The scopes an account declares are its only requirements; none declared is fine.
  if (scopes === undefined) return []
  const list = scopes.map((s) => s.trim()).filter(Boolean)
  list.forEach((scope, i) => {
    if (spec.reserved.includes(scope))
      problems.push({ field: `scopes.${i}`, message: `Scope ${scope} is added by ${definition.label} itself: remove it from Scopes.` })
    else if (!spec.known.includes(scope))
      problems.push({ field: `scopes.${i}`, message: `Scope number ${i + 1} is not a ${definition.label} scope (known: ${spec.known.join(', ')}).` })
  })
  return [...new Set(list)]
}

export interface SplitFields {
  readonly plain: Record<string, string>
  readonly secret: Record<string, string>
}

export function unknownFieldProblem(definition: ProviderDefinition, name: string): InputProblem {
  const names = definition.fields.map((f) => f.name).join(', ')
  return { field: `fields.${name}`, message: `${definition.label} has no field ${name.slice(0, 64)} (its fields: ${names}).` }
}

/** Checks provider field values and splits them into plain and secret; '' counts as not given. */
export function checkFieldValues(definition: ProviderDefinition, values: Readonly<Record<string, string>>, problems: InputProblem[]): SplitFields {
  const plain: Record<string, string> = {}
  const secret: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) {
    const field = definition.fields.find((f) => f.name === name)
    if (!field) {
      problems.push(unknownFieldProblem(definition, name))
      continue
    }
    if (value === '') continue
    const problem = valueProblem(field, value)
    if (problem) problems.push({ field: `fields.${name}`, message: `${fieldSubject(field)} ${problem}.` })
    else (field.secret ? secret : plain)[name] = value
  }
  return { plain, secret }
}

/** Required fields and cross-field rules, given the names that will have a value. */
export function checkRequired(definition: ProviderDefinition, present: ReadonlySet<string>): InputProblem[] {
  const problems: InputProblem[] = []
  for (const field of definition.fields) {
    if (field.required && !present.has(field.name)) problems.push({ field: `fields.${field.name}`, message: `${fieldSubject(field)} is required.` })
  }
  const combination = definition.checkCombination?.(present)
  if (combination && problems.length === 0) {
    const field = definition.fields.find((f) => f.name === combination.field)
    problems.push({ field: `fields.${combination.field}`, message: `${field ? fieldSubject(field) : combination.field} ${combination.message}.` })
  }
  return problems
}

export interface AccountDraft {
  readonly label: string
  readonly provider: ProviderId
  readonly environment?: Environment
  readonly baseUrl?: string | null
  readonly confirmUnlistedHost?: boolean
  readonly fields: Readonly<Record<string, string>>
  readonly scopes?: ReadonlyArray<string>
  readonly notes?: string
}

export interface CheckedDraft extends SplitFields {
  readonly label: string
  readonly provider: ProviderId
  readonly environment: Environment
  readonly baseUrl: string | null
  readonly baseUrlUnlisted: boolean
  readonly scopes: string[]
  readonly notes: string
}

/** Every check for a new account; the result is usable only when `problems` is empty. */
export function checkDraft(draft: AccountDraft, labelTaken: (label: string) => boolean): { value: CheckedDraft; problems: InputProblem[] } {
  const problems: InputProblem[] = []
  const definition = requireKnownProvider(draft.provider).definition
  const label = checkLabel(draft.label, labelTaken, problems)
  const environment = checkEnvironment(definition, draft.environment ?? definition.environments[0]!.id, problems)
  const base = checkBaseUrl(definition, draft.baseUrl ?? null, draft.confirmUnlistedHost === true, problems, isOn(draft.fields.ALLOW_LOCAL_HTTP))
  const split = checkFieldValues(definition, draft.fields, problems)
  problems.push(...checkRequired(definition, new Set([...Object.keys(split.plain), ...Object.keys(split.secret)])).filter((p) => !problems.some((q) => q.field === p.field)))
  const scopes = checkScopes(definition, draft.scopes, problems)
  const notes = checkNotes(draft.notes ?? '', problems)
  const value = { label, provider: draft.provider, environment, baseUrl: base.url, baseUrlUnlisted: base.unlisted, scopes, notes, ...split }
  return { value, problems }
}

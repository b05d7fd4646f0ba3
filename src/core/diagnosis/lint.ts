/**
 * Value hygiene before anything is sent: empty required fields (credentials.missing), and
 * values that cannot be right (credentials.malformed): surrounding spaces, quotes, line
 * breaks, wrong shapes, a JWT in a password field, an e-mail where a token belongs, a
 * pasted `Bearer `/`NAME=` prefix. Messages name the field and the fix, never the value.
 * The generic checks are the vault's (one definition of a valid value); the paste checks are ours.
 */
import { ENVIRONMENTS } from '../../shared/model'
import { normaliseBaseUrl } from '../http/host-binding'
import { email, isOn } from '../providers/field-shapes'
import type { CredentialField, ProviderDefinition } from '../providers/types'
import { checkRequired, doubledPathProblem, fieldSubject, valueProblem } from '../vault/account-input'
import type { LintProblem } from './types'

const JWT = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/
const AUTH_SCHEME = /^(bearer|basic|token)\s/i
const ASSIGNMENT = /^[A-Z][A-Z0-9_]*\s*=/

/** The raw account as given: credential fields plus the convention's BASE_URL, ENVIRONMENT, SCOPES. */
export interface LintInput {
  readonly fields: Readonly<Record<string, string>>
  readonly baseUrl: string | null
  readonly environment: string | null
  readonly scopes: string | null
}

const malformed = (field: string, message: string): LintProblem => ({ field, cause: 'credentials.malformed', message })
/** The address or environment is wrong, not the credential: nothing is sent. */
const unusable = (field: string, message: string): LintProblem => ({ field, cause: 'config.invalid', message })

/** Something pasted into the wrong field, or with its surroundings. */
function pasteProblem(field: CredentialField, value: string): string | null {
  if (ASSIGNMENT.test(value)) return 'starts with a variable assignment (NAME=…): paste only the value'
  if (AUTH_SCHEME.test(value)) return 'starts with an authorization scheme (e.g. "Bearer "): paste only the credential'
  if (!field.secret) return null
  const takesJwt = `${field.label} ${field.hint}`.includes('JWT')
  if (!takesJwt && JWT.test(value)) return `looks like a JWT (a token), but ${field.name} takes ${field.label.toLowerCase()}: is it in the wrong field?`
  if (email(value) === null) return `looks like an e-mail address, but ${field.name} takes ${field.label.toLowerCase()}: is it in the wrong field?`
  return null
}

function fieldProblems(definition: ProviderDefinition, fields: Readonly<Record<string, string>>): LintProblem[] {
  const problems: LintProblem[] = []
  for (const field of definition.fields) {
    const value = fields[field.name]
    if (value === undefined || value === '') continue
    // Hygiene first (spaces, quotes, line breaks), then paste mistakes, then the shape.
    const hygiene = valueProblem({ ...field, check: undefined }, value)
    const problem = hygiene ?? pasteProblem(field, value) ?? field.check?.(value) ?? null
    if (problem) problems.push(malformed(field.name, `${fieldSubject(field)} ${problem}.`))
  }
  return problems
}

function settingProblems(definition: ProviderDefinition, input: LintInput): LintProblem[] {
  const problems: LintProblem[] = []
  if (input.baseUrl !== null && input.baseUrl !== '') {
    const result = normaliseBaseUrl(input.baseUrl, { allowPrivateHttp: isOn(input.fields.ALLOW_LOCAL_HTTP) })
    const problem = 'problem' in result ? result.problem : doubledPathProblem(definition, result.url)
    if (problem) problems.push(unusable('BASE_URL', `BASE_URL ${problem}.`))
  }
  if (input.environment !== null && input.environment !== '') {
    const value = input.environment.trim().toLowerCase()
    const known = definition.environments.map((e) => e.id)
    if (!(ENVIRONMENTS as ReadonlyArray<string>).includes(value) || !known.includes(value as (typeof known)[number]))
      problems.push(unusable('ENVIRONMENT', `ENVIRONMENT must be ${known.join(' or ')} for ${definition.label}.`))
  }
  const spec = definition.scopes
  if (spec && input.scopes !== null) {
    const unknown = input.scopes
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '' && !spec.known.includes(s))
    if (unknown.length > 0) problems.push(malformed('SCOPES', `SCOPES names ${unknown.length} scope(s) ${definition.label} does not know (known: ${spec.known.join(', ')}).`))
  }
  return problems
}

/** Every problem found, missing fields first; empty when the account may be probed. */
export function lintAccount(definition: ProviderDefinition, input: LintInput, extra: ReadonlyArray<LintProblem> = []): LintProblem[] {
  const present = new Set(Object.entries(input.fields).filter(([, v]) => v !== '').map(([k]) => k))
  const missing: LintProblem[] = checkRequired(definition, present).map((p) => ({
    field: p.field.replace(/^fields\./, ''),
    cause: 'credentials.missing',
    message: p.message,
  }))
  const malformedFields = fieldProblems(definition, input.fields)
  const flagged = new Set(malformedFields.map((p) => p.field))
  return [...missing, ...malformedFields, ...extra.filter((p) => !flagged.has(p.field)), ...settingProblems(definition, input)]
}

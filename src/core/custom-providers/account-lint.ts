/**
 * Value checks before anything is sent, for a definition's fields: the vault's generic checks
 * (length, control characters, surrounding spaces or quotes) and the field's pattern. Messages
 * name the field and the fix, never the value.
 */
import type { LintProblem } from '../diagnosis/types'
import type { CredentialField } from '../providers/types'
import { valueProblem } from '../vault/account-input'
import type { DefinitionField } from './schema'

export function credentialField(field: DefinitionField): CredentialField {
  const pattern = field.pattern === undefined ? null : new RegExp(`^(?:${field.pattern})$`, 'u')
  return {
    name: field.name,
    label: field.label,
    secret: field.secret,
    required: field.required,
    maxLength: field.maxLength,
    hint: field.hint,
    check: (value) => (pattern === null || pattern.test(value) ? null : `does not have the expected shape${field.hint ? ` (${field.hint})` : ''}`),
  }
}

export function lintFields(fields: ReadonlyArray<DefinitionField>, values: Readonly<Record<string, string>>): LintProblem[] {
  const problems: LintProblem[] = []
  for (const field of fields) {
    const value = values[field.name] ?? ''
    if (value === '') {
      if (field.required) problems.push({ field: field.name, cause: 'credentials.missing', message: `${field.name} (${field.label}) is required: fill it in.` })
      continue
    }
    const problem = valueProblem(credentialField(field), value)
    if (problem) problems.push({ field: field.name, cause: 'credentials.malformed', message: `${field.name} (${field.label}) ${problem}.` })
  }
  return problems
}

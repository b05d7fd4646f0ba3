/**
 * Where a rule reads the account's own fields (`when.fields`, a JSON condition's `inField`) or
 * an example names them (`example.fields`): only declared non-secret fields, with values that
 * fit the field, and no field condition that can never hold.
 */
import { compileRegex } from './conditions'
import type { PathSegment } from './load'
import type { DefinitionField, FieldCondition, ProviderDefinitionFile, Rule } from './schema'

type Path = ReadonlyArray<PathSegment>

export interface ErrorReport {
  error(path: Path, message: string, fix: string): void
}

function patternOf(field: DefinitionField): RegExp | null {
  if (field.pattern === undefined) return null
  try {
    return compileRegex(`^(?:${field.pattern})$`)
  } catch {
    return null
  }
}

/** The declared non-secret field of that name; reports an undeclared or secret one. */
function readableField(d: ProviderDefinitionFile, name: string, path: Path, what: string, p: ErrorReport): DefinitionField | null {
  const field = d.fields.find((f) => f.name === name)
  const readable = d.fields.filter((f) => !f.secret).map((f) => f.name)
  const declared = readable.length > 0 ? `non-secret fields: ${readable.join(', ')}` : 'this definition has no non-secret field'
  if (!field) {
    p.error(path, `${what} names ${name}, which this definition does not declare.`, `Declare ${name} under fields (secret: false), or correct the name (${declared}).`)
    return null
  }
  if (field.secret) {
    p.error(path, `${what} names the secret field ${name}: rules and examples may read only non-secret fields, so a secret never reaches a rule or a definition file.`, `Remove it; use a non-secret field (${declared}).`)
    return null
  }
  return field
}

/** A field condition that no value an account can have would meet. */
function neverHolds(field: DefinitionField, c: FieldCondition): string | null {
  if (c.not) return null
  if (c.exists === false && field.required) return `${field.name} is required, so a check never runs with it empty`
  const pattern = patternOf(field)
  if (pattern === null || c.ignoreCase) return null
  if (c.equals !== undefined && !pattern.test(c.equals)) return `"${c.equals}" does not match the pattern of ${field.name}, so no account can have that value`
  if (c.oneOf !== undefined && !c.oneOf.some((v) => pattern.test(v))) return `none of oneOf matches the pattern of ${field.name}, so no account can have those values`
  return null
}

function checkCondition(field: DefinitionField, c: FieldCondition, path: Path, p: ErrorReport): void {
  if (c.matches !== undefined) {
    try {
      compileRegex(c.matches)
    } catch (error) {
      p.error([...path, 'matches'], `Not a valid regular expression (${(error as Error).message}).`, 'Fix the regular expression (JavaScript syntax, u flag).')
    }
  }
  const why = neverHolds(field, c)
  if (why) p.error(path, `This field condition can never hold: ${why}. The rule can never match.`, `Correct the condition on ${field.name}, or its pattern and required setting.`)
}

export function checkFieldUse(d: ProviderDefinitionFile, rule: Rule, where: (...rest: PathSegment[]) => Path, p: ErrorReport): void {
  for (const [name, c] of Object.entries(rule.when.fields ?? {})) {
    const field = readableField(d, name, where('when', 'fields', name), 'A field condition', p)
    if (field) checkCondition(field, c, where('when', 'fields', name), p)
  }
  rule.when.json?.forEach((c, k) => {
    if (c.inField !== undefined) readableField(d, c.inField, where('when', 'json', k, 'inField'), 'inField', p)
  })
  for (const [name, value] of Object.entries(rule.example.fields ?? {})) {
    const path = where('example', 'fields', name)
    const field = readableField(d, name, path, 'The example', p)
    const pattern = field ? patternOf(field) : null
    if (field && value !== '' && pattern !== null && !pattern.test(value)) {
      p.error(path, `The example's value of ${name} does not match the field's pattern: a check would refuse it before sending.`, `Give ${name} a value of the shape its pattern describes.`)
    }
  }
}

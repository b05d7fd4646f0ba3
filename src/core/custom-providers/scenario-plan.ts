/**
 * One scenario per rule: which example each probe step answers with, the verdict a check must
 * reach, and credentials of the fields' shapes that differ per scenario (the generated
 * simulator tells scenarios apart by them), with the non-secret values the rule's example is
 * for. Pure.
 */
import { createHash } from 'node:crypto'
import type { CauseCode } from '../../shared/causes'
import type { DefinitionField, ProviderDefinitionFile, Rule, RuleExample } from './schema'

export interface ScenarioPlan {
  readonly name: string
  readonly index: number
  readonly description: string
  /** The step whose rule this scenario is about. */
  readonly stepIndex: number
  readonly rule: Rule
  /** What a check of this scenario must conclude. */
  readonly expected: CauseCode
  /** The example each step answers with (undefined: the step is never reached). */
  readonly answers: ReadonlyArray<RuleExample | undefined>
}

function successOf(rules: ReadonlyArray<Rule>): Rule | undefined {
  return rules.find((r) => r.cause === 'ok')
}

export function scenarioPlans(d: ProviderDefinitionFile): ScenarioPlan[] {
  const plans: ScenarioPlan[] = []
  d.probe.forEach((step, stepIndex) => {
    for (const rule of step.rules) {
      const answers = d.probe.map((other, i) => (i === stepIndex ? rule.example : successOf(other.rules)?.example))
      const description = `Step ${step.id} answers rule ${rule.name}'s example (${rule.example.status}) → ${rule.cause}.`
      plans.push({ name: rule.name, index: plans.length, description, stepIndex, rule, expected: rule.cause as CauseCode, answers })
    }
  })
  const last = d.probe[d.probe.length - 1]!
  const valid = successOf(last.rules)
  if (valid && !plans.some((p) => p.name === 'valid')) {
    const answers = d.probe.map((s) => successOf(s.rules)?.example)
    plans.push({ name: 'valid', index: plans.length, description: 'Every step answers its success example → ok.', stepIndex: d.probe.length - 1, rule: valid, expected: 'ok', answers })
  }
  return plans
}

const ALPHABETS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ']

function encode(n: number, alphabet: string, width: number): string {
  let out = ''
  let rest = n
  for (let i = 0; i < width; i += 1) {
    out = alphabet[rest % alphabet.length]! + out
    rest = Math.floor(rest / alphabet.length)
  }
  return out
}

/** The field's example with its tail replaced by the scenario number, still of the field's shape. */
export function varyValue(base: string, index: number, pattern: RegExp | null): string | null {
  const width = Math.min(4, base.length)
  for (const alphabet of ALPHABETS) {
    const value = base.slice(0, base.length - width) + encode(index + 1, alphabet, width)
    if (pattern === null || pattern.test(value)) return value
  }
  return null
}

function baseValue(name: string, d: ProviderDefinitionFile): string {
  return `sim-${d.id}-${name.toLowerCase()}-${createHash('sha256').update(`${d.id}|${name}`).digest('hex').slice(0, 16)}`
}

/** The non-secret values a rule's example is for: its `fields`, else each field's example. */
export function exampleFieldValues(d: ProviderDefinitionFile, rule: Rule): Record<string, string> {
  const given = rule.example.fields ?? {}
  const value = (field: DefinitionField): string => (Object.hasOwn(given, field.name) ? given[field.name]! : (field.example ?? baseValue(field.name, d)))
  return Object.fromEntries(d.fields.filter((f) => !f.secret).map((f) => [f.name, value(f)]))
}

export function scenarioCredentials(d: ProviderDefinitionFile, plan: ScenarioPlan): Record<string, string> {
  const out: Record<string, string> = exampleFieldValues(d, plan.rule)
  for (const field of d.fields.filter((f) => f.secret)) {
    const pattern = field.pattern === undefined ? null : new RegExp(`^(?:${field.pattern})$`, 'u')
    const base = field.example ?? baseValue(field.name, d)
    out[field.name] = varyValue(base, plan.index, pattern) ?? base
  }
  const environment = plan.rule.when.environment
  return environment === undefined ? out : { ...out, ENVIRONMENT: environment }
}

/** Secret fields whose example cannot be varied within its pattern: scenarios would share credentials. */
export function unvariedFields(d: ProviderDefinitionFile): string[] {
  return d.fields
    .filter((f) => f.secret)
    .filter((f) => varyValue(f.example ?? baseValue(f.name, d), 0, f.pattern === undefined ? null : new RegExp(`^(?:${f.pattern})$`, 'u')) === null)
    .map((f) => f.name)
}

/** Bad definitions are refused with the JSON path, the line and the fix; good ones load. */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { crossCheck } from '../../../../src/core/custom-providers/definition-files'
import { loadDefinition, MAX_DEFINITION_BYTES, type DefinitionProblem } from '../../../../src/core/custom-providers/load'
import { definitionYaml, lineContaining } from '../../../support/definitions'

function refused(text: string): DefinitionProblem[] {
  const result = loadDefinition(text)
  expect(result.ok).toBe(false)
  if (result.ok) return []
  for (const p of result.problems) expect(p.fix.length).toBeGreaterThan(10)
  return result.problems.filter((p) => p.severity === 'error')
}

describe('loadDefinition', () => {
  it('loads the base definition and every shipped one without errors', () => {
    expect(loadDefinition(definitionYaml()).ok).toBe(true)
    for (const name of readdirSync('definitions')) {
      const result = loadDefinition(readFileSync(`definitions/${name}`, 'utf8'))
      expect(result.ok ? [] : result.problems, name).toEqual([])
    }
  })

  it('refuses a secret placed in the URL path, naming the path and its line', () => {
    const text = definitionYaml((d) => (d.probe[0].path = '/v1/keys/{{API_KEY}}'))
    const [problem] = refused(text)
    expect(problem).toMatchObject({ path: 'probe[0].path', line: lineContaining(text, '/v1/keys/') })
    expect(problem!.message).toContain('API_KEY is placed in the URL path')
  })

  it('refuses a host list that does not cover the base URL', () => {
    const text = definitionYaml((d) => (d.environments[0].hosts = ['other.acme.test']))
    const [problem] = refused(text)
    expect(problem).toMatchObject({ path: 'environments[0].hosts', line: lineContaining(text, 'hosts:') })
    expect(problem!.fix).toContain('api.acme.test')
  })

  it('refuses an unknown cause code and lists the catalogue', () => {
    const text = definitionYaml((d) => (d.probe[0].rules[0].cause = 'credentials.wrong'))
    const [problem] = refused(text)
    expect(problem).toMatchObject({ path: 'probe[0].rules[0].cause', line: lineContaining(text, 'credentials.wrong') })
    expect(problem!.message).toContain('credentials.invalid')
  })

  it('refuses rules that can never match: a status outside 100–599, a 429-only rule, a rule behind a catch-all', () => {
    const outside = definitionYaml((d) => (d.probe[0].rules[0].when.status = 700))
    expect(refused(outside)[0]).toMatchObject({ path: 'probe[0].rules[0].when.status', line: lineContaining(outside, '700') })
    const shared = definitionYaml((d) => (d.probe[0].rules[0].when.status = 429))
    expect(refused(shared)[0]!.message).toContain('can never match')
    const shadowed = definitionYaml((d) => d.probe[0].rules.unshift({ name: 'everything', cause: 'request.rejected', summary: 'x', example: { status: 418 } }))
    const problem = refused(shadowed).find((p) => p.path === 'probe[0].rules[1].when')
    expect(problem?.message).toContain('Rule "everything" comes first')
  })

  it('refuses a template naming an undeclared field', () => {
    const text = definitionYaml((d) => (d.credential.headers['X-Api-Key'] = '{{API_TOKEN}}'))
    const problem = refused(text).find((p) => p.path === 'credential.headers.X-Api-Key')
    expect(problem?.message).toContain('{{API_TOKEN}}')
    expect(problem?.line).toBe(lineContaining(text, '{{API_TOKEN}}'))
  })

  it('refuses duplicate field names, and an id or variable token another definition or a built-in uses', () => {
    const fields = definitionYaml((d) => d.fields.push({ name: 'API_KEY', label: 'Again', secret: true }))
    expect(refused(fields).some((p) => p.path === 'fields[2].name' && p.message.includes('Duplicate field'))).toBe(true)
    const a = loadDefinition(definitionYaml())
    const b = loadDefinition(definitionYaml((d) => (d.envToken = 'AUTHMATECH')))
    if (!a.ok || !b.ok) throw new Error('fixtures must load')
    const clash = crossCheck(a.definition, a.locate, [{ file: 'other.yaml', definition: a.definition }])
    expect(clash.map((p) => p.path).sort()).toEqual(['envToken', 'id'])
    expect(clash[0]!.line).toBeGreaterThan(0)
    expect(crossCheck(b.definition, b.locate, [])[0]!.message).toContain('built-in provider Authmatech')
    expect(refused(definitionYaml((d) => (d.id = 'smsgate')))[0]).toMatchObject({ path: 'id' })
  })

  it('refuses a huge file before parsing it, and broken YAML with its line', () => {
    const huge = definitionYaml() + `# ${'x'.repeat(MAX_DEFINITION_BYTES)}\n`
    expect(refused(huge)[0]!.message).toContain(`at most ${MAX_DEFINITION_BYTES} bytes`)
    const broken = 'apiVersion: authdesk.dev/provider/v1\nid: acme\nname: [unclosed\n'
    expect(refused(broken)[0]!.line).toBeGreaterThanOrEqual(3)
  })

  it('refuses a state that contradicts the catalogue, a bad regex and a bad JSON path', () => {
    const state = definitionYaml((d) => (d.probe[0].rules[0].state = 'unknown'))
    expect(refused(state)[0]!.message).toContain('credentials.invalid is failing')
    const regex = definitionYaml((d) => (d.probe[0].rules[1].when.body = { matches: '(unclosed' }))
    expect(refused(regex)[0]!.path).toBe('probe[0].rules[1].when.body.matches')
    const path = definitionYaml((d) => (d.probe[0].rules[1].when.json[0].path = '$..ok'))
    expect(refused(path)[0]!.path).toBe('probe[0].rules[1].when.json[0].path')
  })

  it('refuses a condition or an example on a secret or undeclared field, with the path, the line and the fix', () => {
    const keyLine = (text: string, key: string) => text.split('\n').findIndex((l) => l.trim().startsWith(`${key}:`)) + 1
    const secret = definitionYaml((d) => (d.probe[0].rules[1].when.fields = { API_KEY: { matches: '^ak_' } }))
    const [onSecret] = refused(secret)
    expect(onSecret).toMatchObject({ path: 'probe[0].rules[1].when.fields.API_KEY', line: keyLine(secret, 'API_KEY') })
    expect(onSecret!.message).toContain('secret field API_KEY')
    expect(onSecret!.fix).toContain('ACCOUNT')
    const undeclared = definitionYaml((d) => (d.probe[0].rules[1].when.fields = { PLAN: { equals: 'pro' } }))
    expect(refused(undeclared)[0]).toMatchObject({ path: 'probe[0].rules[1].when.fields.PLAN', line: keyLine(undeclared, 'PLAN') })
    expect(refused(undeclared)[0]!.fix).toContain('Declare PLAN under fields')
    const inField = definitionYaml((d) => (d.probe[0].rules[1].when.json[0].inField = 'API_KEY'))
    expect(refused(inField)[0]).toMatchObject({ path: 'probe[0].rules[1].when.json[0].inField', line: lineContaining(inField, 'inField: API_KEY') })
    const example = definitionYaml((d) => (d.probe[0].rules[1].example.fields = { API_KEY: 'ak_0123456789abcdef' }))
    expect(refused(example)[0]).toMatchObject({ path: 'probe[0].rules[1].example.fields.API_KEY', line: keyLine(example, 'API_KEY') })
  })

  it('refuses a field condition that can never hold, and an example value outside the field’s pattern', () => {
    const withPlan = (rule: Record<string, unknown>, example: Record<string, string> = {}) =>
      definitionYaml((d) => {
        d.fields.push({ name: 'PLAN', label: 'Plan', secret: false, required: false, pattern: '[a-z]+' })
        d.probe[0].rules[1].when.fields = { PLAN: rule }
        d.probe[0].rules[1].example.fields = example
      })
    expect(refused(withPlan({ equals: 'Gold-1' }))[0]!.message).toContain('can never hold')
    expect(refused(withPlan({ oneOf: ['A', 'B'] }))[0]!.message).toContain('can never hold')
    expect(refused(withPlan({ matches: '(unclosed' }))[0]!.path).toBe('probe[0].rules[1].when.fields.PLAN.matches')
    const required = definitionYaml((d) => (d.probe[0].rules[1].when.fields = { ACCOUNT: { exists: false } }))
    expect(refused(required)[0]!.message).toContain('ACCOUNT is required')
    expect(refused(withPlan({ equals: 'gold' }, { PLAN: 'Gold!' }))[0]).toMatchObject({ path: 'probe[0].rules[1].example.fields.PLAN' })
    expect(loadDefinition(withPlan({ equals: 'gold' }, { PLAN: 'gold' })).ok).toBe(true)
    expect(loadDefinition(withPlan({ equals: 'Gold-1', not: true })).ok).toBe(true)
  })

  it('loads a query placement with a warning, never silently', () => {
    const result = loadDefinition(definitionYaml((d) => (d.credential = { type: 'query', params: { key: '{{API_KEY}}' } })))
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.warnings.map((w) => w.path)).toContain('credential.type')
  })
})

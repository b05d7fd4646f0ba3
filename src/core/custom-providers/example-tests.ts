/**
 * `providers test`: every rule's example through the classifier (offline: the rule itself must
 * decide it), then every scenario over real HTTP against the generated simulator, through the
 * same check a user's account gets. Any example that does not produce its rule's verdict is a
 * failure, named with the rule and what came out instead.
 */
import type { CauseCode } from '../../shared/causes'
import type { HttpClient } from '../http/client'
import { startSimulator } from '../simulators/server'
import { stepClassifier } from './classify'
import { createDefinitionSimulator, exampleResponse } from './simulator'
import { checkDefinitionAccount, type DefinitionCheckDeps } from './run-check'
import { exampleFieldValues, scenarioPlans, unvariedFields } from './scenario-plan'
import type { ProviderDefinitionFile } from './schema'

export interface ExampleResult {
  readonly scenario: string
  readonly mode: 'classifier' | 'http'
  readonly expected: CauseCode
  readonly actual: CauseCode
  /** The rule that decided, when one did. */
  readonly decidedBy: string | null
  readonly ok: boolean
  readonly summary: string
}

export interface ExampleReport {
  readonly definition: string
  readonly results: ReadonlyArray<ExampleResult>
  readonly problems: ReadonlyArray<string>
  readonly passed: boolean
}

export function classifyExamples(d: ProviderDefinitionFile, now: number = Date.now()): ExampleResult[] {
  return d.probe.flatMap((step) => {
    return step.rules.map((rule): ExampleResult => {
      const classify = stepClassifier(step, d.name, () => now, rule.when.environment ?? d.environments[0]!.id, exampleFieldValues(d, rule))
      const response = exampleResponse(rule.example)
      const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
      const verdict = classify({ step: step.id, url: `${d.environments[0]!.baseUrl}${step.path}`, status: response.status, headers, body: response.body ?? '' })
      const decidedBy = verdict.data?.rule?.name ?? null
      return {
        scenario: rule.name,
        mode: 'classifier',
        expected: rule.cause as CauseCode,
        actual: verdict.cause,
        decidedBy,
        ok: decidedBy === rule.name && verdict.cause === rule.cause,
        summary: verdict.summary,
      }
    })
  })
}

export async function httpExamples(d: ProviderDefinitionFile, deps: DefinitionCheckDeps & { readonly http: HttpClient }): Promise<ExampleResult[]> {
  const plans = scenarioPlans(d)
  const running = await startSimulator(createDefinitionSimulator(d, plans))
  try {
    const credentials = running.scenarioCredentials()
    const results: ExampleResult[] = []
    for (const plan of plans) {
      running.reset()
      const diagnosis = await checkDefinitionAccount({ definition: d, fields: credentials[plan.name]! }, deps)
      results.push({ scenario: plan.name, mode: 'http', expected: plan.expected, actual: diagnosis.cause, decidedBy: diagnosis.rule, ok: diagnosis.cause === plan.expected, summary: diagnosis.summary })
    }
    return results
  } finally {
    await running.close()
  }
}

export async function testDefinition(d: ProviderDefinitionFile, deps: DefinitionCheckDeps & { readonly http: HttpClient }): Promise<ExampleReport> {
  const problems = unvariedFields(d).map((f) => `The example of ${f} cannot be varied within its pattern, so the simulator's scenarios share its value: give ${f} an example whose last characters may be digits or letters.`)
  const results = [...classifyExamples(d), ...(problems.length > 0 ? [] : await httpExamples(d, deps))]
  return { definition: d.id, results, problems, passed: problems.length === 0 && results.every((r) => r.ok) }
}

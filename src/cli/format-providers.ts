/** Text output of `authdesk providers`: problems with file:line and the fix, test reports, the provider list. */
import type { ExampleReport } from '../core/custom-providers/example-tests'
import type { DefinitionProblem } from '../core/custom-providers/load'
import type { DefinitionDiagnosis } from '../core/custom-providers/run-check'
import type { KnowledgeStep } from '../core/diagnosis/types'

export interface ProviderListEntry {
  readonly id: string | null
  readonly name: string | null
  readonly envToken: string | null
  /** `built-in`, or the definition file. */
  readonly source: string
  readonly problems: ReadonlyArray<DefinitionProblem>
}

function problemLine(file: string, p: DefinitionProblem): string {
  const where = `${file}:${p.line ?? '?'}`
  return `${where}: ${p.severity}${p.path ? ` at ${p.path}` : ''}: ${p.message}\n    fix: ${p.fix}\n`
}

/** `quietWhenClean`: print nothing for a file without problems (the test report follows). */
export function formatProblems(file: string, problems: ReadonlyArray<DefinitionProblem>, quietWhenClean = false): string {
  if (problems.length === 0) return quietWhenClean ? '' : `${file}: ok\n`
  const errors = problems.filter((p) => p.severity === 'error').length
  const head = errors > 0 ? `${file}: refused, ${errors} error(s), nothing saved\n` : `${file}: ok, ${problems.length} warning(s)\n`
  return head + problems.map((p) => problemLine(file, p)).join('')
}

export function formatTestReport(report: ExampleReport): string {
  const lines = [`${report.definition}: ${report.passed ? 'every example gives its rule’s verdict' : 'some examples do not give their rule’s verdict'}`]
  for (const problem of report.problems) lines.push(`  problem: ${problem}`)
  for (const r of report.results) {
    const by = r.decidedBy === null ? 'no rule (a default)' : `rule ${r.decidedBy}`
    lines.push(r.ok ? `  ok    ${r.mode.padEnd(10)} ${r.scenario} → ${r.actual}` : `  FAIL  ${r.mode.padEnd(10)} ${r.scenario}: expected ${r.expected}, got ${r.actual} from ${by} (${r.summary})`)
  }
  const failed = report.results.filter((r) => !r.ok).length
  lines.push(`  ${report.results.length - failed} passed, ${failed} failed`, '')
  return lines.join('\n')
}

export function formatProviderList(dir: string, entries: ReadonlyArray<ProviderListEntry>): string {
  const lines = entries.map((e) => {
    if (e.id === null) return `  (invalid)              ${e.source}: ${e.problems.length} error(s); run \`authdesk providers lint ${e.source}\``
    const trouble = e.problems.length > 0 ? `  [${e.problems.map((p) => p.message).join(' ')}]` : ''
    return `  ${e.id.padEnd(22)} ${(e.envToken ?? '').padEnd(14)} ${(e.name ?? '').padEnd(28)} ${e.source}${trouble}`
  })
  return [`Providers (definitions from ${dir}):`, `  ${'id'.padEnd(22)} ${'variables'.padEnd(14)} ${'name'.padEnd(28)} source`, ...lines, ''].join('\n')
}

export interface DefinitionCheckResult {
  readonly account: string
  readonly diagnosis: DefinitionDiagnosis
}

function counts(results: ReadonlyArray<DefinitionCheckResult>): Record<'healthy' | 'degraded' | 'failing' | 'unknown', number> {
  const out = { healthy: 0, degraded: 0, failing: 0, unknown: 0 }
  for (const r of results) out[r.diagnosis.state] += 1
  return out
}

/** The shape of `check --json` (spec/cli.md), plus the rule that decided. */
export function formatDefinitionCheckJson(results: ReadonlyArray<DefinitionCheckResult>): string {
  const rows = results.map(({ account, diagnosis: d }) => ({
    account,
    provider: d.provider,
    state: d.state,
    cause: d.cause,
    retryable: d.retryable,
    summary: d.summary,
    evidence: d.evidence,
    rule: d.rule,
    durationMs: d.durationMs,
  }))
  return JSON.stringify({ results: rows, summary: counts(results) }) + '\n'
}

/** `step`: a wizard step by id; the first one of a verdict that needs someone is printed under it. */
export function formatDefinitionCheckTable(results: ReadonlyArray<DefinitionCheckResult>, step: (id: string) => KnowledgeStep | undefined): string {
  const width = Math.max(...results.map((r) => r.account.length))
  const lines = results.flatMap(({ account, diagnosis: d }) => {
    const line = `${account.padEnd(width)}  ${d.state.padEnd(8)}  ${d.cause.padEnd(20)}  ${d.summary}`
    const first = d.state === 'healthy' ? undefined : d.knowledgeSteps.map(step).find((s) => s !== undefined)
    return first ? [line, `${' '.repeat(width)}  → ${first.title}: ${first.text}`] : [line]
  })
  const c = counts(results)
  return [...lines, '', `${c.healthy} healthy, ${c.degraded} degraded, ${c.failing} failing, ${c.unknown} unknown`, ''].join('\n')
}

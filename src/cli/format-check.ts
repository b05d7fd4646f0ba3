/** Output of `authdesk check`: a human table, or the JSON document of docs/cli.md. */
import { fixOf } from '../shared/causes'
import type { Diagnosis, DiagnosedState } from '../shared/diagnosis'
import type { ProviderId } from '../shared/model'

export interface CheckResult {
  readonly account: string
  readonly diagnosis: Diagnosis
}

export type StateCounts = Record<DiagnosedState, number>

export function countStates(results: ReadonlyArray<CheckResult>): StateCounts {
  const counts: StateCounts = { healthy: 0, degraded: 0, failing: 0, unknown: 0 }
  for (const { diagnosis } of results) counts[diagnosis.state] += 1
  return counts
}

interface JsonResult {
  readonly account: string
  readonly provider: ProviderId
  readonly state: DiagnosedState
  readonly cause: string
  readonly retryable: boolean
  readonly summary: string
  readonly evidence: Diagnosis['evidence']
  readonly durationMs: number
  /** What to do, for causes whose fix does not depend on the provider. */
  readonly fix?: string
}

export function formatCheckJson(results: ReadonlyArray<CheckResult>): string {
  const rows: JsonResult[] = results.map(({ account, diagnosis: d }) => ({
    account,
    provider: d.provider,
    state: d.state,
    cause: d.cause,
    retryable: d.retryable,
    summary: d.summary,
    evidence: d.evidence,
    durationMs: d.durationMs,
    ...(fixOf(d.cause) ? { fix: fixOf(d.cause)! } : {}),
  }))
  return `${JSON.stringify({ results: rows, summary: countStates(results) })}\n`
}

export function formatCheckTable(results: ReadonlyArray<CheckResult>): string {
  const header = ['ACCOUNT', 'PROVIDER', 'STATE', 'CAUSE', 'TIME', 'SUMMARY']
  const rows = results.map(({ account, diagnosis: d }) => [account, d.provider, d.state, d.cause, `${d.durationMs} ms`, d.summary])
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: ReadonlyArray<string>): string => cells.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  ')
  const counts = countStates(results)
  const total = `${counts.healthy} healthy, ${counts.degraded} degraded, ${counts.failing} failing, ${counts.unknown} unknown`
  return [line(header), ...rows.map(line), '', total, ''].join('\n')
}

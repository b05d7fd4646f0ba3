/**
 * CI outputs of `authdesk check`: a JUnit XML report (one testcase per account; failing and
 * unknown accounts are failures with their cause and fix), and the due dates that end within
 * `--expiring-within` (a credential's or token's expiry, a rotation due date).
 */
import { writeFile } from 'node:fs/promises'
import { fixOf } from '../shared/causes'
import type { AccountDeadlines } from '../shared/tokens'
import type { CheckResult } from './format-check'
import { UsageError } from './io'

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
// eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry at all
const escapeXml = (text: string): string => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!)

export function junitReport(results: ReadonlyArray<CheckResult>, scrub: (text: string) => string): string {
  const failures = results.filter((r) => r.diagnosis.state === 'failing' || r.diagnosis.state === 'unknown').length
  const seconds = (ms: number): string => (ms / 1000).toFixed(3)
  const total = results.reduce((n, r) => n + r.diagnosis.durationMs, 0)
  const cases = results.map(({ account, diagnosis: d }) => {
    const open = `    <testcase name="${escapeXml(account)}" classname="authdesk.${d.provider}" time="${seconds(d.durationMs)}"`
    if (d.state !== 'failing' && d.state !== 'unknown') return `${open}/>`
    const fix = fixOf(d.cause)
    const body = scrub([`${d.state}: ${d.cause}`, d.summary, ...(fix ? [`Fix: ${fix}`] : [])].join('\n'))
    return `${open}>\n      <failure message="${escapeXml(scrub(`${d.state}: ${d.cause}: ${d.summary}`))}" type="${escapeXml(d.cause)}">${escapeXml(body)}</failure>\n    </testcase>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="authdesk check" tests="${results.length}" failures="${failures}" time="${seconds(total)}">`,
    `  <testsuite name="authdesk check" tests="${results.length}" failures="${failures}" errors="0" time="${seconds(total)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}

export async function writeJunit(path: string, xml: string): Promise<void> {
  await writeFile(path, xml, { mode: 0o600 })
}

/** `14d`, `36h`, `90m` → milliseconds. */
export function parseWindow(text: string): number {
  const match = /^(\d{1,4})([dhm])$/.exec(text.trim())
  if (!match) throw new UsageError(`--expiring-within takes a number and a unit (d, h or m), e.g. 14d, not "${text.slice(0, 20)}"`, '--expiring-within')
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm']
  return Number(match[1]) * unit
}

export interface Expiring {
  readonly account: string
  readonly what: string
  readonly at: string
}

/** Due dates of the checked accounts that end before `now + windowMs`: tokens seen in the check, and (vault) tokens and rotations. */
export function expiringWithin(results: ReadonlyArray<CheckResult>, deadlines: ReadonlyMap<string, AccountDeadlines>, now: number, windowMs: number): Expiring[] {
  const found: Expiring[] = []
  const soon = (at: string | null | undefined): at is string => typeof at === 'string' && Date.parse(at) <= now + windowMs
  for (const { account, diagnosis } of results) {
    const token = diagnosis.details.token?.expiresAt
    if (soon(token)) found.push({ account, what: 'token expires', at: token })
    const due = deadlines.get(account)
    if (!due) continue
    if (soon(due.tokenExpiresAt) && due.tokenExpiresAt !== token && !due.tokenRefreshable) found.push({ account, what: 'token expires', at: due.tokenExpiresAt })
    if (soon(due.rotationDueAt)) found.push({ account, what: 'rotation due', at: due.rotationDueAt })
  }
  return found
}

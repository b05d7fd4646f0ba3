/** report.md: a short text a support desk can read in a ticket, rendered from the report model. */
import type { ReportModel } from './report-model'
import { formatLocal } from './time-format'

const FILE_NOTES: Readonly<Record<string, string>> = {
  'report.md': 'this text',
  'report.json': 'the same facts, structured',
  'diagnosis.json': 'the latest check in full (state, cause, evidence, wizard steps)',
  'history.json': 'every recorded check of this account, newest first',
  'exchanges.har': 'the HTTP exchanges of the recent checks (HAR 1.2: open in browser devtools, Network → Import)',
  'wizard-trail.json': 'the troubleshooting wizard steps and answers',
  'environment.json': 'app version, OS, secret storage, proxy, clock skew, time zone',
  'redactions.json': 'every removal: file, place and kind, never the value',
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((t) => t.length))
  const ticks = '`'.repeat(longest + 1)
  return `${ticks}\n${text}\n${ticks}`
}

export function renderMarkdown(r: ReportModel, timeZone: string): string {
  const out: string[] = []
  out.push(`# AuthDesk support bundle: ${r.account.providerLabel}, account "${r.account.label}"`, '')
  out.push(`Generated ${r.generatedAtLocal} by AuthDesk ${r.environment.appVersion ?? ''}`.trimEnd() + '.', '')

  out.push('## Summary', '')
  if (r.latest) {
    out.push(`- State: **${r.latest.state}** (cause \`${r.latest.cause}\`${r.latest.retryable ? ', may pass if retried later' : ''})`)
    out.push(`- ${r.latest.summary}`)
    out.push(`- Checked: ${r.latest.checkedAtLocal} (${r.latest.checkedAt})`)
    const evidence = [`step ${r.latest.step}`, r.latest.status !== null ? `HTTP ${r.latest.status}` : '', r.latest.providerCode ? `provider code ${r.latest.providerCode}` : '', r.latest.providerMessage ? `"${r.latest.providerMessage}"` : '']
    out.push(`- Evidence: ${evidence.filter(Boolean).join(', ')}`)
  } else {
    out.push('- No check has run yet for this account, so this bundle has no diagnosis and no HTTP exchanges. The account, environment and wizard facts below are complete.')
  }
  out.push(`- Environment: ${r.account.environment}; base URL ${r.account.baseUrl}${r.account.customBaseUrl ? ' (saved on the account)' : ' (the default)'}`)
  out.push('')

  out.push(`## What ${r.support.provider} support asks for`, '', r.support.asks, '')
  for (const fact of r.support.facts) {
    if (fact.block) out.push(`- ${fact.label}:`, '', fence(fact.value), '')
    else out.push(`- ${fact.label}: ${fact.value}`)
  }
  out.push('')

  out.push('## Environment', '')
  const env = r.environment
  if (env.appVersion) out.push(`- AuthDesk ${env.appVersion}${env.node ? ` (Node ${env.node}${env.electron ? `, Electron ${env.electron}` : ''})` : ''}`)
  if (env.os) out.push(`- OS: ${env.os}`)
  if (env.secretStorage) out.push(`- Secret storage: ${env.secretStorage.backend}${env.secretStorage.persistent ? ' (persistent)' : ' (this session only)'}`)
  if (env.proxy) out.push(`- Proxy: ${env.proxy.length === 0 ? 'none configured' : env.proxy.map((p) => `${p.variable}=${p.value}`).join('; ')}`)
  out.push(`- Clock skew: ${env.clockSkew}`)
  if (env.timeZone) out.push(`- Time zone: ${env.timeZone}; bundle made ${formatLocal(r.generatedAt, timeZone)}`)
  out.push('')

  if (r.history.length > 0) {
    out.push('## Recent checks', '', '| When | State | Cause | Summary |', '| --- | --- | --- | --- |')
    for (const c of r.history.slice(0, 10)) out.push(`| ${cell(c.checkedAtLocal)} | ${c.state} | ${c.cause} | ${cell(c.summary)} |`)
    if (r.history.length > 10) out.push('', `(${r.history.length - 10} older checks in history.json)`)
    out.push('')
  }

  if (r.wizardTrail.length > 0) {
    out.push('## Troubleshooting steps taken', '')
    for (const s of r.wizardTrail) out.push(`- ${formatLocal(s.at, timeZone)}: ${s.stepId}: ${s.answer}`)
    out.push('')
  }

  if (r.notes.length > 0) {
    out.push('## Notes', '')
    for (const n of r.notes) out.push(`- ${n}`)
    out.push('')
  }

  out.push('## Files', '')
  for (const f of r.files) out.push(`- ${f}: ${FILE_NOTES[f] ?? ''}`)
  out.push('', 'Secrets were removed before export and every removal is listed in redactions.json; before writing, AuthDesk scanned every file with secretlint\'s recommended rules and for every secret in its vault.', '')
  return out.join('\n')
}

/** Human-readable output of `authdesk tokens`: times, scopes and the token record; never a token. */
import type { TokenRecordView, TokenState } from '../shared/tokens'

function relative(at: string, nowMs: number): string {
  const delta = Date.parse(at) - nowMs
  const minutes = Math.round(Math.abs(delta) / 60_000)
  const amount = minutes >= 120 ? `${Math.round(minutes / 60)} h` : minutes >= 1 ? `${minutes} min` : `${Math.round(Math.abs(delta) / 1000)} s`
  return delta >= 0 ? `in ${amount}` : `${amount} ago`
}

const STATUS_TEXT: Record<TokenState['status'], string> = {
  none: 'no token issued by AuthDesk',
  active: 'active',
  expired: 'expired',
  revoked: 'revoked',
  failing: 'refresh failing',
}

function headerLines(label: string, state: TokenState, nowMs: number): string[] {
  const lines = [`${label}  ${state.provider}  token ${STATUS_TEXT[state.status]}${state.jti ? `  jti ${state.jti}` : ''}`]
  if (state.expiresAt) {
    const refresh = state.refreshAt && state.refreshable ? `  refresh at ${state.refreshAt} (${relative(state.refreshAt, nowMs)})` : '  not renewable'
    lines.push(`  expires ${state.expiresAt} (${relative(state.expiresAt, nowMs)})${state.status === 'revoked' ? '' : refresh}`)
  }
  if (state.scopes.length > 0) lines.push(`  scopes: ${state.scopes.join(', ')}`)
  if (state.lastRefresh) lines.push(`  last renewal: ${state.lastRefresh.outcome} at ${state.lastRefresh.at}`)
  if (state.failure) lines.push(`  ! ${state.failure.message}${state.nextAttemptAt ? ` Next try ${relative(state.nextAttemptAt, nowMs)}.` : ''}`)
  for (const warning of state.warnings) lines.push(`  ! ${warning}`)
  return lines
}

const COLUMNS = ['JTI', 'SCOPES', 'ISSUED', 'REFRESH-AT', 'EXPIRES-AT', 'STATUS'] as const

function recordRow(record: TokenRecordView, state: TokenState): string[] {
  const refreshAt = record.status === 'current' && state.refreshable ? (state.refreshAt ?? '-') : '-'
  const status = record.origin === 'detached' && record.status === 'active' ? 'active (handed out)' : record.status
  return [record.jti, record.scopes.join(','), record.issuedAt, refreshAt, record.expiresAt, status]
}

function table(rows: ReadonlyArray<ReadonlyArray<string>>): string[] {
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
}

export function formatTokenState(label: string, state: TokenState, nowMs: number): string {
  const lines = headerLines(label, state, nowMs)
  if (state.records.length > 0) lines.push('', ...table([[...COLUMNS], ...state.records.map((r) => recordRow(r, state))]))
  return lines.join('\n') + '\n'
}

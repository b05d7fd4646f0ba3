/** SMSGate token values that cannot work, found before sending (the server would only say 401). */
import type { LintProblem } from '../../diagnosis/types'
import { decodeJwt, readSmsGateClaims } from './jwt'
import { SCOPE_TOKENS_REFRESH } from './scopes'

function tokenProblem(field: 'TOKEN' | 'REFRESH_TOKEN', value: string): LintProblem | null {
  const decoded = decodeJwt(value)
  const malformed = (message: string): LintProblem => ({ field, cause: 'credentials.malformed', message: `${field} ${message}.` })
  if (decoded === null) return malformed('is not a decodable JWT (its header or claims are not base64url JSON)')
  const claims = readSmsGateClaims(decoded.payload)
  if (claims === null) return malformed('has claims of the wrong type (e.g. exp as text), which SMSGate refuses')
  const isRefresh = claims.scopes?.length === 1 && claims.scopes[0] === SCOPE_TOKENS_REFRESH
  if (field === 'TOKEN' && isRefresh) return malformed('is a refresh token (its only scope is tokens:refresh): put it in REFRESH_TOKEN and the access_token in TOKEN')
  if (field === 'REFRESH_TOKEN' && claims.scopes !== undefined && !isRefresh) return malformed('is an access token, not a refresh token: use the refresh_token of the pair')
  return null
}

export function lintSmsGate(fields: Readonly<Record<string, string>>): LintProblem[] {
  const problems: LintProblem[] = []
  for (const field of ['TOKEN', 'REFRESH_TOKEN'] as const) {
    const value = fields[field]
    const problem = value ? tokenProblem(field, value) : null
    if (problem) problems.push(problem)
  }
  return problems
}

import type { Diagnosis } from '../../../shared/diagnosis'
import type { AccountView } from '../../../shared/model'
import { accountField, baseUrlOf, decidingExchange, jsonOf, NO_CHECK, objectOf, requestLine, statusLine } from '../../bundle/support-fact-parts'
import { formatLocal } from '../../bundle/time-format'
import type { SupportFact, SupportFacts } from '../module'

function facts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const message = objectOf(jsonOf(e?.responseBody)).message
  const token = d?.details.token
  const auth = account.secrets.TOKEN?.set ? 'JWT bearer token' : account.secrets.PASSWORD?.set ? `Basic (username ${accountField(account, 'USERNAME')})` : 'no credentials set'
  const host = (() => {
    try {
      return new URL(baseUrlOf(account)).host
    } catch {
      return baseUrlOf(account)
    }
  })()
  return [
    { label: 'Request', value: d ? requestLine(e) : NO_CHECK },
    { label: 'HTTP status and message', value: d ? `${statusLine(e, d)}${typeof message === 'string' ? ` "${message}"` : ''}` : NO_CHECK },
    { label: 'Authentication', value: auth },
    ...(token
      ? [{ label: 'Token', value: `scopes ${token.scopes.join(', ') || 'none'}; expires ${token.expiresAt ?? 'unknown'}; issuer ${token.issuer ?? 'unknown'}${token.missingScopes.length > 0 ? `; missing ${token.missingScopes.join(', ')}` : ''}` }]
      : []),
    { label: 'Server', value: host === 'api.sms-gate.app' ? 'cloud (api.sms-gate.app)' : `private server (${host})` },
    { label: 'When', value: d ? formatLocal(d.checkedAt, timeZone) : NO_CHECK },
  ]
}

export const supportFacts: SupportFacts = {
  asks: "The request, the HTTP status and the server's message, how the request authenticated and, for tokens, their scopes and expiry (what the server's errors depend on; SMSGate publishes no support checklist).",
  facts,
}

import type { Diagnosis } from '../../../shared/diagnosis'
import type { AccountView } from '../../../shared/model'
import { accountField, decidingExchange, jsonOf, NO_CHECK, objectOf, requestLine, statusLine } from '../../bundle/support-fact-parts'
import { formatLocal } from '../../bundle/time-format'
import type { SupportFact, SupportFacts } from '../module'

function facts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const messages = objectOf(jsonOf(e?.responseBody)).messages
  const list = Array.isArray(messages) ? messages.map((m) => `${String(objectOf(m).code ?? 'no code')}: ${String(objectOf(m).message ?? 'no message')}`).join('; ') : 'no messages[] in the response'
  return [
    { label: 'HTTP status', value: d ? statusLine(e, d) : NO_CHECK },
    { label: 'messages[].code and message', value: d ? list : NO_CHECK },
    { label: 'Request URL and method', value: d ? requestLine(e) : NO_CHECK },
    { label: 'Request body (key removed)', value: d ? (e?.requestBody ?? `none (${e?.method ?? 'no'} request without a body)`) : NO_CHECK, block: Boolean(e?.requestBody) },
    { label: 'Full response body', value: d ? (e?.responseBody ?? 'no response body') : NO_CHECK, block: Boolean(e?.responseBody) },
    { label: 'Time with time zone', value: d ? formatLocal(d.checkedAt, timeZone) : NO_CHECK },
    { label: 'Client ID', value: accountField(account, 'CLIENT_ID') },
  ]
}

export const supportFacts: SupportFacts = {
  asks: 'HTTP status, messages[].code and message, request URL and method, the request body with the key removed, the full response body, and the time with time zone (Authmatech errors guide).',
  facts,
}

import type { Diagnosis, TranscriptEntry } from '../../../shared/diagnosis'
import type { AccountView } from '../../../shared/model'
import { accountField, baseUrlOf, decidingExchange, NO_CHECK, errorTime } from '../../bundle/support-fact-parts'
import type { SupportFact, SupportFacts } from '../module'

function soapMethod(e: TranscriptEntry | undefined, d: Diagnosis): string {
  const action = e && Object.entries(e.requestHeaders).find(([k]) => k.toLowerCase() === 'soapaction')?.[1]
  const m = action ? /\/([A-Za-z]+Service)\/([A-Za-z_]+)"?$/.exec(action.trim()) : null
  return m ? `${m[1]}.${m[2]}` : d.evidence.step
}

/** `1001: Invalid Authentication`, whether or not the message already starts with its code. */
const errorText = (code: string | undefined, message: string | undefined): string =>
  code && message?.startsWith(code) ? message : [code, message].filter(Boolean).join(': ')

function facts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const code = d?.evidence.providerCode
  return [
    { label: 'Time and date of the error', value: errorTime(checks, timeZone) },
    { label: 'API method', value: d ? soapMethod(e, d) : NO_CHECK },
    { label: 'Error', value: d ? errorText(code, d.evidence.providerMessage) || d.summary : NO_CHECK },
    { label: 'Username', value: accountField(account, 'USERNAME') },
    { label: 'Domain', value: `${accountField(account, 'DOMAIN')}${d?.details.suggestedDomain ? ` (Environment_Get reported "${d.details.suggestedDomain}")` : ''}` },
    { label: 'Endpoint', value: e?.url ?? baseUrlOf(account) },
  ]
}

export const supportFacts: SupportFacts = {
  asks: 'The time and date of the error and the API method that was called (Nmbrs support article "API error 1001: Invalid Authentication").',
  facts,
}

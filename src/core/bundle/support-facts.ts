/**
 * What each provider's support desk asks for (the provider module's support facts), read from
 * the account and its latest checks. A provider without its own list gets the common one.
 */
import type { Diagnosis } from '../../shared/diagnosis'
import type { AccountView } from '../../shared/model'
import type { SupportFact } from '../providers/module'
import { providerModule } from '../providers/registry'
import { accountField, baseUrlOf, decidingExchange, integrationHistory, NO_CHECK, requestLine, statusLine } from './support-fact-parts'
import { formatLocal } from './time-format'

export type { SupportFact } from '../providers/module'
export { decidingExchange, integrationHistory, NO_CHECK } from './support-fact-parts'

export interface SupportFacts {
  readonly provider: string
  /** What the provider's support asks for, in one sentence, with where that comes from. */
  readonly asks: string
  readonly facts: ReadonlyArray<SupportFact>
}

const COMMON_ASKS = 'The request, the HTTP status and the provider\'s message, the time with time zone, and whether it worked before.'

function commonFacts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  return [
    { label: 'Request', value: d ? requestLine(e) : NO_CHECK },
    { label: 'HTTP status', value: d ? statusLine(e, d) : NO_CHECK },
    { label: 'Provider message', value: d ? (d.evidence.providerMessage ?? d.summary) : NO_CHECK },
    { label: 'When', value: d ? formatLocal(d.checkedAt, timeZone) : NO_CHECK },
    { label: 'New or previously working integration', value: integrationHistory(checks, timeZone) },
    { label: 'Host', value: baseUrlOf(account) },
    ...Object.keys(account.fields).map((name) => ({ label: name, value: accountField(account, name) })),
  ]
}

/** `checks` newest first. */
export function supportFacts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFacts {
  const module = providerModule(account.provider)
  const own = module.supportFacts
  return {
    provider: module.definition.label,
    asks: own?.asks ?? COMMON_ASKS,
    facts: own ? own.facts(account, checks, timeZone) : commonFacts(account, checks, timeZone),
  }
}

import type { Diagnosis } from '../../../shared/diagnosis'
import type { AccountView } from '../../../shared/model'
import { accountField, baseUrlOf, decidingExchange, jsonOf, NO_CHECK, objectOf, integrationHistory } from '../../bundle/support-fact-parts'
import { formatLocal } from '../../bundle/time-format'
import type { SupportFact, SupportFacts } from '../module'

function facts(account: AccountView, checks: ReadonlyArray<Diagnosis>, timeZone: string): SupportFact[] {
  const d = checks[0]
  const e = d && decidingExchange(d)
  const item = objectOf(Array.isArray(jsonOf(e?.responseBody)) ? (jsonOf(e?.responseBody) as unknown[])[0] : undefined)
  const warnings = Array.isArray(item.WarningMessages) ? item.WarningMessages.map(String) : []
  const errors = d
    ? [item.errorMsg ? `errorMsg "${String(item.errorMsg)}"` : '', warnings.length > 0 ? `WarningMessages ${warnings.map((w) => `"${w}"`).join(', ')}` : '', d.evidence.providerMessage && !item.errorMsg && warnings.length === 0 ? d.evidence.providerMessage : '']
        .filter(Boolean)
        .join('; ') || 'none in the response'
    : NO_CHECK
  return [
    { label: 'Customer ID', value: accountField(account, 'CUSTOMER_ID') },
    { label: 'Error messages', value: errors },
    { label: 'When', value: d ? `${formatLocal(d.checkedAt, timeZone)}${item.transmitDateTime ? `; Groupcall transmitDateTime ${String(item.transmitDateTime)}` : ''}` : NO_CHECK },
    { label: 'New or previously working integration', value: integrationHistory(checks, timeZone) },
    { label: 'Route', value: account.secrets.PARTNER_KEY?.set ? 'PartnerRoute (a partner key is set)' : 'customer credentials (no partner key)' },
    { label: 'Host', value: baseUrlOf(account) },
  ]
}

export const supportFacts: SupportFacts = {
  asks: "Customer ID, the error messages, timestamps, and whether this is a new integration or one that worked before (Groupcall's authentication troubleshooting guide).",
  facts,
}

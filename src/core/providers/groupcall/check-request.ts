/**
 * What the Groupcall check sends. Groupcall's Messenger API 3.1.0 reference documents only the
 * SendMessage_V3 calls (SMS, Email, PartnerRoute): no status, balance or "who am I" call, so
 * no call that proves a credential without asking to send. The default check therefore sends
 * a request with an empty recipient list, which cannot queue a message for anyone; the
 * documented sample (an SMS to the reserved +447700900000) is an explicit per-account choice.
 */
import { isOn } from '../field-shapes'
import type { GroupcallChannel, GroupcallCheck } from './definition'
import {
  GROUPCALL_PROBE_MESSAGE,
  GROUPCALL_PROBE_NUMBER,
  groupcallSendPath,
  type GroupcallEmailItem,
  type GroupcallPartnerRouteBody,
  type GroupcallProbeCredentials,
  type GroupcallRecipient,
  type GroupcallRoute,
  type GroupcallSendBody,
  type GroupcallSmsItem,
} from './wire'

export interface GroupcallCheckRequest {
  readonly route: GroupcallRoute
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: GroupcallSendBody | GroupcallPartnerRouteBody
}

/** RFC 2606 reserves `.invalid`: no such address can exist. */
export const GROUPCALL_PROBE_EMAIL = 'authdesk-check@example.invalid'
const SUBJECT = 'AuthDesk credential check'

/** The channel the check tests: App messages have no SendMessage_V3 route, so App accounts are checked on SMS. */
export const checkedChannel = (channel: GroupcallChannel): 'SMS' | 'Email' => (channel === 'Email' ? 'Email' : 'SMS')

/** One sentence for the editor and the CLI: exactly what the check sends. */
export function describeCheck(check: GroupcallCheck, channel: GroupcallChannel): string {
  const route = checkedChannel(channel)
  if (check === 'no-recipient')
    return `The Groupcall check sends one SendMessage_V3/${route} request with an empty recipient list: Groupcall cannot queue or charge a message for it.`
  const to = route === 'SMS' ? `an SMS to the reserved number ${GROUPCALL_PROBE_NUMBER}` : `an e-mail to ${GROUPCALL_PROBE_EMAIL}`
  return `The Groupcall check sends one SendMessage_V3/${route} request with ${to}: Groupcall documents this test, but may queue and charge it.`
}

function item(credentials: GroupcallProbeCredentials, check: GroupcallCheck, route: 'SMS' | 'Email'): GroupcallSmsItem | GroupcallEmailItem {
  const auth = { CustomerId: credentials.customerId, Password: credentials.password }
  const reserved = check === 'reserved-number'
  if (route === 'Email') {
    const Recipients: GroupcallRecipient[] = reserved ? [{ EmailAddress: GROUPCALL_PROBE_EMAIL }] : []
    return { ...auth, Recipients, EmailSubject: SUBJECT, EmailBody: SUBJECT }
  }
  return { ...auth, Recipients: reserved ? [{ MobileNumber: GROUPCALL_PROBE_NUMBER }] : [], SMSMessage: GROUPCALL_PROBE_MESSAGE }
}

export function buildCheckRequest(credentials: GroupcallProbeCredentials, check: GroupcallCheck, channel: GroupcallChannel): GroupcallCheckRequest {
  const route = checkedChannel(channel)
  const headers = { 'content-type': 'application/json', accept: 'application/json' }
  const messageData = [item(credentials, check, route)]
  if (!credentials.partnerKey) return { route, path: groupcallSendPath(route), headers, body: { messageData } }
  const body: GroupcallPartnerRouteBody = { PartnerKey: credentials.partnerKey, styleClass: credentials.styleClass ?? 'AuthDesk', messageData }
  return { route: 'PartnerRoute', path: groupcallSendPath('PartnerRoute'), headers, body }
}

/** Why background checks skip this account (its check may be charged and the owner did not allow it), or null. */
export function backgroundCheckRefusal(fields: Readonly<Record<string, string>>): string | null {
  if ((fields.CHECK ?? '').trim().toLowerCase() !== 'reserved-number' || isOn(fields.BACKGROUND_CHECKS)) return null
  return `Its check is an SMS to ${GROUPCALL_PROBE_NUMBER}, which Groupcall may charge: background checks skip it unless "Background checks that may be charged" is yes. Check it when you need to.`
}

/**
 * Groupcall Messenger API 3.1.0 (SendMessage_V3) wire shapes, shared by the simulator and the
 * probe. Field names and literal strings are exactly as documented (see
 * shared/providers/groupcall.md §4–§7); everything here is pure.
 */
import { z } from 'zod'

export const GROUPCALL_ROUTES = ['SMS', 'Email', 'PartnerRoute'] as const
export type GroupcallRoute = (typeof GROUPCALL_ROUTES)[number]

/** Path under the BASE_URL (host root) for one send route. */
export function groupcallSendPath(route: GroupcallRoute): string {
  return `/api/SendMessage_V3/${route}`
}

/** Literal strings Groupcall puts in `errorMsg` / `WarningMessages`. */
export const GROUPCALL_TEXT = {
  dataNotValid: 'Data is not valid, no messages sent',
  requiredFieldsMissing: 'Required authentication fields missing',
  smsNotAllowed: 'Customer does not allow sending SMS',
  // Only "SMS (or email)" is documented; this email wording is inferred from the SMS one.
  emailNotAllowed: 'Customer does not allow sending Email',
  partnerNotAuthorized: 'Partner account not authorized for this customer',
  noValidRecipients: 'No recipients with valid addresses',
  inQueue: 'In Queue',
} as const

export function queuedText(count: number): string {
  return `OK ${count} messages queued for sending`
}

/** Ofcom's reserved drama number used by the documented credential test (§9). */
export const GROUPCALL_PROBE_NUMBER = '+447700900000'
export const GROUPCALL_MAX_SMS_LENGTH = 918

export interface GroupcallRecipient {
  readonly Id?: number
  readonly ExternalId?: string
  readonly MessengerId?: string
  readonly IdaasId?: string
  readonly EmailAddress?: string
  readonly MobileNumber?: string
  /** 0 = the recipient, 1 = its priority contact, 2 = all its contacts. */
  readonly SendTo?: 0 | 1 | 2
}

interface GroupcallItemBase {
  readonly CustomerId: string
  readonly Password: string
  readonly Recipients: ReadonlyArray<GroupcallRecipient>
  readonly ClientRef?: string
  readonly CallbackUrl?: string
}

export interface GroupcallSmsItem extends GroupcallItemBase {
  readonly SMSMessage: string
  readonly SMSSender?: string
}

export interface GroupcallEmailItem extends GroupcallItemBase {
  readonly EmailSubject: string
  readonly EmailBody: string
  readonly EmailSentFromName?: string
  readonly EmailSentFromAddress?: string
  readonly EmailReplyToAddress?: string
  readonly Attachments?: ReadonlyArray<{ readonly FileName: string; readonly FileData: string }>
}

export interface GroupcallSendBody<Item = GroupcallSmsItem | GroupcallEmailItem> {
  readonly messageData: ReadonlyArray<Item>
}

/** PartnerRoute: partner identity at the root (note the lower-case `s` of `styleClass`). */
export interface GroupcallPartnerRouteBody extends GroupcallSendBody {
  readonly PartnerKey: string
  readonly styleClass: string
}

/** One element of the HTTP-200 JSON array, in the documented member order and casing. */
export interface GroupcallSendResult {
  readonly WarningMessages: ReadonlyArray<string>
  readonly errorMsg: string | null
  readonly MessageSentId: number
  readonly MessageId: string | null
  readonly statusMsg: string | null
  readonly transmitDateTime: string | null
  readonly ClientRef: string | null
}

export const groupcallSendResultSchema = z.object({
  WarningMessages: z.array(z.string()).nullable(),
  errorMsg: z.string().nullable(),
  MessageSentId: z.number().optional(),
  MessageId: z.string().nullable(),
  statusMsg: z.string().nullable().optional(),
  transmitDateTime: z.string().nullable().optional(),
  ClientRef: z.string().nullable().optional(),
})
export const groupcallSendResponseSchema = z.array(groupcallSendResultSchema)

/** The documented client rule: success when `errorMsg` starts with `OK` and `MessageId` is set. */
export function isQueued(result: Pick<GroupcallSendResult, 'errorMsg' | 'MessageId'>): boolean {
  return (result.errorMsg ?? '').startsWith('OK') && (result.MessageId ?? '') !== ''
}

export interface GroupcallProbeCredentials {
  readonly customerId: string
  readonly password: string
  /** When set, the request goes through PartnerRoute with this `PartnerKey`. */
  readonly partnerKey?: string
  readonly styleClass?: string
}

export interface GroupcallWireRequest {
  readonly route: GroupcallRoute
  /** Path under the BASE_URL. */
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: GroupcallSendBody<GroupcallSmsItem> | GroupcallPartnerRouteBody
}

export const GROUPCALL_PROBE_MESSAGE = 'AuthDesk credential check (reserved test number, not delivered)'

/**
 * The canonical credential test: one SMS to the reserved drama number, PascalCase fields and
 * object recipients (the shape every page but the seeds agrees on).
 */
export function buildProbeSmsRequest(credentials: GroupcallProbeCredentials): GroupcallWireRequest {
  const item: GroupcallSmsItem = {
    CustomerId: credentials.customerId,
    Password: credentials.password,
    Recipients: [{ MobileNumber: GROUPCALL_PROBE_NUMBER }],
    SMSMessage: GROUPCALL_PROBE_MESSAGE,
  }
  const headers = { 'content-type': 'application/json', accept: 'application/json' }
  if (credentials.partnerKey === undefined || credentials.partnerKey === '') {
    return { route: 'SMS', path: groupcallSendPath('SMS'), headers, body: { messageData: [item] } }
  }
  const body: GroupcallPartnerRouteBody = {
    PartnerKey: credentials.partnerKey,
    styleClass: credentials.styleClass ?? 'AuthDesk',
    messageData: [item],
  }
  return { route: 'PartnerRoute', path: groupcallSendPath('PartnerRoute'), headers, body }
}

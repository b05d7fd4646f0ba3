/**
 * One `messageData` item in, one result object out: the simulator's send rules. Pure apart
 * from the clock value and sequence number passed in. Documented [doc: G-TRB, G-SMS]: the
 * credential and SMS-permission texts, the queued result; guessed [guess]: the Email permission
 * text, empty or unreachable recipient lists ("No recipients with valid addresses" appears only
 * in Groupcall's sample client code), content-length faults.
 */
import { createHash } from 'node:crypto'
import {
  GROUPCALL_SIM_ACCOUNTS,
  GROUPCALL_SIM_PARTNERS,
  type GroupcallEnvironment,
  type GroupcallSimAccount,
} from './simulator-scenarios'
import { fieldOf, isObject, isReachable, textOf, type Channel, type JsonObject, type RecipientRules } from './simulator-request'
import { GROUPCALL_MAX_SMS_LENGTH, GROUPCALL_TEXT, queuedText, type GroupcallRoute, type GroupcallSendResult } from './wire'

export type ItemOutcome =
  | { readonly kind: 'queued'; readonly count: number; readonly customerId: string }
  | { readonly kind: 'error'; readonly errorMsg: string }
  | { readonly kind: 'warning'; readonly warning: string }

export interface SendRules extends RecipientRules {
  readonly missingAuthFields: 'required-fields-missing' | 'data-not-valid'
}

export interface SendTarget {
  readonly environment: GroupcallEnvironment
  readonly route: GroupcallRoute
  /** The request root (PartnerRoute carries `PartnerKey` there). */
  readonly root: JsonObject
}

const error = (errorMsg: string): ItemOutcome => ({ kind: 'error', errorMsg })
const warning = (text: string): ItemOutcome => ({ kind: 'warning', warning: text })

function findAccount(environment: GroupcallEnvironment, customerId: string): GroupcallSimAccount | undefined {
  return GROUPCALL_SIM_ACCOUNTS.find((a) => a.environment === environment && a.customerId === customerId)
}

/**
 * G-TRB lists "Required authentication fields missing" for an absent CustomerId/Password, but
 * its later copy (G-TRB2) dropped that section and every page lists missing fields under "Data
 * is not valid". Default: the specific text (diagnosis.md maps it to credentials.missing).
 */
function missingFields(rules: SendRules): ItemOutcome {
  return error(rules.missingAuthFields === 'required-fields-missing' ? GROUPCALL_TEXT.requiredFieldsMissing : GROUPCALL_TEXT.dataNotValid)
}

/** PartnerRoute: the partner must be known and authorised by this customer, with the customer's key. */
function partnerDenial(target: SendTarget, account: GroupcallSimAccount, password: string, rules: SendRules): ItemOutcome | null {
  const partnerKey = textOf(target.root, 'PartnerKey', rules.strict) ?? ''
  if (partnerKey === '') return missingFields(rules)
  const known = GROUPCALL_SIM_PARTNERS[target.environment].includes(partnerKey)
  // G-TRB: one warning covers "partner not authorised", "partner not approved" and "wrong customer key".
  if (!known || !account.authorisedPartners.includes(partnerKey) || account.password !== password) {
    return warning(GROUPCALL_TEXT.partnerNotAuthorized)
  }
  return null
}

/** PartnerRoute items carry either SMS or Email content; the other routes fix the channel. */
function channelOf(route: GroupcallRoute, item: JsonObject, strict: boolean): Channel | null {
  if (route === 'SMS') return 'sms'
  if (route === 'Email') return 'email'
  if (fieldOf(item, 'SMSMessage', strict) !== undefined) return 'sms'
  if (fieldOf(item, 'EmailBody', strict) !== undefined) return 'email'
  return null
}

// Message-length overflow and empty content have no documented text; "Data is not valid" is inferred.
function hasContent(item: JsonObject, channel: Channel, strict: boolean): boolean {
  if (channel === 'sms') {
    const text = textOf(item, 'SMSMessage', strict) ?? ''
    return text !== '' && text.length <= GROUPCALL_MAX_SMS_LENGTH
  }
  return (textOf(item, 'EmailSubject', strict) ?? '') !== '' && (textOf(item, 'EmailBody', strict) ?? '') !== ''
}

export function evaluateItem(item: unknown, target: SendTarget, rules: SendRules): ItemOutcome {
  if (!isObject(item)) return error(GROUPCALL_TEXT.dataNotValid)
  const customerId = textOf(item, 'CustomerId', rules.strict) ?? ''
  const password = textOf(item, 'Password', rules.strict) ?? ''
  if (customerId === '' || password === '') return missingFields(rules)
  const account = findAccount(target.environment, customerId)
  if (!account) return error(GROUPCALL_TEXT.dataNotValid)
  if (target.route === 'PartnerRoute') {
    const denial = partnerDenial(target, account, password, rules)
    if (denial) return denial
  } else if (account.password !== password) {
    return error(GROUPCALL_TEXT.dataNotValid)
  }
  const channel = channelOf(target.route, item, rules.strict)
  if (channel === null) return error(GROUPCALL_TEXT.dataNotValid)
  if (channel === 'sms' && !account.sms) return warning(GROUPCALL_TEXT.smsNotAllowed)
  if (channel === 'email' && !account.email) return warning(GROUPCALL_TEXT.emailNotAllowed)
  const recipients = fieldOf(item, 'Recipients', rules.strict)
  if (!hasContent(item, channel, rules.strict) || !Array.isArray(recipients)) return error(GROUPCALL_TEXT.dataNotValid)
  // [guess] An empty list is answered like a list without a reachable address: Groupcall documents neither.
  const count = recipients.filter((r) => isReachable(r, channel, rules)).length
  return count === 0 ? warning(GROUPCALL_TEXT.noValidRecipients) : { kind: 'queued', count, customerId }
}

/** ISO time with .NET's 7 fractional digits, e.g. `2025-07-04T17:28:54.5850000Z`. */
export function dotNetUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')
}

/** `<customer>.<yyyymmdd>.<20 digits>-<32 hex>`, the pattern of the one documented example. */
export function messageIdFor(customerId: string, ms: number, sequence: number): string {
  const hash = createHash('sha256').update(`${customerId}|${ms}|${sequence}`).digest('hex')
  const digits = BigInt(`0x${hash.slice(0, 20)}`).toString().padStart(20, '0').slice(-20)
  const day = new Date(ms).toISOString().slice(0, 10).replaceAll('-', '')
  return `${customerId}.${day}.${digits}-${hash.slice(32, 64)}`
}

export interface ResultStamp {
  readonly now: number
  readonly sequence: number
}

export function toResult(outcome: ItemOutcome, clientRef: string | null, stamp: ResultStamp): GroupcallSendResult {
  const failed = { MessageSentId: 0, MessageId: null, statusMsg: null, transmitDateTime: null, ClientRef: clientRef }
  switch (outcome.kind) {
    case 'error':
      return { WarningMessages: [], errorMsg: outcome.errorMsg, ...failed }
    case 'warning':
      return { WarningMessages: [outcome.warning], errorMsg: null, ...failed }
    case 'queued':
      return {
        WarningMessages: [],
        errorMsg: queuedText(outcome.count),
        // The documented success sample carries 0 here too ("may be 0 even on success").
        MessageSentId: 0,
        MessageId: messageIdFor(outcome.customerId, stamp.now, stamp.sequence),
        statusMsg: GROUPCALL_TEXT.inQueue,
        transmitDateTime: dotNetUtc(stamp.now),
        ClientRef: clientRef,
      }
  }
}

export function clientRefOf(item: unknown, strict: boolean): string | null {
  return isObject(item) ? (textOf(item, 'ClientRef', strict) ?? null) : null
}

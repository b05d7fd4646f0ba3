/**
 * The Groupcall check: one SendMessage_V3 request (check-request.ts says what it carries). It
 * is a send request, so it is retried only when the provider says it did not process it
 * (429, 503).
 */
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
import type { ProbeContext, Verdict } from '../../diagnosis/types'
import { buildCheckRequest, describeCheck } from './check-request'
import { classifyGroupcallSend } from './classify'
import { GROUPCALL_CHANNELS, GROUPCALL_CHECKS, type GroupcallChannel, type GroupcallCheck } from './definition'

export const GROUPCALL_RETRY: RetrySettings = { ...READ_ONLY_RETRY, maxAttempts: 2, initialDelayMs: 1000, retryOn: ['rate_limited', 'server.unavailable'] }

const pick = <T extends string>(choices: ReadonlyArray<T>, value: string | undefined, fallback: T): T =>
  choices.find((c) => c.toLowerCase() === (value ?? '').trim().toLowerCase()) ?? fallback

export function groupcallSettings(fields: Readonly<Record<string, string>>): { readonly check: GroupcallCheck; readonly channel: GroupcallChannel } {
  return { check: pick(GROUPCALL_CHECKS, fields.CHECK, 'no-recipient'), channel: pick(GROUPCALL_CHANNELS, fields.CHANNEL, 'SMS') }
}

export async function probeGroupcall(context: ProbeContext): Promise<Verdict> {
  const { fields, baseUrl } = context.account
  const { check, channel } = groupcallSettings(fields)
  const request = buildCheckRequest({ customerId: fields.CUSTOMER_ID ?? '', password: fields.PASSWORD ?? '', partnerKey: fields.PARTNER_KEY || undefined }, check, channel)
  const verdict = await context.exchange(
    { step: `SendMessage_V3/${request.route}`, method: 'POST', url: `${baseUrl}${request.path}`, headers: request.headers, body: JSON.stringify(request.body) },
    classifyGroupcallSend({ check, channel }),
  )
  return { ...verdict, summary: `${verdict.summary} (${describeCheck(check, channel)})` }
}

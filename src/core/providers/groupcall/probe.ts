/**
 * The documented credential test (dossier §9): one SMS to the reserved number +447700900000,
 * in the canonical payload. It is a real send request, so it is retried only when the
 * provider says it did not process it (429, 503).
 */
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
import type { ProbeContext, Verdict } from '../../diagnosis/types'
import { classifyGroupcallSend } from './classify'
import { buildProbeSmsRequest, GROUPCALL_PROBE_NUMBER } from './wire'

export const GROUPCALL_RETRY: RetrySettings = { ...READ_ONLY_RETRY, maxAttempts: 2, initialDelayMs: 1000, retryOn: ['rate_limited', 'server.unavailable'] }

export const GROUPCALL_SEND_NOTE = `(The Groupcall check is a real SMS send request to the reserved number ${GROUPCALL_PROBE_NUMBER}.)`

export async function probeGroupcall(context: ProbeContext): Promise<Verdict> {
  const { fields, baseUrl } = context.account
  const request = buildProbeSmsRequest({
    customerId: fields.CUSTOMER_ID ?? '',
    password: fields.PASSWORD ?? '',
    partnerKey: fields.PARTNER_KEY || undefined,
  })
  const verdict = await context.exchange(
    {
      step: `SendMessage_V3/${request.route}`,
      method: 'POST',
      url: `${baseUrl}${request.path}`,
      headers: request.headers,
      body: JSON.stringify(request.body),
    },
    classifyGroupcallSend,
  )
  return { ...verdict, summary: `${verdict.summary} ${GROUPCALL_SEND_NOTE}` }
}

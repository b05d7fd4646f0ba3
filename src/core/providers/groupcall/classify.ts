/**
 * Groupcall's answer to the credential probe → cause (dossier §7, §9, §10). Pure. Every
 * documented answer is HTTP 200 with the verdict in the body; only those literal texts are
 * read as a rejection, anything else falls through to `unknown`.
 */
import type { ResponseView, StepClassifier, StepVerdict } from '../../diagnosis/types'
import { evidenceText } from '../../diagnosis/http-fallback'
import { checkedChannel } from './check-request'
import type { GroupcallChannel, GroupcallCheck } from './definition'
import { GROUPCALL_TEXT, groupcallSendResponseSchema, isQueued } from './wire'

export interface GroupcallCheckSettings {
  readonly check: GroupcallCheck
  readonly channel: GroupcallChannel
}

/** "Customer does not allow sending SMS" (documented), or the same words for another channel. */
const CHANNEL_REFUSAL = /customer does not allow sending (\w+)/i

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

const has = (texts: ReadonlyArray<string>, literal: string): string | undefined =>
  texts.find((text) => text.toLowerCase().includes(literal.toLowerCase()))

/** ASP.NET Web API's own 400/415 body: `{"Message": "…"}`. */
function webApiRejection(response: ResponseView): StepVerdict | null {
  const body = parseJson(response.body) as { Message?: unknown } | undefined
  if (typeof body?.Message !== 'string') return null
  return {
    cause: 'request.rejected',
    summary: `Groupcall refused the probe request itself (${response.status}), not the credentials.`,
    evidence: { step: response.step, status: response.status, providerMessage: evidenceText(body.Message) },
  }
}

export function classifyGroupcallSend(settings: GroupcallCheckSettings): StepClassifier {
  return (response) => classifyAnswer(response, settings)
}

/** A channel refusal proves the account was identified; it fails the account only for the channel it uses. */
function channelRefusal(refusal: string, settings: GroupcallCheckSettings, evidence: StepVerdict['evidence']): StepVerdict {
  const refused = CHANNEL_REFUSAL.exec(refusal)?.[1] ?? ''
  if (refused.toLowerCase() === settings.channel.toLowerCase()) {
    return { cause: 'permission.denied', summary: `The credentials work, but this Groupcall customer is not allowed to send ${refused}, the channel this account uses.`, evidence }
  }
  return {
    cause: 'ok',
    summary: 'Groupcall accepted the credentials.',
    evidence: { ...evidence, inferred: 'Groupcall had to identify the customer to know what it may send' },
    details: { notes: [`Groupcall says this customer may not send ${refused || checkedChannel(settings.channel)}; this account uses ${settings.channel}, so that is only a note.`] },
  }
}

function classifyAnswer(response: ResponseView, settings: GroupcallCheckSettings): StepVerdict | null {
  if (response.status === 400 || response.status === 415) return webApiRejection(response)
  if (response.status !== 200) return null
  const parsed = groupcallSendResponseSchema.safeParse(parseJson(response.body))
  const result = parsed.success ? parsed.data[0] : undefined
  if (!result) return null
  const evidence = (message: string | null | undefined) => ({
    step: response.step,
    status: response.status,
    ...(message ? { providerMessage: evidenceText(message) } : {}),
  })
  const error = result.errorMsg ?? ''
  const warnings = result.WarningMessages ?? []

  if (error.toLowerCase().includes(GROUPCALL_TEXT.dataNotValid.toLowerCase())) {
    return {
      cause: 'credentials.invalid',
      summary: 'Groupcall rejected the CustomerId and API key ("Data is not valid, no messages sent"): wrong, expired or revoked key, or a key of the other environment (production vs test).',
      evidence: evidence(error),
      details: {
        notes: [
          'Production and the test host (apitesting.groupcall.com) have separate accounts; a key of one is rejected by the other the same way (inferred hint, not read off the wire).',
          ...(settings.check === 'no-recipient'
            ? ['Groupcall documents this answer for refused credentials, not its answer to an empty recipient list: if the credentials are right, the reserved-number check (CHECK=reserved-number) tells the two apart.']
            : []),
        ],
      },
    }
  }
  if (error.toLowerCase().includes(GROUPCALL_TEXT.requiredFieldsMissing.toLowerCase())) {
    return { cause: 'credentials.missing', summary: 'Groupcall says CustomerId or Password is missing from the request.', evidence: evidence(error) }
  }
  const denied = warnings.find((w) => CHANNEL_REFUSAL.test(w))
  // Groupcall had to identify the account to know its permissions, so the credentials work [dossier §9, inferred].
  if (denied) return channelRefusal(denied, settings, evidence(denied))
  const partner = has(warnings, GROUPCALL_TEXT.partnerNotAuthorized)
  if (partner) {
    return {
      cause: 'partner.not_authorized',
      summary: 'Groupcall refused the partner route: this customer has not authorised the partner, or the Password is not the key from its authorisation.',
      evidence: evidence(partner),
    }
  }
  const accepted = has(warnings, GROUPCALL_TEXT.noValidRecipients)
  if (accepted) {
    const inferred = settings.check === 'no-recipient' ? { inferred: 'Groupcall documents this warning only in its sample client code' } : {}
    return { cause: 'ok', summary: 'Groupcall accepted the credentials ("No recipients with valid addresses").', evidence: { ...evidence(accepted), ...inferred } }
  }
  if (isQueued(result)) {
    return {
      cause: 'ok',
      summary: 'Groupcall accepted the credentials, and queued the probe message to the reserved number (it may be charged).',
      evidence: evidence(error),
      details: { notes: ['Groupcall queued the probe instead of refusing the reserved number; tell Groupcall support if this repeats.'] },
    }
  }
  return {
    cause: 'response.malformed',
    summary: 'Groupcall answered with a result AuthDesk does not recognise; see the transcript.',
    evidence: evidence(error || warnings.join('; ') || null),
  }
}

/**
 * Authmatech envelopes → cause (dossier §4, §5, §9). Pure. Only the `{success, messages, data}`
 * envelope is read as the provider's answer; 400s are told apart by their message only.
 */
import { evidenceText } from '../../diagnosis/http-fallback'
import type { ResponseView, StepClassifier, StepVerdict } from '../../diagnosis/types'
import { authmatechEnvelopeSchema, AUTHMATECH_TEXT, type ParsedAuthmatechEnvelope } from './envelope'
import { readBalance, readProducts, type Balance, type ProductList } from './products'

export type { Balance, ProductList } from './products'

function envelopeOf(body: string): ParsedAuthmatechEnvelope | null {
  try {
    const parsed = authmatechEnvelopeSchema.safeParse(JSON.parse(body))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** A failure envelope → cause; null for statuses the shared rules handle (429, 5xx). */
function failure(response: ResponseView, envelope: ParsedAuthmatechEnvelope): StepVerdict<never> | null {
  const first = envelope.messages.find((m) => m.type === 'FAILURE') ?? envelope.messages[0]
  const text = first?.message ?? ''
  const evidence = { step: response.step, status: response.status, ...(first?.code ? { providerCode: first.code } : {}), ...(text ? { providerMessage: evidenceText(text) } : {}) }
  switch (response.status) {
    case 401:
      return {
        cause: 'credentials.invalid',
        summary: 'Authmatech refused the API key and client id (401): a wrong, rotated or other-environment key, or a wrong client id.',
        evidence,
      }
    case 404:
      return text === AUTHMATECH_TEXT.clientNotFound
        ? { cause: 'credentials.invalid', summary: 'Authmatech does not know this client id (404 "Client not found.").', evidence }
        : { cause: 'endpoint.not_found', summary: 'No Authmatech API at this path (404): the base URL is https://service.authmatech.com.', evidence }
    case 400:
      if (/product/i.test(text)) return { cause: 'permission.denied', summary: 'Authmatech says the product is not enabled for this client (400).', evidence }
      if (/balance/i.test(text)) return { cause: 'balance.exhausted', summary: 'Authmatech says the balance is used up or expired (400).', evidence }
      return { cause: 'request.rejected', summary: 'Authmatech refused the probe request itself (400), not the credentials.', evidence }
    default:
      return null
  }
}

/** 200 proves the headers; the list itself has no published schema and is read tolerantly (null: unreadable). */
export const classifyProducts: StepClassifier<ProductList | null> = (response) => {
  const envelope = envelopeOf(response.body)
  if (envelope === null) return null
  if (!envelope.success || response.status !== 200) return failure(response, envelope)
  const evidence = { step: response.step, status: response.status }
  return { cause: 'ok', summary: 'Authmatech accepted the API key and client id.', evidence, data: readProducts(envelope.data) }
}

/** `/me/usage`: no published schema either; null data when no balance could be read. */
export const classifyUsage: StepClassifier<Balance | null> = (response) => {
  const envelope = envelopeOf(response.body)
  if (envelope === null) return null
  if (!envelope.success || response.status !== 200) return failure(response, envelope)
  return { cause: 'ok', summary: 'Authmatech reported usage.', evidence: { step: response.step, status: response.status }, data: readBalance(envelope.data) }
}

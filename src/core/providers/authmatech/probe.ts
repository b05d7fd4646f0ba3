/**
 * `GET /v1/api/me/products` (dossier §8): read-only, not billed. It answers 200 whenever the
 * headers are right, so the enabled flags in its data decide permission, and `GET
 * /v1/api/me/usage` (also read-only) is read for an exhausted or expired balance.
 */
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
import type { ProbeContext, Verdict } from '../../diagnosis/types'
import { classifyProducts, classifyUsage, type ProductList } from './classify'
import { AUTHMATECH_PATHS, authmatechAuthHeaders } from './envelope'

/** Authmatech's own guidance (dossier §6): start at about 1 s and double. */
export const AUTHMATECH_RETRY: RetrySettings = { ...READ_ONLY_RETRY, initialDelayMs: 1000, maxDelayMs: 8000, maxTotalMs: 20_000 }

/** The product every Authmatech integration is built on; the others are optional. */
export const REQUIRED_PRODUCT = 'VERIFY'

function lowerHeaders(apiKey: string, clientId: string): Record<string, string> {
  return Object.fromEntries(Object.entries(authmatechAuthHeaders(apiKey, clientId)).map(([k, v]) => [k.toLowerCase(), v]))
}

const named = (list: ReadonlyArray<string>): string => (list.length > 0 ? list.join(', ') : 'none')

async function balanceVerdict(context: ProbeContext, accepted: Verdict, headers: Record<string, string>): Promise<Verdict> {
  const usage = await context.exchange({ step: 'GET /v1/api/me/usage', method: 'GET', url: `${context.account.baseUrl}${AUTHMATECH_PATHS.usage}`, headers }, classifyUsage)
  const balance = usage.cause === 'ok' ? usage.data : undefined
  if (!balance) return { ...accepted, details: { ...accepted.details, notes: [`The balance was not checked: /me/usage answered ${usage.cause}.`] } }
  const evidence = { ...usage.evidence, inferred: 'read from the balance in /me/usage (its schema is not documented)' }
  if (balance.remaining !== null && balance.remaining <= 0) {
    return { ...accepted, cause: 'balance.exhausted', summary: 'The credentials work, but the Authmatech balance is used up: verifications will fail.', evidence }
  }
  const expiresAt = balance.expiresAt === null ? NaN : Date.parse(balance.expiresAt)
  if (!Number.isNaN(expiresAt) && expiresAt <= context.providerNow()) {
    return { ...accepted, cause: 'balance.exhausted', summary: `The credentials work, but the Authmatech balance expired on ${balance.expiresAt}.`, evidence }
  }
  return accepted
}

export async function probeAuthmatech(context: ProbeContext): Promise<Verdict> {
  const { fields, baseUrl } = context.account
  const headers = lowerHeaders(fields.API_KEY ?? '', fields.CLIENT_ID ?? '')
  const products = await context.exchange({ step: 'GET /v1/api/me/products', method: 'GET', url: `${baseUrl}${AUTHMATECH_PATHS.products}`, headers }, classifyProducts)
  if (products.cause !== 'ok') return products
  const list: ProductList | null = products.data ?? null
  if (list === null) return { ...products, details: { notes: ['The products list was not in a readable form; enabled products unknown.'] } }
  const details = { enabledProducts: list.enabled, disabledProducts: list.disabled }
  if (!list.enabled.includes(REQUIRED_PRODUCT)) {
    return {
      ...products,
      cause: 'permission.denied',
      summary: `The credentials work, but ${REQUIRED_PRODUCT} is not enabled for this client (enabled: ${named(list.enabled)}).`,
      evidence: { ...products.evidence, inferred: 'read from the enabled flags in /me/products' },
      details,
    }
  }
  const accepted: Verdict = { ...products, summary: `Authmatech accepted the API key and client id. Enabled products: ${named(list.enabled)}.`, details }
  return balanceVerdict(context, accepted, headers)
}

/**
 * `GET /v1/api/me/products` (dossier §8): read-only, not billed; its 200 proves the API key and
 * client id. Neither it nor `GET /v1/api/me/usage` has a published schema, so what they seem to
 * say about products and balance is read tolerantly and becomes a note, or `degraded` for a
 * product the account says it uses or a balance that is clearly spent: never `failing`.
 */
import { READ_ONLY_RETRY, type RetrySettings } from '../../diagnosis/retry'
import type { ProbeContext, StepVerdict, Verdict } from '../../diagnosis/types'
import { listSetting } from '../field-shapes'
import { classifyProducts, classifyUsage } from './classify'
import { AUTHMATECH_PATHS, authmatechAuthHeaders } from './envelope'
import type { Balance, ProductList } from './products'

/** Authmatech's own guidance (dossier §6): start at about 1 s and double. */
export const AUTHMATECH_RETRY: RetrySettings = { ...READ_ONLY_RETRY, initialDelayMs: 1000, maxDelayMs: 8000, maxTotalMs: 20_000 }

const INFERRED_PRODUCTS = 'read from /me/products, whose schema Authmatech does not publish'
const INFERRED_BALANCE = 'read from /me/usage, whose schema Authmatech does not publish'

function lowerHeaders(apiKey: string, clientId: string): Record<string, string> {
  return Object.fromEntries(Object.entries(authmatechAuthHeaders(apiKey, clientId)).map(([k, v]) => [k.toLowerCase(), v]))
}

const named = (list: ReadonlyArray<string>): string => (list.length > 0 ? list.join(', ') : 'none')

/** The products verdict: the account's used products against the list, when it could be read. */
function productsVerdict(accepted: StepVerdict<ProductList | null>, list: ProductList | null, used: ReadonlyArray<string>): Verdict {
  const base: Verdict = { cause: 'ok', summary: 'Authmatech accepted the API key and client id.', evidence: accepted.evidence }
  if (list === null) {
    return { ...base, details: { notes: ['The products list was not in a form AuthDesk can read, so which products are on is not known.'] } }
  }
  const details = { enabledProducts: list.enabled, disabledProducts: list.disabled }
  const off = used.filter((p) => list.disabled.includes(p))
  const unlisted = used.filter((p) => !list.enabled.includes(p) && !list.disabled.includes(p))
  const notes = unlisted.length > 0 ? [`${named(unlisted)} not clearly listed as on or off in /me/products (inferred).`] : []
  if (off.length > 0) {
    return {
      ...base,
      cause: 'feature.disabled',
      summary: `The credentials work, but ${named(off)}, which this account uses, is listed as disabled for this client.`,
      evidence: { ...accepted.evidence, inferred: INFERRED_PRODUCTS },
      details: { ...details, notes },
    }
  }
  return { ...base, summary: `Authmatech accepted the API key and client id. Enabled products: ${named(list.enabled)}.`, details: { ...details, notes } }
}

function balanceVerdict(accepted: Verdict, usage: StepVerdict<Balance | null>, now: number): Verdict {
  const notes = [...(accepted.details?.notes ?? [])]
  const balance = usage.cause === 'ok' ? usage.data : undefined
  if (!balance) {
    const why = usage.cause === 'ok' ? 'no balance in a form AuthDesk can read' : `/me/usage answered ${usage.cause}`
    return { ...accepted, details: { ...accepted.details, notes: [...notes, `The balance was not checked: ${why}.`] } }
  }
  const evidence = { ...usage.evidence, inferred: INFERRED_BALANCE }
  const expiresAt = balance.expiresAt === null ? NaN : Date.parse(balance.expiresAt)
  const spent = balance.remaining !== null && balance.remaining <= 0
  const expired = !Number.isNaN(expiresAt) && expiresAt <= now
  if (accepted.cause === 'ok' && (spent || expired)) {
    const what = spent ? 'the balance is used up' : `the balance expired on ${balance.expiresAt}`
    return { ...accepted, cause: 'balance.exhausted', summary: `The credentials work, but ${what} (as /me/usage reads): verifications will be refused until it is topped up.`, evidence }
  }
  const left = balance.remaining === null ? [] : [`Balance left: ${balance.remaining} (inferred from /me/usage).`]
  return { ...accepted, details: { ...accepted.details, notes: [...notes, ...left] } }
}

export async function probeAuthmatech(context: ProbeContext): Promise<Verdict> {
  const { fields, baseUrl } = context.account
  const headers = lowerHeaders(fields.API_KEY ?? '', fields.CLIENT_ID ?? '')
  const products = await context.exchange({ step: 'GET /v1/api/me/products', method: 'GET', url: `${baseUrl}${AUTHMATECH_PATHS.products}`, headers }, classifyProducts)
  if (products.cause !== 'ok') return products
  const accepted = productsVerdict(products, products.data ?? null, listSetting(fields.PRODUCTS))
  const usage = await context.exchange({ step: 'GET /v1/api/me/usage', method: 'GET', url: `${baseUrl}${AUTHMATECH_PATHS.usage}`, headers }, classifyUsage)
  return balanceVerdict(accepted, usage, context.providerNow())
}

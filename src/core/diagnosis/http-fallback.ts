/**
 * Statuses every provider shares, and the fallthrough for anything a provider classifier did
 * not recognise. Nothing here concludes `failing` except a 404 on the probe path (the catalogue's
 * `endpoint.not_found`): an answer we cannot read is `unknown`, whatever its status.
 */
import { parseRetryAfter } from './retry'
import type { ResponseView, Verdict } from './types'

/** The longest provider text a diagnosis shows; cut only after redaction (see `shortenMessage`). */
export const MAX_MESSAGE = 200
/**
 * The longest provider text kept before redaction: far past the 200-character cut, so a secret
 * echoed near that cut is still whole when the engine redacts it (one cut further out is still
 * caught: a secret's start before `…` is redacted too).
 */
const MAX_UNREDACTED = 4000

export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the provider'
  }
}

function shorten(text: string, max = MAX_MESSAGE): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/** A provider text for evidence: one line, loosely bounded. The engine redacts it, then cuts it to MAX_MESSAGE. */
export const evidenceText = (text: string): string => shorten(text, MAX_UNREDACTED)

/** A provider text as a diagnosis shows it, once redacted. */
export const shortenMessage = (text: string): string => shorten(text)

export function looksLikeHtml(response: ResponseView): boolean {
  const type = response.headers['content-type'] ?? ''
  return /text\/html/i.test(type) || /^\s*(<!doctype html|<html[\s>])/i.test(response.body)
}

function pageTitle(body: string): string | undefined {
  const title = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(body)?.[1]
  return title === undefined ? undefined : shorten(title)
}

const verdict = (response: ResponseView, cause: Verdict['cause'], summary: string, extra: Partial<Verdict['evidence']> = {}): Verdict => ({
  cause,
  summary,
  evidence: { step: response.step, status: response.status, ...extra },
})

/** The host a redirect points to (never its path or query, which could carry anything). */
function redirectTarget(response: ResponseView): string {
  const location = response.headers.location
  if (!location) return 'an unnamed place'
  try {
    return new URL(location, response.url).host
  } catch {
    return 'an unreadable address'
  }
}

/** Before the provider's classifier: statuses that mean the same from every provider. */
export function preClassify(response: ResponseView, localNow: number, providerLabel: string): Verdict | null {
  const host = hostOf(response.url)
  const who = `${providerLabel} (${host})`
  const { status } = response
  if (status >= 300 && status < 400) {
    const target = redirectTarget(response)
    return verdict(
      response,
      'response.malformed',
      `${host} answered with a redirect (${status}) to ${target}. Credentials are never sent after a redirect: check the base URL (scheme, host, path), or a proxy or captive portal in between.`,
      { providerMessage: `Location: ${target}` },
    )
  }
  if (status !== 429 && status !== 503) return null
  const retryAfterMs = parseRetryAfter(response.headers['retry-after'], response.headers.date, localNow)
  const wait = retryAfterMs === undefined ? '' : ` It asked to wait ${Math.ceil(retryAfterMs / 1000)} s.`
  const base =
    status === 429
      ? verdict(response, 'rate_limited', `${who} is rate-limiting these requests (429): try again later.${wait}`)
      : verdict(response, 'server.unavailable', `${who} is unavailable (503${looksLikeHtml(response) ? ', maintenance page' : ''}): try again later.${wait}`)
  return retryAfterMs === undefined ? base : { ...base, retryAfterMs, evidence: { ...base.evidence, retryAfterMs } }
}

/** After the provider's classifier: what nobody recognised. */
export function fallbackClassify(response: ResponseView, providerLabel: string): Verdict {
  const host = hostOf(response.url)
  const { status } = response
  const html = looksLikeHtml(response)
  const title = html ? pageTitle(response.body) : undefined
  const message = title ? { providerMessage: title } : {}
  if (status >= 500) return verdict(response, 'server.error', `${host} failed with a server error (${status}): try again later.`, message)
  if (status === 404) {
    return verdict(
      response,
      'endpoint.not_found',
      `${host} has no ${providerLabel} API at this path (404): check the base URL, including any path prefix.`,
      message,
    )
  }
  if (status === 407) return verdict(response, 'network.proxy', `A proxy asked for its own authentication (407) on the way to ${host}.`, message)
  if (status === 400) return verdict(response, 'request.rejected', `${host} rejected the probe request itself (400), not the credential.`, message)
  if (html) {
    return verdict(
      response,
      'response.malformed',
      `${host} answered ${status} with an HTML page${title ? ` ("${title}")` : ''}, not ${providerLabel}'s API: a proxy, captive portal or wrong base URL is likely in between.`,
      message,
    )
  }
  return verdict(response, 'response.malformed', `${host} answered ${status} with a body that is not ${providerLabel}'s response format.`, {
    providerMessage: evidenceText(response.body.slice(0, MAX_UNREDACTED)) || undefined,
  })
}

/**
 * Transport failures, classified once for every provider. Each one is `unknown`: the check
 * could not reach the provider, which says nothing about the credential. Codes come from Node
 * (getaddrinfo, net, tls) and undici; the cause chain and AggregateErrors are searched.
 */
import type { CauseCode } from '../../shared/causes'

export interface TransportFinding {
  readonly cause: CauseCode
  /** The most telling error code (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`…). */
  readonly code: string
  /** The library's message, unredacted: the caller scrubs it before storing it. */
  readonly message: string
  /** A certificate from an issuer nobody here trusts: what TLS interception looks like. */
  readonly possibleInterception: boolean
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA'])
const TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT'])
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'])
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN'])
/** Certificate codes that mean "signed by an issuer we do not trust". */
const UNTRUSTED_ISSUER = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
])
const OTHER_TLS = /^(CERT_|ERR_TLS_|ERR_SSL_|ERR_OSSL_|EPROTO$|HOSTNAME_MISMATCH$|UND_ERR_PRX_TLS$)/

interface Part {
  readonly name: string
  readonly code: string
  readonly message: string
}

function parts(error: unknown): Part[] {
  const out: Part[] = []
  const queue: unknown[] = [error]
  while (queue.length > 0 && out.length < 12) {
    const next = queue.shift()
    if (typeof next !== 'object' || next === null) continue
    const e = next as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
    out.push({ name: String(e.name ?? ''), code: typeof e.code === 'string' ? e.code : '', message: String(e.message ?? '') })
    if (e.cause !== undefined) queue.push(e.cause)
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]))
  }
  return out
}

const finding = (cause: CauseCode, part: Part, possibleInterception = false): TransportFinding => ({
  cause,
  code: part.code || part.name || 'ERROR',
  message: part.message,
  possibleInterception,
})

/**
 * What a thrown request error means. `proxied`: the request went to a proxy, so failing to
 * connect at all (or a refused tunnel) is the proxy's failure, not the provider's.
 */
export function classifyTransportError(error: unknown, proxied: boolean): TransportFinding {
  const all = parts(error)
  const first = all[0] ?? { name: 'Error', code: '', message: String(error) }
  const has = (test: (p: Part) => boolean): Part | undefined => all.find(test)

  const proxyRefused = has((p) => /proxy response \(\d+\)/i.test(p.message) || p.code === 'UND_ERR_PRX_TLS')
  if (proxyRefused) return finding('network.proxy', proxyRefused)
  const untrusted = has((p) => UNTRUSTED_ISSUER.has(p.code))
  if (untrusted) return finding('network.tls', untrusted, true)
  const tls = has((p) => OTHER_TLS.test(p.code))
  if (tls) return finding('network.tls', tls)
  const dns = has((p) => DNS.has(p.code))
  if (dns) return finding(proxied ? 'network.proxy' : 'network.dns', dns)
  const refused = has((p) => p.code === 'ECONNREFUSED' || UNREACHABLE.has(p.code))
  if (refused) return finding(proxied ? 'network.proxy' : 'network.refused', refused)
  const timeout = has((p) => TIMEOUT.has(p.code) || p.name === 'TimeoutError' || p.name === 'AbortError' || p.code === 'UND_ERR_ABORTED')
  if (timeout) return finding('network.timeout', timeout)
  const reset = has((p) => RESET.has(p.code) || /other side closed|socket hang up/i.test(p.message))
  if (reset) return finding('network.reset', reset)
  const parser = has((p) => p.code.startsWith('HPE_') || p.code === 'UND_ERR_HEADERS_OVERFLOW')
  if (parser) return finding('response.malformed', parser)
  // Not recognised: still a transport failure, so never the credential's fault.
  return finding('network.reset', first)
}

const TRANSPORT_TEXT: Partial<Record<CauseCode, (host: string) => string>> = {
  'network.dns': (host) => `The host name ${host} does not resolve (DNS): check the base URL and your network.`,
  'network.refused': (host) => `${host} refused the connection: nothing is listening there, or a firewall blocks it.`,
  'network.timeout': (host) => `${host} did not answer in time: the network or the provider is slow or down.`,
  'network.proxy': (host) => `The proxy refused or failed the connection to ${host}: check HTTPS_PROXY / NO_PROXY.`,
  'network.reset': (host) => `The connection to ${host} was closed before a full answer arrived.`,
  'response.malformed': (host) => `${host} sent something that is not valid HTTP.`,
}

/** One line for people; names the host, never a credential. */
export function transportSummary(found: TransportFinding, host: string): string {
  if (found.cause === 'network.tls') {
    return found.possibleInterception
      ? `The TLS certificate of ${host} comes from an issuer this computer does not trust (${found.code}): possible TLS interception by a proxy or security software. Nothing was sent.`
      : `The TLS connection to ${host} failed (${found.code}): wrong port or scheme, an expired or mismatched certificate. Nothing was sent.`
  }
  return (TRANSPORT_TEXT[found.cause] ?? TRANSPORT_TEXT['network.reset']!)(host)
}

/**
 * The one HTTP client provider calls go through (spec/architecture.md, Network): undici with a
 * per-request deadline (connect, headers and body). Every request first passes the credential
 * gate (host binding, proxy route), certificates are always verified (with any extra CAs), and
 * redirects are never followed (a 3xx comes back as a response for the caller to classify).
 * It never throws for a network failure: the error comes back as an outcome, for classification.
 */
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici'
import { routeRequest } from './credential-gate'
import type { CredentialBinding } from './host-binding'
import { proxySettingsFromEnv } from './proxy-config'
import { tlsOptions } from './tls-trust'

export type HttpMethod = 'GET' | 'POST' | 'DELETE'

export interface HttpRequestSpec {
  readonly method: HttpMethod
  readonly url: string
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** Deadline for the whole exchange: connect, headers and the complete body. */
  readonly timeoutMs: number
  /** Set when the request carries a credential: host binding is checked against it first. */
  readonly binding: CredentialBinding | null
}

interface Timing {
  /** Local clock (ms since the epoch) when the request started. */
  readonly startedAt: number
  readonly durationMs: number
}

export type HttpOutcome =
  | (Timing & {
      readonly kind: 'response'
      readonly status: number
      /** Lower-case names; repeated headers joined with ", ". */
      readonly headers: Readonly<Record<string, string>>
      readonly body: string
      /** Local clock when the headers arrived (for comparing with the Date header). */
      readonly headersAt: number
    })
  | (Timing & {
      readonly kind: 'error'
      readonly error: unknown
      /** The request went to a proxy, so a connect failure is the proxy's. */
      readonly proxied: boolean
      /** Status of a response that failed mid-body, else null. */
      readonly status: number | null
    })
  | (Timing & { readonly kind: 'blocked'; readonly reason: string })
  /** Not sent: the provider asked to wait until `until` (429, or 503 with Retry-After), past this request's deadline. */
  | (Timing & { readonly kind: 'held'; readonly status: 429 | 503; readonly until: number })

export interface HttpClient {
  send(spec: HttpRequestSpec): Promise<HttpOutcome>
  close(): Promise<void>
}

export interface HttpClientOptions {
  /** Where HTTP_PROXY, HTTPS_PROXY and NO_PROXY are read from; no proxy when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** PEM certificates trusted besides the built-in list (for a corporate TLS-inspecting proxy); see tls-trust.ts. */
  readonly extraCaCerts?: ReadonlyArray<string>
  /** Tests: refuse to connect anywhere this returns false for (a thrown error, not an outcome). */
  readonly allowHost?: (hostname: string) => boolean
  /** Bodies longer than this are cut (the rest is drained and dropped). Default 1 MiB. */
  readonly maxBodyBytes?: number
}

/** Thrown when `allowHost` refuses a request: a test reached for the network. */
export class HostNotAllowedError extends Error {
  override readonly name = 'HostNotAllowedError'
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

async function readBounded(body: AsyncIterable<Buffer> & { destroy(): unknown }, max: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const room = max - size
    if (room <= 0) continue
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk)
    size += Math.min(chunk.length, room)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** One direct agent and one agent per proxy URL, all verifying certificates. */
function dispatchers(extraCaCerts: ReadonlyArray<string>) {
  const tls = tlsOptions(extraCaCerts)
  const direct = new Agent({ connect: tls })
  const proxies = new Map<string, ProxyAgent>()
  return {
    for(proxy: string | null): Dispatcher {
      if (proxy === null) return direct
      let agent = proxies.get(proxy)
      if (!agent) proxies.set(proxy, (agent = new ProxyAgent({ uri: proxy, requestTls: tls, proxyTls: tls })))
      return agent
    },
    close: async (): Promise<void> => {
      await Promise.all([direct.close(), ...[...proxies.values()].map((a) => a.close())])
    },
  }
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const proxy = proxySettingsFromEnv(options.env ?? {})
  const agents = dispatchers(options.extraCaCerts ?? [])
  const maxBody = options.maxBodyBytes ?? 1024 * 1024

  async function send(spec: HttpRequestSpec): Promise<HttpOutcome> {
    const startedAt = Date.now()
    const started = performance.now()
    const elapsed = (): number => Math.round(performance.now() - started)
    const url = new URL(spec.url)
    if (options.allowHost && !options.allowHost(url.hostname)) throw new HostNotAllowedError(`no request to ${url.host} in this process`)
    const route = routeRequest(spec.binding, url, proxy)
    if (route.kind === 'refused') return { kind: 'blocked', reason: route.reason, startedAt, durationMs: 0 }
    const proxied = route.kind === 'proxy'
    let status: number | null = null
    try {
      const response = await request(url, {
        method: spec.method,
        headers: { ...spec.headers },
        body: spec.body,
        dispatcher: agents.for(route.kind === 'proxy' ? route.proxy : null),
        headersTimeout: spec.timeoutMs,
        bodyTimeout: spec.timeoutMs,
        signal: AbortSignal.timeout(spec.timeoutMs),
      })
      status = response.statusCode
      const headersAt = Date.now()
      const body = await readBounded(response.body, maxBody)
      return { kind: 'response', status, headers: flattenHeaders(response.headers), body, headersAt, startedAt, durationMs: elapsed() }
    } catch (error) {
      return { kind: 'error', error, proxied, status, startedAt, durationMs: elapsed() }
    }
  }

  return { send, close: agents.close }
}

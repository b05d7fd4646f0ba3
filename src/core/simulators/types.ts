/**
 * What a provider simulator implements. The shared server (server.ts) owns sockets, the
 * control API, the clock, the Date header and every transport fault; a provider module
 * owns only its wire behaviour and its seeded scenarios.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { ProviderId } from '../../shared/model'

export interface SimRequest {
  readonly method: string
  /** Full path from the server root, without the query string, e.g. `/3rdparty/v1/devices`. */
  readonly path: string
  readonly query: URLSearchParams
  /** Lower-cased header names, as node:http gives them. */
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

export interface SimResponse {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
}

export interface SimContext {
  /** The simulated clock in ms since the epoch (tests can move it). Use it, never Date.now(). */
  now(): number
  /** e.g. `http://127.0.0.1:40123` */
  readonly origin: string
}

/**
 * Credential fields named as in the CLI's variable convention (spec/cli.md): `CUSTOMER_ID`,
 * `PASSWORD`, `USERNAME`, `TOKEN`, `DOMAIN`, `API_KEY`, `CLIENT_ID`, `SCOPES`… A `BASE_URL`
 * field that starts with `/` is a path on this simulator; the server prefixes its origin.
 */
export type ScenarioCredentials = Readonly<Record<string, string>>

export interface ScenarioInfo {
  readonly credentials: ScenarioCredentials
  /** One line: what this scenario simulates and what a checker should conclude. */
  readonly description: string
}

/** `Id`: a built-in ProviderId, or a custom definition's id (its generated simulator). */
export interface ProviderSimulator<Options extends object = object, Id extends string = ProviderId> {
  readonly id: Id
  /** Path of the provider's BASE_URL on this server (spec/cli.md), '' when it is the host root. */
  baseUrlPath(): string
  /** Seeded scenarios by name; `valid` always exists, plus one per documented failure. */
  scenarios(): Readonly<Record<string, ScenarioInfo>>
  /** The account key a request is made for (for per-account faults), or null when none. */
  accountOf(request: SimRequest): string | null
  handle(request: SimRequest, context: SimContext): SimResponse | Promise<SimResponse>
  /** Switches for documented alternatives (dossier conflicts), e.g. strict casing. */
  readonly options: Readonly<Options>
  setOptions(patch: Partial<Options>): void
  /** Back to the seeded state: options, issued tokens, counters. */
  reset(): void
}

/** Transport faults any simulator can be switched into (applied by server.ts, not by providers). */
export const FAULT_KINDS = [
  'latency', // add `latencyMs` before answering
  'server-error', // 500 with a short provider-neutral body
  'maintenance', // 503 with an HTML maintenance page
  'rate-limit', // 429 with Retry-After: `retryAfterSeconds` (default 1)
  'rate-limit-no-retry-after', // 429 without Retry-After
  'truncated', // the real answer, cut in half, connection closed
  'invalid-body', // 200 whose body is not parseable as JSON or XML
  'html-proxy', // 200 text/html from a "proxy" or captive portal
  'reset', // socket destroyed before any byte is written
  'hang', // headers never sent; the request waits until the client gives up
  'never-ends', // 200 headers and a first chunk, then nothing more
  'clock-skew', // real answer with a Date header `skewSeconds` off
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface FaultRule {
  readonly kind: FaultKind
  /** Only requests whose accountOf() equals this; any request when absent. */
  readonly account?: string
  /** Apply to this many matching requests, then drop the rule; forever when absent. */
  readonly count?: number
  readonly latencyMs?: number
  readonly retryAfterSeconds?: number
  readonly skewSeconds?: number
}

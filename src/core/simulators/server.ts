/**
 * Runs one provider simulator on a real `node:http` server on loopback. The provider module
 * answers requests; this server adds the Date header from the simulated clock, base latency,
 * scripted transport faults and the control API.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as answers from './fault-responses'
import { createSimClock, type SimClock } from './clock'
import { CONTROL_PREFIX, handleControl } from './control-api'
import { FaultController } from './faults'
import { BodyTooLargeError, readBody, sendJson, writeNeverEnding, writeResponse, writeTruncated } from './http-io'
import type { ProviderId } from '../../shared/model'
import type { FaultRule, ProviderSimulator, ScenarioCredentials, SimRequest, SimResponse } from './types'

export interface StartSimulatorOptions {
  readonly host?: string
  /** 0 (default) picks a free port. */
  readonly port?: number
  /** Added to every answer, in ms. */
  readonly latencyMs?: number
  readonly clock?: SimClock
}

export interface RunningSimulator<Id extends string = ProviderId> {
  readonly id: Id
  readonly simulator: ProviderSimulator<object, Id>
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string
  /** origin + the provider's BASE_URL path */
  readonly baseUrl: string
  readonly faults: FaultController
  readonly clock: SimClock
  /** Scenario name → credential fields, with any path BASE_URL made absolute. */
  scenarioCredentials(): Record<string, ScenarioCredentials>
  requestCount(): number
  reset(): void
  close(): Promise<void>
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function toSimRequest(req: IncomingMessage, body: string): SimRequest {
  const url = new URL(req.url ?? '/', 'http://simulator')
  return { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body }
}

/** Faults that replace the provider's answer entirely; the rest wrap the real answer. */
function replacement(fault: FaultRule): SimResponse | null {
  switch (fault.kind) {
    case 'server-error':
      return answers.serverError()
    case 'maintenance':
      return answers.maintenance()
    case 'rate-limit':
      return answers.rateLimited(fault.retryAfterSeconds ?? 1)
    case 'rate-limit-no-retry-after':
      return answers.rateLimited(null)
    case 'html-proxy':
      return answers.captivePortal()
    default:
      return null
  }
}

export async function startSimulator<Id extends string = ProviderId>(
  simulator: ProviderSimulator<object, Id>,
  options: StartSimulatorOptions = {},
): Promise<RunningSimulator<Id>> {
  const clock = options.clock ?? createSimClock()
  const faults = new FaultController()
  let requests = 0
  let origin = ''

  async function answer(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const request = toSimRequest(req, body)
    requests += 1
    const fault = faults.take(safeAccountOf(simulator, request))
    const latency = (options.latencyMs ?? 0) + (fault?.kind === 'latency' ? (fault.latencyMs ?? 1000) : 0)
    if (latency > 0) await delay(latency)
    if (fault?.kind === 'reset') return void req.socket.destroy()
    if (fault?.kind === 'hang') return
    const skewMs = fault?.kind === 'clock-skew' ? (fault.skewSeconds ?? 600) * 1000 : 0
    const date = new Date(clock.now() + skewMs)
    const replaced = fault ? replacement(fault) : null
    if (replaced) return writeResponse(res, replaced, date)
    const real = await simulator.handle(request, { now: () => clock.now(), origin })
    if (fault?.kind === 'truncated') return writeTruncated(res, real, date)
    if (fault?.kind === 'never-ends') return writeNeverEnding(res, real, date)
    if (fault?.kind === 'invalid-body') return writeResponse(res, answers.garbled(real), date)
    writeResponse(res, real, date)
  }

  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/'
        if (path.startsWith(CONTROL_PREFIX)) return handleControl(running, req.method ?? 'GET', path.slice(CONTROL_PREFIX.length), body, res)
        return answer(req, res, body)
      })
      .catch((error: unknown) => {
        if (res.headersSent) return void res.destroy()
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'request body too large' })
        sendJson(res, 500, { error: 'simulator failure', detail: error instanceof Error ? error.message : String(error) })
      })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  origin = `http://${host}:${address.port}`

  const running: RunningSimulator<Id> = {
    id: simulator.id,
    simulator,
    origin,
    get baseUrl() {
      return origin + simulator.baseUrlPath()
    },
    faults,
    clock,
    scenarioCredentials: () => resolveScenarios(simulator, origin),
    requestCount: () => requests,
    reset: () => {
      simulator.reset()
      faults.clear()
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
  return running
}

function safeAccountOf(simulator: ProviderSimulator<object, string>, request: SimRequest): string | null {
  try {
    return simulator.accountOf(request)
  } catch {
    return null
  }
}

function resolveScenarios(simulator: ProviderSimulator<object, string>, origin: string): Record<string, ScenarioCredentials> {
  const out: Record<string, ScenarioCredentials> = {}
  for (const [name, info] of Object.entries(simulator.scenarios())) {
    const base = info.credentials.BASE_URL
    const BASE_URL = base === undefined ? origin + simulator.baseUrlPath() : base.startsWith('/') ? origin + base : base
    out[name] = { ...info.credentials, BASE_URL }
  }
  return out
}

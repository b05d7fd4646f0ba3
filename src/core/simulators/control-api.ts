/**
 * The simulators' control API under `/__sim/` (loopback only), so tests and people can
 * script faults and switches from outside the process:
 *   GET    /__sim/state       options, active fault rules, request count
 *   GET    /__sim/scenarios   scenario credentials (BASE_URL resolved)
 *   POST   /__sim/faults      add a FaultRule (JSON)        DELETE /__sim/faults   clear them
 *   PATCH  /__sim/options     change provider switches      POST   /__sim/reset    seeded state
 *   POST   /__sim/clock       {"advanceMs": N} moves the simulated clock
 */
import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import { faultRuleSchema } from './faults'
import { sendJson } from './http-io'
import type { RunningSimulator } from './server'

export const CONTROL_PREFIX = '/__sim/'

const clockSchema = z.object({ advanceMs: z.number().int().min(-86_400_000_000).max(86_400_000_000) }).strict()

function parseJson(body: string): unknown {
  try {
    return body ? JSON.parse(body) : undefined
  } catch {
    return Symbol.for('invalid')
  }
}

function invalid(res: ServerResponse, error: z.ZodError | string): void {
  const message = typeof error === 'string' ? error : error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
  sendJson(res, 400, { error: message })
}

export function handleControl(sim: RunningSimulator<string>, method: string, route: string, body: string, res: ServerResponse): void {
  const input = parseJson(body)
  if (typeof input === 'symbol') return invalid(res, 'body is not JSON')
  const key = `${method} ${route}`
  switch (key) {
    case 'GET state':
      return sendJson(res, 200, { id: sim.id, options: sim.simulator.options, faults: sim.faults.list(), requests: sim.requestCount(), now: sim.clock.now() })
    case 'GET scenarios':
      return sendJson(res, 200, sim.scenarioCredentials())
    case 'POST faults': {
      const rule = faultRuleSchema.safeParse(input)
      if (!rule.success) return invalid(res, rule.error)
      sim.faults.add(rule.data)
      return sendJson(res, 201, { faults: sim.faults.list() })
    }
    case 'DELETE faults':
      sim.faults.clear()
      return sendJson(res, 204, undefined)
    case 'PATCH options': {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid(res, 'body must be a JSON object of options')
      const unknown = Object.keys(input).filter((k) => !Object.hasOwn(sim.simulator.options, k))
      if (unknown.length > 0) return invalid(res, `unknown option(s): ${unknown.join(', ')}; known: ${Object.keys(sim.simulator.options).join(', ')}`)
      sim.simulator.setOptions(input)
      return sendJson(res, 200, sim.simulator.options)
    }
    case 'POST reset':
      sim.reset()
      return sendJson(res, 204, undefined)
    case 'POST clock': {
      const parsed = clockSchema.safeParse(input)
      if (!parsed.success) return invalid(res, parsed.error)
      sim.clock.advance(parsed.data.advanceMs)
      return sendJson(res, 200, { now: sim.clock.now() })
    }
    default:
      return sendJson(res, 404, { error: `no control route ${method} ${CONTROL_PREFIX}${route}` })
  }
}

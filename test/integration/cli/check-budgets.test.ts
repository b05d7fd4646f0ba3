/** `check --env` spends the providers' request budgets like the app's checks do (simulators over HTTP). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCheckCommand } from '../../../src/cli/commands/check'
import type { CliIo } from '../../../src/cli/io'
import { startAllSimulators, type SimulatorSet } from '../../../src/core/simulators/start-all'
import { fastRetry, testHost } from '../../support/diagnosis'

let sims: SimulatorSet
beforeAll(async () => {
  sims = await startAllSimulators()
})
afterAll(async () => {
  await sims.close()
})

function io(env: Record<string, string>): CliIo & { out: () => string } {
  let out = ''
  return { stdout: (text) => void (out += text), stderr: () => {}, env, readStdin: async () => '', interrupted: new Promise(() => {}), out: () => out }
}

/** `n` accounts on one Authmatech client: they share that client's budget. */
function sameClientAccounts(n: number): Record<string, string> {
  const fields = sims.byId.authmatech.scenarioCredentials().valid!
  return Object.fromEntries(Array.from({ length: n }, (_, i) => Object.entries(fields).map(([k, v]) => [`A${i}_AUTHMATECH_${k}`, v])).flat())
}

/** When each request reached the Authmatech simulator (this computer's clock, like the budget's). */
function arrivals(): number[] {
  const seen: number[] = []
  const simulator = sims.byId.authmatech.simulator
  const handle = simulator.handle.bind(simulator)
  simulator.handle = (request, context) => {
    seen.push(Date.now())
    return handle(request, context)
  }
  return seen
}

describe('check --env and the request budgets', () => {
  it('never sends more than a client’s budget within its window, whatever --concurrency allows', async () => {
    const windowMs = 400
    const command = createCheckCommand({ http: { allowHost: testHost }, retry: fastRetry, budgets: { authmatech: { limit: 2, windowMs } } })
    const seen = arrivals()
    const cli = io(sameClientAccounts(6))

    expect(await command.run(['--concurrency', '8'], cli)).toBe(0)

    expect(cli.out()).toContain('6 healthy')
    expect(seen.length).toBeGreaterThanOrEqual(6)
    // A request holds its slot from sending until a window after its answer: any three arrivals span a window.
    for (let i = 2; i < seen.length; i++) expect(seen[i]! - seen[i - 2]!).toBeGreaterThanOrEqual(windowMs)
  })
})

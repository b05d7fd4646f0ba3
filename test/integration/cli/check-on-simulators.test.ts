/** `check --env` in-process against the simulators over HTTP: request budgets and progress. */
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

function io(env: Record<string, string>, progress?: CliIo['progress']): CliIo & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    env,
    readStdin: async () => '',
    interrupted: new Promise(() => {}),
    progress,
    out: () => out,
    err: () => err,
  }
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

describe('check --env progress', () => {
  it('tells a watching terminal how far it is and what failed so far, then clears the line; stdout is only the table', async () => {
    const lines: Array<string | null> = []
    const valid = sims.byId.authmatech.scenarioCredentials().valid!
    const env = {
      ...Object.fromEntries(Object.entries(valid).map(([k, v]) => [`OK_AUTHMATECH_${k}`, v])),
      ...Object.fromEntries(Object.entries({ ...valid, API_KEY: 'wrong-key-000000000000000000000000' }).map(([k, v]) => [`BAD_AUTHMATECH_${k}`, v])),
    }
    const cli = io(env, (line) => lines.push(line))
    expect(await createCheckCommand({ http: { allowHost: testHost }, retry: fastRetry }).run([], cli)).toBe(1)

    expect(lines[0]).toBe('Checked 0 of 2 accounts…')
    expect(lines).toContain('Checked 2 of 2 accounts (1 failing)…')
    expect(lines.at(-1)).toBeNull()
    expect(cli.out()).not.toContain('Checked')
    expect(lines.join('\n')).not.toContain(valid.API_KEY!)
  })
})

describe('check --env says why it waits', () => {
  it('names the provider whose budget is spent and when its next request goes, once per wait, on stderr only', async () => {
    const command = createCheckCommand({ http: { allowHost: testHost }, retry: fastRetry, budgets: { authmatech: { limit: 2, windowMs: 1_500 } } })
    const cli = io(sameClientAccounts(4))
    expect(await command.run([], cli)).toBe(0)
    const lines = cli.err().trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(1)
    // Eight requests, two per window: at most one line per window after the first.
    expect(lines.length).toBeLessThanOrEqual(3)
    for (const line of lines) expect(line).toMatch(/^authdesk check: Authmatech's request budget \(2 per 1\.5 s\) is spent: its next request goes at \S+Z \(in \d+ s\)\.$/)
    expect(cli.out()).not.toContain('budget')
  })

  it('says when the provider asked to wait', async () => {
    // One of two concurrent checks gets the 429; the other's next request then waits for the hold.
    sims.byId.authmatech.faults.add({ kind: 'rate-limit', retryAfterSeconds: 2, count: 1 })
    const command = createCheckCommand({ http: { allowHost: testHost }, retry: (p, settings) => ({ ...fastRetry(p, settings), maxTotalMs: 10_000 }) })
    const cli = io(sameClientAccounts(2))
    expect(await command.run([], cli)).toBe(0)
    expect(cli.err()).toMatch(/^authdesk check: Authmatech asked to wait \(429\): its next request goes at \S+Z \(in [12] s\)\.\n$/)
  })
})


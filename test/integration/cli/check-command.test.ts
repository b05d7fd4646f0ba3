/** `check` driven in-process: per-provider concurrency limits and option parsing. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCheckCommand } from '../../../src/cli/commands/check'
import { UsageError, type CliIo } from '../../../src/cli/io'
import { GROUPCALL_TEXT } from '../../../src/core/providers/groupcall/wire'
import { providerModule } from '../../../src/core/providers/registry'
import { fastRetry, testHost } from '../../support/diagnosis'

let server: Server
let base = ''
let inFlight = 0
let maxInFlight = 0

beforeAll(async () => {
  // Answers like Groupcall accepting the credentials, slowly, counting requests in flight.
  server = createServer((_req, res) => {
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    setTimeout(() => {
      inFlight -= 1
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify([{ WarningMessages: [GROUPCALL_TEXT.noValidRecipients], errorMsg: null, MessageId: null }]))
    }, 40)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

function io(env: Record<string, string>): CliIo & { out: () => string } {
  let out = ''
  return {
    stdout: (text) => void (out += text),
    stderr: () => {},
    env,
    readStdin: async () => '',
    interrupted: new Promise(() => {}),
    out: () => out,
  }
}

const accounts = (n: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      [`A${i}_GROUPCALL_CUSTOMER_ID`, String(1000 + i)],
      [`A${i}_GROUPCALL_PASSWORD`, `c2a4f0e1-6b3d-4e8a-9f71-5d2b8c0e4a${String(i).padStart(2, '0')}`],
      [`A${i}_GROUPCALL_BASE_URL`, base],
    ]).flat(),
  )

const command = createCheckCommand({ http: { allowHost: testHost }, retry: fastRetry })

describe('check in-process', () => {
  it('keeps within the provider’s limit even when --concurrency allows more', async () => {
    maxInFlight = 0
    const cli = io(accounts(6))
    expect(await command.run(['--concurrency', '8', '--json'], cli)).toBe(0)
    expect(maxInFlight).toBe(providerModule('groupcall').check.maxConcurrent)
    expect((JSON.parse(cli.out()) as { results: unknown[] }).results).toHaveLength(6)
  })

  it('keeps within --concurrency when it is lower', async () => {
    maxInFlight = 0
    expect(await command.run(['--concurrency', '1'], io(accounts(3)))).toBe(0)
    expect(maxInFlight).toBe(1)
  })

  it('refuses out-of-range numbers as usage errors', async () => {
    await expect(command.run(['--timeout', '5'], io(accounts(1)))).rejects.toBeInstanceOf(UsageError)
    await expect(command.run(['--concurrency', 'many'], io(accounts(1)))).rejects.toBeInstanceOf(UsageError)
  })

  it('lists results in account-name order, whatever order they finish in', async () => {
    const cli = io(accounts(4))
    await command.run(['--json'], cli)
    const names = (JSON.parse(cli.out()) as { results: Array<{ account: string }> }).results.map((r) => r.account)
    expect(names).toEqual(['A0_GROUPCALL', 'A1_GROUPCALL', 'A2_GROUPCALL', 'A3_GROUPCALL'])
  })
})

import { parseArgs } from 'node:util'
import { isIP } from 'node:net'
import { startAllSimulators, type SimulateDescription } from '../../core/simulators/start-all'
import { EXIT, UsageError, type Command } from '../io'

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/

function integerOption(name: string, value: string | undefined, max: number): number {
  if (value === undefined) return 0
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${value}".`)
  return n
}

function humanDescription(description: SimulateDescription): string {
  const lines: string[] = ['AuthDesk provider simulators (loopback; Ctrl-C stops them)', '']
  for (const [provider, scenarios] of Object.entries(description.credentials)) {
    lines.push(`${provider.padEnd(11)} ${description[provider as keyof typeof description.credentials]}`)
    for (const [name, fields] of Object.entries(scenarios)) {
      const shown = Object.entries(fields).filter(([field]) => field !== 'BASE_URL')
      lines.push(`  ${name.padEnd(32)} ${shown.map(([k, v]) => `${k}=${v}`).join(' ')}`)
    }
    lines.push('')
  }
  lines.push('These are simulator credentials, not real ones. `--json` prints all of this as one JSON line.', '')
  return lines.join('\n')
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Start the four provider simulators on loopback and print their URLs and scenario credentials',
  usage: 'authdesk simulate [--host 127.0.0.1] [--port N] [--latency MS] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: { host: { type: 'string' }, port: { type: 'string' }, latency: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
    })
    const host = values.host ?? '127.0.0.1'
    if (!LOOPBACK.test(host) || (isIP(host) === 0 && host !== 'localhost')) {
      throw new UsageError(`--host must be a loopback address (127.0.0.1, ::1 or localhost); the simulators never listen on "${host}".`)
    }
    const port = integerOption('port', values.port, 65_532)
    const latencyMs = integerOption('latency', values.latency, 60_000)
    const set = await startAllSimulators({ host, port, latencyMs })
    io.stdout(values.json ? JSON.stringify(set.describe()) + '\n' : humanDescription(set.describe()))
    await io.interrupted
    await set.close()
    return EXIT.ok
  },
}

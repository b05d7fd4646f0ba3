import { isIP } from 'node:net'
import { startAllSimulators, type SimulateDescription } from '../../core/simulators/start-all'
import { JSON_FLAG, parseFlags, type FlagTable } from '../flags'
import { EXIT, UsageError, type Command } from '../io'

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/

function integerOption(name: string, value: string | undefined, max: number): number {
  if (value === undefined) return 0
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not "${value}".`)
  return n
}

/** `domain-wrong` → `DOMAIN_WRONG`: the account name of a scenario's lines. */
const scenarioName = (scenario: string): string => scenario.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '')

/** A value as a .env line needs it: quoted when dotenv would otherwise cut or trim it. */
const envValue = (value: string): string => (/[\s#"'`\\]/.test(value) || value === '' ? JSON.stringify(value) : value)

/** Paste-ready `.env` lines: one account per scenario (`<SCENARIO>_<PROVIDER>_<FIELD>`), BASE_URL included. */
function humanDescription(description: SimulateDescription): string {
  const lines: string[] = ['# AuthDesk provider simulators (loopback; Ctrl-C stops them). Paste any group into a .env file.', '']
  for (const [provider, scenarios] of Object.entries(description.credentials)) {
    const baseUrl = description[provider as keyof typeof description.credentials]
    lines.push(`# ${provider.padEnd(11)} ${baseUrl}`)
    for (const [name, fields] of Object.entries(scenarios)) {
      const prefix = `${scenarioName(name)}_${provider.toUpperCase()}_`
      const withUrl = { ...fields, BASE_URL: fields.BASE_URL ?? baseUrl }
      lines.push(`# ${name}`, ...Object.entries(withUrl).map(([field, value]) => `${prefix}${field}=${envValue(value)}`))
    }
    lines.push('')
  }
  lines.push('# These are simulator credentials, not real ones. `--json` prints all of this as one JSON line.', '')
  return lines.join('\n')
}

const FLAGS = {
  host: { type: 'string', value: 'ADDR', help: 'loopback address to listen on (127.0.0.1, ::1 or localhost; default 127.0.0.1)' },
  port: { type: 'string', value: 'N', help: 'first port (0, the default: free ports)' },
  latency: { type: 'string', value: 'MS', help: 'delay added to every answer' },
  json: { ...JSON_FLAG, help: 'print the URLs and every scenario’s credentials as one JSON line' },
} satisfies FlagTable

export const simulateCommand: Command = {
  name: 'simulate',
  flags: FLAGS,
  examples: ['authdesk simulate > simulators.env   # then: authdesk check --env simulators.env', 'authdesk simulate --json --latency 50'],
  summary: 'Start the four provider simulators on loopback and print their URLs and scenario credentials',
  usage: 'authdesk simulate [--host 127.0.0.1] [--port N] [--latency MS] [--json]',
  async run(argv, io) {
    const { values } = parseFlags(FLAGS, argv)
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

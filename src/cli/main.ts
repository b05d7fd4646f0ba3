import { COMMANDS } from './commands/index'
import { readCaFile, TLS_OVERRIDE_IGNORED } from '../core/http/tls-trust'
import { failureOf, printFailure, REFERENCE } from './errors'
import { closest, flagLines } from './flags'
import { EXIT, UsageError, type CliIo, type Command } from './io'
import { CA_FILE_VARIABLE } from './network'
import { VERSION } from './version'

const EXIT_CODES = [
  'Exit codes: 0 ok · 1 failing (a credential, or the provider refused) · 2 usage · 3 unknown (none failing) · 4 keychain unavailable',
  '            5 system (a path or port; the message names it and the fix) · 6 check --expiring-within: something ends soon · 130 Ctrl-C',
]

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
  return [
    `authdesk ${VERSION}: check, store and troubleshoot provider API credentials`,
    '',
    'Usage: authdesk <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `authdesk help <command>` (or `authdesk <command> --help`) for a command’s flags and examples.',
    '`authdesk --version` (-V) prints the version.',
    'Every command also takes --quiet (stderr: errors only) and --progress (progress as plain lines when stderr is not a terminal).',
    'Output has no colour (NO_COLOR is always honoured).',
    ...EXIT_CODES,
    `Reference: ${REFERENCE}`,
    '',
    'Every command also takes --ca-file FILE: a PEM file of CA certificates to trust besides the built-in',
    'list (a company proxy that inspects TLS). NODE_EXTRA_CA_CERTS is honoured too. Certificates are',
    'always verified: NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored.',
    '',
  ].join('\n')
}

function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Flags:',
    ...flagLines(command.flags),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
    'Accounts in variables: <NAME>_<PROVIDER>_<FIELD> or <PROVIDER>_<FIELD>, e.g. SMSGATE_USERNAME, PROD_NMBRS_TOKEN',
    '(providers GROUPCALL, NMBRS, SMSGATE, AUTHMATECH; the fields of each are in the reference).',
    ...EXIT_CODES,
    `Reference: ${REFERENCE}`,
    '',
  ].join('\n')
}

function unknownCommand(name: string, io: CliIo): number {
  const suggestion = closest(name, COMMANDS.map((c) => c.name))
  io.stderr(`authdesk: unknown command "${name.slice(0, 40)}".${suggestion ? ` Did you mean \`authdesk ${suggestion}\`?` : ''} Run \`authdesk --help\` for the list.\n`)
  return EXIT.usage
}

/** Parses the command line and runs one command; returns the exit code. Never prints a secret. */
export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(helpText())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-V' || name === '-v') {
    io.stdout(`${VERSION}\n`)
    return EXIT.ok
  }
  if (name === 'help') {
    const command = COMMANDS.find((c) => c.name === rest[0])
    if (!command) return unknownCommand(rest[0]!, io)
    io.stdout(commandHelp(command))
    return EXIT.ok
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) return unknownCommand(name, io)
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command))
    return EXIT.ok
  }
  return runCommand(command, rest.filter((a) => !GLOBAL_FLAGS.includes(a)), withGlobalFlags(io, rest))
}

/** Flags every command takes; they change how it talks, not what it does. */
const GLOBAL_FLAGS = ['--quiet', '--progress']

/** Progress as plain lines (stderr not a terminal, or a log): one per change. */
function plainProgress(write: (text: string) => void): (line: string | null) => void {
  let last: string | null = null
  return (line) => {
    if (line === null || line === last) return
    last = line
    write(`${line}\n`)
  }
}

/** --quiet: stderr carries errors only (notes, waits and progress are dropped); --progress: plain progress lines where no terminal shows them. */
function withGlobalFlags(io: CliIo, argv: ReadonlyArray<string>): CliIo & { readonly errors: CliIo['stderr'] } {
  const quiet = argv.includes('--quiet')
  const progress = quiet ? undefined : (io.progress ?? (argv.includes('--progress') ? plainProgress(io.stderr) : undefined))
  return {
    stdout: io.stdout,
    stderr: quiet ? () => undefined : io.stderr,
    errors: io.stderr,
    stdoutBytes: io.stdoutBytes,
    env: io.env,
    readStdin: io.readStdin,
    // A getter, as in processIo: only a command that reads it takes Ctrl-C over.
    get interrupted() {
      return io.interrupted
    },
    progress,
  }
}

/** Runs one command; whatever it throws becomes a message (or a JSON error) and an exit code from docs/cli.md. */
export async function runCommand(command: Command, argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  try {
    const { args, caFile } = takeCaFile(argv)
    if (caFile !== null) readCaFile(caFile, 'flag')
    if (io.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') io.stderr(`authdesk: ${TLS_OVERRIDE_IGNORED}\n`)
    return await command.run(args, caFile === null ? io : { ...io, env: { ...io.env, [CA_FILE_VARIABLE]: caFile } })
  } catch (error) {
    const failure = failureOf(error, argv, Object.keys(command.flags))
    const errors = 'errors' in io ? (io as { errors: CliIo['stderr'] }).errors : io.stderr
    printFailure(failure, command.name, argv.includes('--json'), { stdout: io.stdout, stderr: errors }, command.usage)
    return failure.exit
  }
}

/** The global `--ca-file FILE` (or `--ca-file=FILE`), taken out of a command's arguments. */
function takeCaFile(argv: ReadonlyArray<string>): { readonly args: string[]; readonly caFile: string | null } {
  const args: string[] = []
  let caFile: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      args.push(...argv.slice(i))
      break
    }
    if (arg === '--ca-file') {
      const value = argv[i + 1]
      if (value === undefined || value.startsWith('--')) throw new UsageError('--ca-file needs the path of a PEM file with CA certificates.')
      caFile = value
      i++
    } else if (arg.startsWith('--ca-file=')) caFile = arg.slice('--ca-file='.length)
    else args.push(arg)
  }
  return { args, caFile }
}


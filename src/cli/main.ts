import { COMMANDS } from './commands/index'
import { readCaFile, TLS_OVERRIDE_IGNORED } from '../core/http/tls-trust'
import { failureOf, printFailure } from './errors'
import { EXIT, UsageError, type CliIo, type Command } from './io'
import { CA_FILE_VARIABLE } from './network'
import { VERSION } from './version'

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
    'Run `authdesk <command> --help` for a command’s options.',
    '',
    'Every command also takes --ca-file FILE: a PEM file of CA certificates to trust besides the built-in',
    'list (a company proxy that inspects TLS). NODE_EXTRA_CA_CERTS is honoured too. Certificates are',
    'always verified: NODE_TLS_REJECT_UNAUTHORIZED=0 is ignored.',
    '',
  ].join('\n')
}

/** Parses the command line and runs one command; returns the exit code. Never prints a secret. */
export async function runCli(argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText())
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`)
    return EXIT.ok
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.stderr(`authdesk: unknown command "${name}". Run \`authdesk --help\` for the list.\n`)
    return EXIT.usage
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n\n${command.summary}\n`)
    return EXIT.ok
  }
  return runCommand(command, rest, io)
}

/** Runs one command; whatever it throws becomes a message (or a JSON error) and an exit code from docs/cli.md. */
export async function runCommand(command: Command, argv: ReadonlyArray<string>, io: CliIo): Promise<number> {
  try {
    const { args, caFile } = takeCaFile(argv)
    if (caFile !== null) readCaFile(caFile, 'flag')
    if (io.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') io.stderr(`authdesk: ${TLS_OVERRIDE_IGNORED}\n`)
    return await command.run(args, caFile === null ? io : { ...io, env: { ...io.env, [CA_FILE_VARIABLE]: caFile } })
  } catch (error) {
    const failure = failureOf(error, argv)
    printFailure(failure, command.name, argv.includes('--json'), io, command.usage)
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


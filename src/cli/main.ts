import { COMMANDS } from './commands/index'
import { failureOf, printFailure } from './errors'
import { EXIT, type CliIo, type Command } from './io'
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
    return await command.run(argv, io)
  } catch (error) {
    const failure = failureOf(error, argv)
    printFailure(failure, command.name, argv.includes('--json'), io, command.usage)
    return failure.exit
  }
}


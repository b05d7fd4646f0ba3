import { COMMANDS } from './commands/index'
import { EXIT, UsageError, type CliIo } from './io'
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
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`authdesk ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`)
      return EXIT.usage
    }
    throw error
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}


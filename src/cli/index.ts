import { processIo } from './io'
import { runCli } from './main'

/** Exits once stdout and stderr are flushed: a pipe slower than us would otherwise lose the end of the output. */
function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

runCli(process.argv.slice(2), processIo()).then(exitWhenFlushed, (error: unknown) => {
  // Messages from core are built without secrets; the stack is not printed.
  process.stderr.write(`authdesk: ${error instanceof Error ? error.message : String(error)}\n`)
  exitWhenFlushed(1)
})

import { failureOf } from './errors'
import { processIo } from './io'
import { runCli } from './main'

/** Exits once stdout and stderr are flushed: a pipe slower than us would otherwise lose the end of the output. */
function exitWhenFlushed(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

runCli(process.argv.slice(2), processIo()).then(exitWhenFlushed, (error: unknown) => {
  // Messages from core are built without secrets; the stack is not printed.
  const failure = failureOf(error, process.argv.slice(2))
  process.stderr.write(`authdesk: ${failure.message}\n`)
  exitWhenFlushed(failure.exit)
})

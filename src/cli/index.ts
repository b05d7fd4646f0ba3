import { processIo } from './io'
import { runCli } from './main'

runCli(process.argv.slice(2), processIo()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Messages from core are built without secrets; the stack is not printed.
    process.stderr.write(`authdesk: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)

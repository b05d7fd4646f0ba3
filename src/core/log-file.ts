import { appendFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { LogSink } from './log'
import { ensurePrivateDirSync } from './private-dir'

/** Appends each (already scrubbed) log line to a file, creating its folder. */
export function fileLogSink(path: string): LogSink {
  ensurePrivateDirSync(dirname(path))
  return (line) => appendFileSync(path, line + '\n', { mode: 0o600 })
}

import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { LogSink } from './log'

/** Appends each (already scrubbed) log line to a file, creating its folder. */
export function fileLogSink(path: string): LogSink {
  mkdirSync(dirname(path), { recursive: true })
  return (line) => appendFileSync(path, line + '\n', { mode: 0o600 })
}

import type { SecretScrubber } from './secret-scrubber'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  log(level: LogLevel, event: string, data?: Readonly<Record<string, unknown>>): void
}

export type LogSink = (line: string) => void

/** JSON-lines logger; every line passes through the scrubber before it reaches the sink. */
export function createLogger(sink: LogSink, scrubber: SecretScrubber): Logger {
  return {
    log(level, event, data) {
      const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...data })
      sink(scrubber.scrub(line))
    },
  }
}

export const silentLogger: Logger = { log() {} }

import type { FlagTable } from './flags'

/** What a command may touch, injected so tests can drive commands without spawning. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Binary output (a zip for `bundle --out -`); resolves once written. */
  readonly stdoutBytes?: (bytes: Uint8Array) => Promise<void>
  readonly env: NodeJS.ProcessEnv
  readonly readStdin: () => Promise<string>
  /**
   * Resolves when the user interrupts (Ctrl-C); long-running commands wait on it. Only a
   * command that reads it handles Ctrl-C itself: for every other one Ctrl-C stops the process.
   */
  readonly interrupted: Promise<void>
  /** A one-line status of a long operation (null clears it); set only where someone watches (stderr is a terminal). */
  readonly progress?: (line: string | null) => void
}

export const EXIT = {
  ok: 0,
  failing: 1,
  usage: 2,
  unknown: 3,
  keychain: 4,
  /** The system refused: a file or folder, a port, the disk. */
  system: 5,
  /** check --expiring-within: something ends within the window. */
  expiring: 6,
  /** Ctrl-C. */
  interrupted: 130,
} as const

export class UsageError extends Error {
  override readonly name = 'UsageError'
  constructor(
    message: string,
    /** The flag or argument at fault (`--env`). */
    readonly field: string | null = null,
  ) {
    super(message)
  }
}

export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  /** Every flag, declared once: parsing, help and "did you mean" read this table. */
  readonly flags: FlagTable
  /** Command lines shown in help. */
  readonly examples: ReadonlyArray<string>
  run(argv: ReadonlyArray<string>, io: CliIo): Promise<number>
}

export function processIo(): CliIo {
  let interrupted: Promise<void> | undefined
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutBytes: (bytes) => new Promise((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()))),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    get interrupted() {
      interrupted ??= new Promise((resolve) => {
        process.once('SIGINT', () => resolve())
        process.once('SIGTERM', () => resolve())
      })
      return interrupted
    },
    progress: process.stderr.isTTY ? terminalProgress : undefined,
  }
}

/** Rewrites one line of the terminal in place. */
function terminalProgress(line: string | null): void {
  process.stderr.write(line === null ? '\r\x1b[2K' : `\r\x1b[2K${line.slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`)
}

/** What a command may touch, injected so tests can drive commands without spawning. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: NodeJS.ProcessEnv
  readonly readStdin: () => Promise<string>
  /** Resolves when the user interrupts (Ctrl-C); long-running commands wait on it. */
  readonly interrupted: Promise<void>
}

export const EXIT = {
  ok: 0,
  failing: 1,
  usage: 2,
  unknown: 3,
  keychain: 4,
} as const

export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  run(argv: ReadonlyArray<string>, io: CliIo): Promise<number>
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    interrupted: new Promise((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    }),
  }
}

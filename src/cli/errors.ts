/**
 * Every error a command does not handle itself becomes one message with a fix and an exit
 * code from docs/cli.md: 2 for what was asked, 4 for the keychain, 5 for the system (files,
 * ports). Never 1, which means "a credential is failing". Under --json the same error is one
 * JSON object on stdout: {"error": {"code", "message", "field"}}.
 */
import { isAppError } from '../core/errors'
import { closest } from './flags'
import { EXIT, UsageError, type CliIo } from './io'

export const REFERENCE = 'docs/cli.md'

export interface CliFailure {
  readonly exit: number
  readonly code: string
  readonly message: string
  readonly field: string | null
}

/** An error a command raises with its own exit code (e.g. a failing revocation). */
export class CommandError extends Error {
  override readonly name = 'CommandError'
  constructor(
    readonly exit: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message)
  }
}

const ERRNO_TEXT: Readonly<Record<string, { readonly reason: string; readonly fix: string }>> = {
  EACCES: { reason: 'permission denied', fix: 'give your user access to it, or choose another path' },
  EPERM: { reason: 'operation not permitted', fix: 'give your user access to it, or choose another path' },
  EEXIST: { reason: 'a file is in the way', fix: 'remove or rename that file, or choose another path' },
  ENOTDIR: { reason: 'a part of the path is a file, not a folder', fix: 'remove or rename that file, or choose another path' },
  EISDIR: { reason: 'it is a folder where a file is expected', fix: 'remove or rename that folder, or choose another path' },
  ENOENT: { reason: 'it does not exist', fix: 'check the path' },
  ENOSPC: { reason: 'the disk is full', fix: 'free some disk space and try again' },
  EROFS: { reason: 'the file system is read-only', fix: 'choose a path on a writable disk' },
  EADDRINUSE: { reason: 'the address is already in use', fix: 'choose another --port, or --port 0 for a free one' },
  EADDRNOTAVAIL: { reason: 'the address is not on this machine', fix: 'use 127.0.0.1 or ::1' },
}

interface Errno {
  readonly code: string
  readonly syscall?: string
  readonly path?: string
  readonly address?: string
  readonly port?: number
}

function errnoOf(error: unknown): Errno | null {
  const e = error as Partial<Errno> | null
  return typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.syscall === 'string' ? (e as Errno) : null
}

/** Which flag chose the path, when the command line named it. */
function flagFor(path: string | undefined, argv: ReadonlyArray<string>): string | null {
  if (path === undefined) return null
  for (let i = 0; i < argv.length - 1; i++) if (argv[i]!.startsWith('--') && path.startsWith(argv[i + 1]!.replace(/\/+$/, ''))) return argv[i]!
  return null
}

function systemFailure(errno: Errno, argv: ReadonlyArray<string>): CliFailure {
  const text = ERRNO_TEXT[errno.code] ?? { reason: errno.code, fix: 'check the path and try again' }
  const where = errno.path ?? (errno.port !== undefined ? `${errno.address ?? 'localhost'}:${errno.port}` : 'a system resource')
  return {
    exit: EXIT.system,
    code: `fs.${errno.code}`,
    message: `cannot ${errno.syscall ?? 'use'} ${where}: ${text.reason}. Fix: ${text.fix}.`,
    field: errno.port !== undefined ? '--port' : flagFor(errno.path, argv),
  }
}

const USAGE_APP_CODES = new Set(['account.not-found', 'import.empty', 'import.unreadable', 'import.invalid', 'account.host-unconfirmed', 'config.invalid'])

/** "Unknown option '--jsn'" → "… Did you mean --json?" from the command's own flag table. */
function unknownFlag(message: string, flags: ReadonlyArray<string>): { message: string; field: string | null } {
  const flag = /'(--?[\w-]+)'/.exec(message)?.[1] ?? null
  const suggestion = flag ? closest(flag.replace(/^-+/, ''), flags) : null
  const first = message.split('. ')[0]!.replace(/\.$/, '')
  return { message: `${first}.${suggestion ? ` Did you mean --${suggestion}?` : ''}`, field: flag }
}

export function failureOf(error: unknown, argv: ReadonlyArray<string>, flags: ReadonlyArray<string> = []): CliFailure {
  if (error instanceof CommandError) return { exit: error.exit, code: error.code, message: error.message, field: error.field }
  if (error instanceof UsageError) return { exit: EXIT.usage, code: 'usage', message: error.message, field: error.field }
  const parseCode = (error as { code?: unknown } | null)?.code
  if (typeof parseCode === 'string' && parseCode.startsWith('ERR_PARSE_ARGS')) return { exit: EXIT.usage, code: 'usage', ...unknownFlag((error as Error).message, flags) }
  const errno = errnoOf(error)
  if (errno) return systemFailure(errno, argv)
  if (isAppError(error)) {
    const exit = error.code.startsWith('vault.keychain') ? EXIT.keychain : USAGE_APP_CODES.has(error.code) ? EXIT.usage : EXIT.system
    return { exit, code: error.code, message: error.message, field: error.field ?? null }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { exit: EXIT.system, code: 'internal', message: `unexpected error: ${message}. Please report it with the command you ran.`, field: null }
}

export function printFailure(failure: CliFailure, command: string | null, json: boolean, io: Pick<CliIo, 'stdout' | 'stderr'>, usage?: string): void {
  if (json) io.stdout(`${JSON.stringify({ error: { code: failure.code, message: failure.message, field: failure.field } })}\n`)
  const prefix = command ? `authdesk ${command}` : 'authdesk'
  const hint = failure.exit === EXIT.usage && usage ? `Usage: ${usage}\n` : `See ${REFERENCE} (exit code ${failure.exit}).\n`
  io.stderr(`${prefix}: ${failure.message}\n${hint}`)
}

/**
 * The one error type core code throws on purpose. Its message is written by our own code
 * and must never contain a secret: build it from field names and codes, not from values.
 */
import type { FieldProblem } from '../shared/result'

export class AppError extends Error {
  override readonly name = 'AppError'
  readonly code: string
  readonly field: string | undefined
  /** Every problem of an invalid request, each by its field (the first is `message`). */
  readonly problems: ReadonlyArray<FieldProblem> | undefined

  constructor(code: string, message: string, options: { field?: string; cause?: unknown; problems?: ReadonlyArray<FieldProblem> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.field = options.field
    this.problems = options.problems
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}

/**
 * The one error type core code throws on purpose. Its message is written by our own code
 * and must never contain a secret: build it from field names and codes, not from values.
 */
export class AppError extends Error {
  override readonly name = 'AppError'
  readonly code: string
  readonly field: string | undefined

  constructor(code: string, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.field = options.field
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}

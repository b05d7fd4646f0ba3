import type { FieldProblem, IpcError, Result } from '@shared/result'

/** An IPC error surfaced in the renderer (code + safe message, nothing else). */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly code: string
  readonly field: string | undefined
  /** Every problem by field (a single one is `field`/`message`). */
  readonly problems: ReadonlyArray<FieldProblem>

  constructor(error: IpcError) {
    super(error.message)
    this.code = error.code
    this.field = error.field
    this.problems = error.problems ?? (error.field ? [{ field: error.field, message: error.message, code: error.code }] : [])
  }
}

/** Unwraps a Result for react-query: the value, or a thrown ApiError. */
export async function call<T>(result: Promise<Result<T>>): Promise<T> {
  const settled = await result
  if (settled.ok) return settled.value
  throw new ApiError(settled.error)
}

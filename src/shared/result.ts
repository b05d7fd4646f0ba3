/** The one reply envelope for every IPC call. Errors carry only a code and a safe message. */

export interface IpcError {
  readonly code: string
  readonly message: string
  /** The request field the error is about, when there is one (e.g. "fields.username"). */
  readonly field?: string
  /** Every problem found in the request (the first is `message`/`field`), so a form can show them all at once. */
  readonly problems?: ReadonlyArray<FieldProblem>
}

export interface FieldProblem {
  readonly field: string
  readonly message: string
  readonly code?: string
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

export const IPC_ERRORS = {
  forbiddenSender: 'ipc.forbidden-sender',
  unknownChannel: 'ipc.unknown-channel',
  invalidRequest: 'ipc.invalid-request',
  timeout: 'ipc.timeout',
  internal: 'internal',
} as const

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: string, message: string, field?: string, problems?: ReadonlyArray<FieldProblem>): Result<never> {
  return { ok: false, error: { code, message, ...(field === undefined ? {} : { field }), ...(problems && problems.length > 1 ? { problems } : {}) } }
}

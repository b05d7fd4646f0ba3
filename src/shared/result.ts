/** The one reply envelope for every IPC call. Errors carry only a code and a safe message. */

export interface IpcError {
  readonly code: string
  readonly message: string
  /** The request field the error is about, when there is one (e.g. "fields.username"). */
  readonly field?: string
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

export function fail(code: string, message: string, field?: string): Result<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } }
}

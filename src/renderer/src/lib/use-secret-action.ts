import { useCallback, useState } from 'react'
import { ApiError } from './call'

export interface SecretAction<Req, Res> {
  /** Runs the call; resolves with its value or rejects with the ApiError (also kept in `error`). */
  readonly run: (request: Req) => Promise<Res>
  readonly pending: boolean
  readonly error: ApiError | null
  readonly clearError: () => void
}

/**
 * For calls whose request carries a secret (a new password, a pasted .env file). react-query's
 * useMutation keeps each request in its cache as `variables`; this keeps only whether the call
 * is running and its error, so the secret lives no longer than the call itself.
 */
export function useSecretAction<Req, Res>(call: (request: Req) => Promise<Res>): SecretAction<Req, Res> {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const run = useCallback(
    async (request: Req): Promise<Res> => {
      setPending(true)
      setError(null)
      try {
        return await call(request)
      } catch (failure) {
        const apiError = failure instanceof ApiError ? failure : new ApiError({ code: 'internal', message: String(failure) })
        setError(apiError)
        throw apiError
      } finally {
        setPending(false)
      }
    },
    [call],
  )
  return { run, pending, error, clearError: useCallback(() => setError(null), []) }
}

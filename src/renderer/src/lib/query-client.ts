import { QueryClient } from '@tanstack/react-query'

/** Data comes from main over IPC, not a network: no retries, no refetch on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
  })
}

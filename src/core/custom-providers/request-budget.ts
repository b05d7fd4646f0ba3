/**
 * A definition's `limits`: at most `concurrency` requests in flight and `requestsPerMinute`
 * started in any minute, for every account of that definition together (retries included).
 * Wraps the HTTP client the checks use; the send gate inside it is unchanged.
 */
import type { HttpClient } from '../http/client'
import type { ProviderDefinitionFile } from './schema'

const MINUTE = 60_000

export function createBudgetedHttpClient(inner: HttpClient, limits: ProviderDefinitionFile['limits'], now: () => number = Date.now): HttpClient {
  const started: number[] = []
  let inFlight = 0
  const waiting: Array<() => void> = []
  let timer: NodeJS.Timeout | null = null

  const wake = (): void => {
    while (started.length > 0 && started[0]! <= now() - MINUTE) started.shift()
    while (waiting.length > 0 && inFlight < limits.concurrency && started.length < limits.requestsPerMinute) {
      inFlight += 1
      started.push(now())
      waiting.shift()!()
    }
    if (waiting.length > 0 && timer === null && started.length >= limits.requestsPerMinute) {
      timer = setTimeout(() => {
        timer = null
        wake()
      }, Math.max(1, started[0]! + MINUTE - now()))
    }
  }

  return {
    async send(spec) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve)
        wake()
      })
      try {
        return await inner.send(spec)
      } finally {
        inFlight -= 1
        wake()
      }
    },
    close: async () => {
      if (timer !== null) clearTimeout(timer)
      await inner.close()
    },
  }
}

/** Runs `task` over `items`, at most `concurrency` at once, results in input order. */
export async function mapLimited<T, R>(items: ReadonlyArray<T>, concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next
      next += 1
      results[index] = await task(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

/** A definition's limits: concurrency and requests per minute, across all its accounts. */
import { describe, expect, it } from 'vitest'
import type { HttpClient, HttpOutcome, HttpRequestSpec } from '../../../../src/core/http/client'
import { createBudgetedHttpClient } from '../../../../src/core/custom-providers/request-budget'

function controlledClient() {
  const pending: Array<() => void> = []
  let started = 0
  const client: HttpClient = {
    send: () =>
      new Promise<HttpOutcome>((resolve) => {
        started += 1
        pending.push(() => resolve({ kind: 'response', status: 200, headers: {}, body: '', headersAt: 0, startedAt: 0, durationMs: 0 }))
      }),
    close: async () => undefined,
  }
  return { client, pending, started: () => started }
}

const spec: HttpRequestSpec = { method: 'GET', url: 'http://127.0.0.1/x', headers: {}, timeoutMs: 1000, binding: null }
const tick = () => new Promise((r) => setTimeout(r, 5))

describe('createBudgetedHttpClient', () => {
  it('keeps at most `concurrency` requests in flight', async () => {
    const inner = controlledClient()
    const http = createBudgetedHttpClient(inner.client, { concurrency: 2, requestsPerMinute: 1000 })
    const sends = [1, 2, 3, 4, 5].map(() => http.send(spec))
    await tick()
    expect(inner.started()).toBe(2)
    inner.pending.shift()!()
    await tick()
    expect(inner.started()).toBe(3)
    while (inner.pending.length > 0) {
      inner.pending.shift()!()
      await tick()
    }
    expect((await Promise.all(sends)).every((o) => o.kind === 'response')).toBe(true)
    await http.close()
  })

  it('starts no more than `requestsPerMinute` in any minute', async () => {
    let now = 1_000_000
    const inner = controlledClient()
    const http = createBudgetedHttpClient(inner.client, { concurrency: 10, requestsPerMinute: 2 }, () => now)
    const sends = [1, 2, 3].map(() => http.send(spec))
    await tick()
    expect(inner.started()).toBe(2)
    inner.pending.shift()!()
    await tick()
    expect(inner.started()).toBe(2)
    now += 60_001
    inner.pending.shift()!()
    await tick()
    expect(inner.started()).toBe(3)
    inner.pending.shift()!()
    await Promise.all(sends)
    await http.close()
  })
})

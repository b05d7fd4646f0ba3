/** An HttpClient that answers from a function, for engine and probe tests without sockets. */
import type { HttpClient, HttpOutcome, HttpRequestSpec } from '../../src/core/http/client'

export interface FakeAnswer {
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Answer with this transport error instead. */
  readonly error?: unknown
}

export interface FakeHttp extends HttpClient {
  readonly requests: HttpRequestSpec[]
}

export function fakeHttp(answer: (request: HttpRequestSpec, index: number) => FakeAnswer): FakeHttp {
  const requests: HttpRequestSpec[] = []
  return {
    requests,
    async send(spec): Promise<HttpOutcome> {
      requests.push(spec)
      const reply = answer(spec, requests.length - 1)
      const now = Date.now()
      if (reply.error !== undefined) return { kind: 'error', error: reply.error, proxied: false, status: null, startedAt: now, durationMs: 1 }
      const headers = { 'content-type': 'application/json', date: new Date(now).toUTCString(), ...reply.headers }
      return { kind: 'response', status: reply.status ?? 200, headers, body: reply.body ?? '', headersAt: now, startedAt: now, durationMs: 1 }
    },
    close: async () => {},
  }
}

export const json = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): FakeAnswer => ({ status, headers, body: JSON.stringify(body) })

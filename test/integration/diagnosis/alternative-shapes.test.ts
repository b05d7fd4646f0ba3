/**
 * The alternative-shapes corpus (test/fixtures/alternative-shapes): every undocumented answer
 * a probe reads, served over loopback HTTP, must end healthy or unknown, never failing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAccount } from '../../../src/core/diagnosis/engine'
import type { BuiltInProviderId } from '../../../src/shared/model'
import { fastRetry, testHttpClient } from '../../support/diagnosis'

interface Answer {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
}
interface Shape {
  readonly provider: BuiltInProviderId
  readonly why: string
  readonly settings: Record<string, string>
  readonly answers: Record<string, Answer>
}

const DIR = join(__dirname, '../../fixtures/alternative-shapes')
const SHAPES: ReadonlyArray<[string, Shape]> = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Shape])

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
/** An unexpired, unsigned-looking JWT with these scopes (the server under test never checks it). */
const token = (scopes: string[]): string =>
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ jti: 'corpusjti0000000000000', exp: Math.floor(Date.now() / 1000) + 3600, scopes })}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`

function credentials(shape: Shape): Record<string, string> {
  const { auth, ...settings } = shape.settings
  switch (shape.provider) {
    case 'authmatech':
      return { API_KEY: 'corpus-key-0123456789abcdef', CLIENT_ID: 'corpus-client', ...settings }
    case 'nmbrs':
      return { USERNAME: 'api@corpus.example', TOKEN: 'corpus0token0123456789abcdef', ...settings }
    case 'groupcall':
      return { CUSTOMER_ID: '1469', PASSWORD: 'corpus-key-0123456789abcdef', ...settings }
    case 'smsgate':
      return auth?.startsWith('token:') ? { TOKEN: token(auth.slice('token:'.length).split(',')), ...settings } : { USERNAME: 'CORPUS', PASSWORD: 'corpus-pass-123', ...settings }
  }
}

/** Nmbrs answers are keyed by SOAP operation, the others by path suffix. */
function keyOf(request: IncomingMessage, body: string): string[] {
  const action = String(request.headers.soapaction ?? '')
  const op = /(Environment_Get|List_GetAll)/.exec(action || body)?.[1]
  return op ? [`op:${op}`] : [request.url ?? '']
}

let current: Shape | null = null
let server: Server
let base: string

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      const answers = current?.answers ?? {}
      const key = keyOf(request, body)[0]!
      const answer = answers[key] ?? Object.entries(answers).find(([suffix]) => key.endsWith(suffix))?.[1]
      response.writeHead(answer?.status ?? 404, answer?.headers ?? {})
      response.end(answer?.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('alternative shapes: never failing from an undocumented answer', () => {
  it('has a corpus for every provider', () => {
    expect(new Set(SHAPES.map(([, s]) => s.provider))).toEqual(new Set(['authmatech', 'smsgate', 'nmbrs', 'groupcall']))
  })

  it.each(SHAPES)('%s', async (_name, shape) => {
    current = shape
    const http = testHttpClient()
    try {
      const diagnosis = await checkAccount({ provider: shape.provider, fields: { ...credentials(shape), BASE_URL: base } }, { http, retry: fastRetry, timeoutMs: 3000 })
      expect(['healthy', 'unknown'], `${diagnosis.cause}: ${diagnosis.summary}`).toContain(diagnosis.state)
    } finally {
      await http.close()
    }
  })
})

/**
 * An adversarial provider: a loopback server that plays each of the four providers and answers
 * every request with the credential it received, transformed every way a real server might
 * echo it (see `echoForms`): in the body, in an Nmbrs SOAP fault, in an Authmatech envelope's
 * `arguments`, in `Location` and `WWW-Authenticate` headers, and straddling the 200-character
 * cut of a provider message. The answers use each provider's documented failure shapes, so the
 * echoed text reaches the diagnosis (summary, evidence, transcript), not only the raw body.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildFaultEnvelope } from '../../src/core/providers/nmbrs/soap-envelope'
import type { BuiltInProviderId } from '../../src/shared/model'

/** Canaries that pass every provider's field checks and hold characters each encoding changes. */
export const ECHO_CANARIES = {
  groupcall: { CUSTOMER_ID: '4711', PASSWORD: 'cnryGc+7/Qx&Lm<Zp=w~K!9' },
  nmbrs: { USERNAME: 'canary.ops@example.com', TOKEN: 'cnryNm>4+a/B&c=D<e~F!g2', DOMAIN: 'canary-bv' },
  authmatech: { API_KEY: 'cnryAm/8+Hh&Jj<Kk=Ll~M!3', CLIENT_ID: 'canary-client' },
  smsgate: { USERNAME: 'CNRYUS', PASSWORD: 'cnrySg+5/Tt&Uu<Vv=Ww~X!4' },
} as const satisfies Record<BuiltInProviderId, Record<string, string>>

/** Every canary secret (the values a leak would show). */
export const ECHO_SECRETS: ReadonlyArray<string> = [ECHO_CANARIES.groupcall.PASSWORD, ECHO_CANARIES.nmbrs.TOKEN, ECHO_CANARIES.authmatech.API_KEY, ECHO_CANARIES.smsgate.PASSWORD]

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url')
const hex = (c: string, upper: boolean): string => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).map((h) => (upper ? h.toUpperCase() : h)).join('')
const everyCharJson = (s: string): string => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
const dotNetJson = (s: string): string => s.replace(/[+<>&'"]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * The secret (and `user:secret`) as an echo could write it, each as text meant to sit inside a
 * JSON string (escapes written as JSON would carry them).
 */
export function echoForms(secret: string, user: string): string[] {
  const pair = `${user}:${secret}`
  const half = Math.floor(secret.length / 2)
  return [
    secret,
    b64(secret),
    b64(secret).replace(/=+$/, ''),
    b64url(secret),
    b64(pair),
    b64url(pair).replace(/=+$/, ''),
    encodeURIComponent(secret),
    encodeURIComponent(secret).toLowerCase(),
    [...secret].map((c) => hex(c, true)).join(''),
    [...secret].map((c) => hex(c, false)).join(''),
    secret.replace(/[+]/g, '%2B').replace(/\//g, '%2F'),
    everyCharJson(secret),
    dotNetJson(secret),
    secret.replace(/\//g, '\\/'),
    secret.replace(/[&<>"']/g, (c) => named[c]!),
    [...secret].map((c) => `&#${c.charCodeAt(0)};`).join(''),
    [...secret].map((c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`).join(''),
    secret.replace(/[^A-Za-z0-9]/g, (c) => `&#${c.charCodeAt(0)};`),
    secret.toUpperCase(),
    secret.toLowerCase(),
    `${secret.slice(0, half)} ${secret.slice(half)}`,
    `${secret.slice(0, half)}\\n${secret.slice(half)}`,
    `${secret.slice(0, half)}\\r\\n    ${secret.slice(half)}`,
    `${secret.slice(0, 12)}…`,
    `…${secret.slice(-12)}`,
  ]
}

/** The provider's message: the secret straddles the 200th character, then every other form. */
function message(secret: string, user: string): string {
  const lead = 'Unauthorized: the credential received was '
  return `${lead}${'.'.repeat(Math.max(0, 190 - lead.length))}${secret} and also ${echoForms(secret, user).join(' | ')}`
}

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => resolve(body))
  })

/** The credential the request carried, whichever provider it was meant for. */
function received(req: IncomingMessage, body: string): { secret: string; user: string } {
  const auth = String(req.headers.authorization ?? '')
  if (auth.startsWith('Basic ')) {
    const [user, ...rest] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')
    return { user: user ?? '', secret: rest.join(':') }
  }
  if (auth.startsWith('Bearer ')) return { user: '', secret: auth.slice(7) }
  if (req.headers['x-api-key']) return { user: String(req.headers['x-client-id'] ?? ''), secret: String(req.headers['x-api-key']) }
  const token = /<(?:\w+:)?Token>([^<]*)</.exec(body)
  const unxml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  if (token) return { user: unxml(/<(?:\w+:)?Username>([^<]*)</.exec(body)?.[1] ?? ''), secret: unxml(token[1]!) }
  try {
    const item = (JSON.parse(body) as { messageData?: Array<{ CustomerId?: string; Password?: string }> }).messageData?.[0]
    return { user: String(item?.CustomerId ?? ''), secret: String(item?.Password ?? '') }
  } catch {
    return { user: '', secret: '' }
  }
}

type Answer = { readonly status: number; readonly type: string; readonly body: string }

function answer(path: string, secret: string, user: string): Answer {
  const text = message(secret, user)
  // JSON.stringify would escape the forms' backslashes again: they are meant as JSON escapes, so the JSON is written by hand around them.
  const forms = echoForms(secret, user).map((f) => `"${f.replace(/"/g, '\\"')}"`)
  const quoted = `"${text.replace(/"/g, '\\"')}"`
  if (path.startsWith('/groupcall/'))
    return { status: 200, type: 'application/json', body: `[{"MessageSentId":0,"MessageId":null,"statusMsg":null,"transmitDateTime":null,"ClientRef":null,"WarningMessages":[${forms.join(',')}],"errorMsg":${quoted}}]` }
  if (path.startsWith('/nmbrs/')) return { status: 500, type: 'text/xml; charset=utf-8', body: buildFaultEnvelope('1.1', 'server', `System.Web.Services.Protocols.SoapException: ---> 1001: Invalid Authentication ${JSON.parse(quoted) as string}`) }
  if (path.startsWith('/authmatech/'))
    return {
      status: 401,
      type: 'application/json',
      body: `{"success":false,"messages":[{"type":"FAILURE","code":"UNAUTHORIZED","message":${quoted},"httpStatus":"UNAUTHORIZED","technical":false,"arguments":{"received":[${forms.join(',')}]}}],"data":null}`,
    }
  return { status: 401, type: 'application/json', body: `{"message":${quoted},"received":[${forms.join(',')}]}` }
}

export interface EchoProvider {
  readonly origin: string
  /** Fields of one account per provider (base URL included), by convention name. */
  readonly fields: Readonly<Record<BuiltInProviderId, Readonly<Record<string, string>>>>
  /** How many requests carried a credential. */
  readonly requests: () => number
  close(): Promise<void>
}

export async function startEchoProvider(): Promise<EchoProvider> {
  let requests = 0
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const { secret, user } = received(req, body)
      if (secret !== '') requests++
      const a = answer(path, secret, user)
      res
        .writeHead(a.status, {
          'content-type': a.type,
          date: new Date().toUTCString(),
          location: `https://echo.invalid/back?cred=${encodeURIComponent(secret)}&b=${b64(`${user}:${secret}`)}`,
          'www-authenticate': `Basic realm="${b64(`${user}:${secret}`)}", error="invalid_token", error_description="${secret.toUpperCase()}"`,
        })
        .end(a.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const fields = {
    groupcall: { ...ECHO_CANARIES.groupcall, BASE_URL: `${origin}/groupcall` },
    nmbrs: { ...ECHO_CANARIES.nmbrs, BASE_URL: `${origin}/nmbrs/soap/v3` },
    authmatech: { ...ECHO_CANARIES.authmatech, BASE_URL: `${origin}/authmatech` },
    smsgate: { ...ECHO_CANARIES.smsgate, BASE_URL: `${origin}/smsgate` },
  }
  return { origin, fields, requests: () => requests, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/**
 * A fake of each provider whose every answer carries HTML and script where the UI shows
 * provider text: Groupcall warnings and errors, Nmbrs SOAP faults and the domain
 * Environment_Get reports, Authmatech messages, codes and product names, SMSGate messages;
 * plus an SMSGate token whose decoded claims (issuer, scopes) are hostile. Each payload sets
 * `window.__pwned` if it ever runs.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { buildFaultEnvelope, buildResponseEnvelope } from '../../../src/core/providers/nmbrs/soap-envelope'
import { escapeXml } from '../../../src/core/providers/nmbrs/soap-xml'
import type { AccountDraft } from '../../../src/core/vault/account-input'

export const HOSTILE = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `<script>window.__pwned='script'</script>`,
  svg: `<svg onload="window.__pwned='svg'"></svg>`,
  iframe: `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
} as const

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A JWT-shaped token (not signed by anyone) whose claims carry markup. */
export function hostileJwt(nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000)
  const payload = { jti: 'hostile-jti-1', iss: HOSTILE.script, sub: 'HOSTIL', user_id: 'HOSTIL', iat, exp: iat + 3600, scopes: [HOSTILE.img, 'devices:list', 'messages:send'] }
  return `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.${Buffer.from('not-a-real-signature-0000').toString('base64url')}`
}

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => resolve(body))
  })

type Answer = { readonly status: number; readonly type: string; readonly body: string }
const json = (status: number, value: unknown): Answer => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(value) })
const xml = (status: number, body: string): Answer => ({ status, type: 'text/xml; charset=utf-8', body })

function groupcall(body: string): Answer {
  const base = { MessageSentId: 0, MessageId: null, statusMsg: null, transmitDateTime: null, ClientRef: null }
  if (body.includes('"CustomerId":"9001"')) return json(200, [{ ...base, WarningMessages: [`Customer does not allow sending SMS ${HOSTILE.img}`], errorMsg: null }])
  return json(200, [{ ...base, WarningMessages: [HOSTILE.svg], errorMsg: `Data is not valid, no messages sent ${HOSTILE.script}` }])
}

function nmbrs(body: string): Answer {
  if (body.includes('Environment_Get'))
    return xml(200, buildResponseEnvelope('1.1', 'DebtorService', 'Environment_Get', `<Domain>x.nmbrs.nl</Domain><SubDomain>${escapeXml(HOSTILE.svg)}</SubDomain>`))
  return xml(500, buildFaultEnvelope('1.1', 'server', `System.Web.Services.Protocols.SoapException: ---> 1001: Invalid Authentication ${HOSTILE.script}`))
}

function authmatech(clientId: string): Answer {
  if (clientId === 'hostile-products') return json(200, { success: true, messages: [], data: { products: [{ product: HOSTILE.img, enabled: true }, { product: 'VERIFY', enabled: false }] } })
  return json(401, { success: false, messages: [{ type: 'FAILURE', code: HOSTILE.iframe, message: `Unauthorized ${HOSTILE.img}` }], data: null })
}

function smsgate(method: string): Answer {
  if (method === 'DELETE') return { status: 204, type: 'text/plain', body: '' }
  return json(401, { message: `Unauthorized ${HOSTILE.svg}${HOSTILE.script}` })
}

export interface HostileProviders {
  readonly origin: string
  /** One account per hostile answer, for `vault.create`. */
  readonly accounts: ReadonlyArray<AccountDraft>
  close(): Promise<void>
}

export async function startHostileProviders(): Promise<HostileProviders> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const body = await read(req)
    const answer = path.startsWith('/groupcall/')
      ? groupcall(body)
      : path.startsWith('/nmbrs/')
        ? nmbrs(body)
        : path.startsWith('/authmatech/')
          ? authmatech(String(req.headers['x-client-id'] ?? ''))
          : smsgate(req.method ?? 'GET')
    res.writeHead(answer.status, { 'content-type': answer.type, date: new Date().toUTCString() }).end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const at = (path: string) => ({ baseUrl: `${origin}${path}`, confirmUnlistedHost: true })
  const accounts: AccountDraft[] = [
    { label: 'Hostile Groupcall warning', provider: 'groupcall', fields: { CUSTOMER_ID: '9001', PASSWORD: 'hostile-pass-9001' }, ...at('/groupcall') },
    { label: 'Hostile Groupcall error', provider: 'groupcall', fields: { CUSTOMER_ID: '9002', PASSWORD: 'hostile-pass-9002' }, ...at('/groupcall') },
    { label: 'Hostile Nmbrs fault', provider: 'nmbrs', fields: { USERNAME: 'hostile@example.com', TOKEN: '0123456789abcdef0123456789abcdef', DOMAIN: 'acme-bv' }, ...at('/nmbrs/soap/v3') },
    { label: 'Hostile Authmatech message', provider: 'authmatech', fields: { API_KEY: 'hostile-key-0000000000000000', CLIENT_ID: 'hostile-message' }, ...at('/authmatech') },
    { label: 'Hostile Authmatech products', provider: 'authmatech', fields: { API_KEY: 'hostile-key-1111111111111111', CLIENT_ID: 'hostile-products' }, ...at('/authmatech') },
    { label: 'Hostile SMSGate token', provider: 'smsgate', fields: { USERNAME: 'HOSTIL', PASSWORD: 'hostile-pass-smsgate', TOKEN: hostileJwt() }, ...at('/smsgate') },
  ]
  return { origin, accounts, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

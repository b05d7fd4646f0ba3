/**
 * A vault with one account per provider holding canary secrets, and check histories whose
 * transcripts still carry those secrets in every form (as if Diagnosis had failed to redact
 * them), so the bundle's own redaction is what keeps them out.
 */
import { randomBytes } from 'node:crypto'
import type { Diagnosis, TranscriptEntry } from '../../../src/shared/diagnosis'
import type { AccountView, BuiltInProviderId } from '../../../src/shared/model'
import { openTestVault, type TestVault } from '../../unit/core/vault/fake-store'

const b64url = (s: string): string => Buffer.from(s).toString('base64url')
export const canary = (name: string): string => `cnry${name}${randomBytes(12).toString('hex')}`

export function jwt(claims: Record<string, unknown>): { token: string; signature: string; keep: string } {
  const keep = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`
  const signature = randomBytes(32).toString('base64url')
  return { token: `${keep}.${signature}`, signature, keep }
}

export interface Canaries {
  readonly groupcall: { readonly PASSWORD: string; readonly PARTNER_KEY: string }
  readonly nmbrs: { readonly TOKEN: string }
  readonly smsgate: { readonly PASSWORD: string; readonly TOKEN: ReturnType<typeof jwt>; readonly REFRESH_TOKEN: ReturnType<typeof jwt> }
  readonly authmatech: { readonly API_KEY: string }
}

export function makeCanaries(): Canaries {
  return {
    groupcall: { PASSWORD: canary('gcpw'), PARTNER_KEY: canary('gcpk') },
    nmbrs: { TOKEN: canary('nmtk') },
    smsgate: {
      PASSWORD: canary('sgpw'),
      TOKEN: jwt({ jti: 'V1StGXR8_Z5jdHi6B-myT', iss: 'sms-gate.app', sub: 'QWERTZ', exp: 1777886100, scopes: ['messages:send'] }),
      REFRESH_TOKEN: jwt({ jti: 'x9Qp2LmN4rT6vY8zA1bC3', iss: 'sms-gate.app', sub: 'QWERTZ', exp: 1780477200, scopes: ['tokens:refresh'] }),
    },
    authmatech: { API_KEY: canary('amkey') },
  }
}

/** The values that must not appear anywhere in a bundle (a JWT's signature is its secret part). */
export function secretValues(c: Canaries): string[] {
  return [c.groupcall.PASSWORD, c.groupcall.PARTNER_KEY, c.nmbrs.TOKEN, c.smsgate.PASSWORD, c.smsgate.TOKEN.signature, c.smsgate.REFRESH_TOKEN.signature, c.authmatech.API_KEY]
}

export interface CanaryVault extends TestVault {
  readonly canaries: Canaries
  readonly accounts: Readonly<Record<BuiltInProviderId, AccountView>>
}

export async function canaryVault(): Promise<CanaryVault> {
  const t = await openTestVault()
  const c = makeCanaries()
  const create = (label: string, provider: BuiltInProviderId, fields: Record<string, string>) => t.vault.create({ label, provider, fields })
  const accounts = {
    groupcall: await create('School Groupcall', 'groupcall', { CUSTOMER_ID: '1469', PASSWORD: c.groupcall.PASSWORD, PARTNER_KEY: c.groupcall.PARTNER_KEY }),
    nmbrs: await create('Payroll Nmbrs', 'nmbrs', { USERNAME: 'payroll.ops@acme.example', TOKEN: c.nmbrs.TOKEN, DOMAIN: 'acme' }),
    smsgate: await create('Phone SMSGate', 'smsgate', { USERNAME: 'QWERTZ', PASSWORD: c.smsgate.PASSWORD, TOKEN: c.smsgate.TOKEN.token, REFRESH_TOKEN: c.smsgate.REFRESH_TOKEN.token }),
    authmatech: await create('Verify Authmatech', 'authmatech', { API_KEY: c.authmatech.API_KEY, CLIENT_ID: 'cl_7Kq2Vd' }),
  }
  return { ...t, canaries: c, accounts }
}

function entry(partial: Partial<TranscriptEntry> & Pick<TranscriptEntry, 'method' | 'url'>): TranscriptEntry {
  return {
    step: 'probe',
    attempt: 1,
    requestHeaders: {},
    requestBody: null,
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: null,
    error: null,
    startedAt: '2026-05-04T07:57:12.000Z',
    durationMs: 143,
    ...partial,
  }
}

function diagnosis(provider: BuiltInProviderId, partial: Partial<Diagnosis>): Diagnosis {
  return {
    provider,
    state: 'failing',
    cause: 'credentials.invalid',
    retryable: false,
    summary: 'The provider rejected the credentials.',
    evidence: { step: 'probe' },
    knowledgeSteps: ['recopy-credentials'],
    checkedAt: '2026-05-04T07:57:12.000Z',
    durationMs: 150,
    clockSkewMs: 1800,
    details: {},
    transcript: [],
    ...partial,
  }
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

/** Check histories (newest first) whose transcripts leak the canaries in many forms. */
export function leakyHistories(c: Canaries): Record<BuiltInProviderId, Diagnosis[]> {
  const gcBody = JSON.stringify({ messageData: [{ CustomerId: '1469', Password: c.groupcall.PASSWORD, Recipients: [{ MobileNumber: '+447700900000' }], SMSMessage: 'AuthDesk credential check' }], PartnerKey: c.groupcall.PARTNER_KEY })
  const soap = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"><Username>payroll.ops@acme.example</Username><Token>${c.nmbrs.TOKEN}</Token></AuthHeader></soap:Header><soap:Body><Environment_Get xmlns="https://api.nmbrs.nl/soap/v3/DebtorService"/></soap:Body></soap:Envelope>`
  return {
    groupcall: [
      diagnosis('groupcall', {
        summary: 'Groupcall answered "Data is not valid, no messages sent".',
        evidence: { step: 'SendMessage_V3/SMS', status: 200, providerMessage: 'Data is not valid, no messages sent' },
        transcript: [
          entry({
            step: 'SendMessage_V3/SMS',
            method: 'POST',
            url: 'https://m5api.groupcall.com/api/SendMessage_V3/SMS',
            requestHeaders: { 'content-type': 'application/json', 'x-debug-echo': c.groupcall.PASSWORD },
            requestBody: gcBody,
            responseBody: JSON.stringify([{ WarningMessages: [], errorMsg: 'Data is not valid, no messages sent', MessageSentId: 0, MessageId: null, statusMsg: null, transmitDateTime: null, ClientRef: null }]),
          }),
        ],
      }),
      diagnosis('groupcall', { state: 'healthy', cause: 'ok', summary: 'Accepted.', checkedAt: '2026-05-01T06:00:00.000Z', evidence: { step: 'SendMessage_V3/SMS', status: 200 } }),
    ],
    nmbrs: [
      diagnosis('nmbrs', {
        summary: 'Nmbrs refused the token (1001).',
        evidence: { step: 'Environment_Get', status: 500, providerCode: '1001', providerMessage: 'Invalid Authentication' },
        transcript: [
          entry({
            step: 'Environment_Get',
            method: 'POST',
            url: 'https://api.nmbrs.nl/soap/v3/DebtorService.asmx',
            requestHeaders: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"https://api.nmbrs.nl/soap/v3/DebtorService/Environment_Get"' },
            requestBody: soap,
            status: 500,
            responseHeaders: { 'content-type': 'text/xml; charset=utf-8', date: 'Mon, 04 May 2026 07:57:13 GMT' },
            responseBody: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>Server was unable to process request. ---&gt; 1001: Invalid Authentication</faultstring></soap:Fault></soap:Body></soap:Envelope>',
          }),
        ],
      }),
    ],
    smsgate: [
      diagnosis('smsgate', {
        state: 'failing',
        cause: 'scope.missing',
        summary: 'The token lacks devices:list.',
        evidence: { step: 'GET /devices', status: 403, providerMessage: 'scope required: devices:list' },
        details: { token: { scopes: ['messages:send'], missingScopes: ['devices:list'], expiresAt: '2026-05-04T09:15:00Z', issuer: 'sms-gate.app' }, notes: [`retried with ${basic('QWERTZ', c.smsgate.PASSWORD)}`] },
        transcript: [
          entry({ step: 'GET /devices', method: 'GET', url: 'https://api.sms-gate.app/3rdparty/v1/devices', requestHeaders: { authorization: `Bearer ${c.smsgate.TOKEN.token}` }, status: 403, responseBody: '{"message":"scope required: devices:list"}' }),
          entry({
            step: 'POST /auth/token/refresh',
            method: 'POST',
            url: `https://api.sms-gate.app/3rdparty/v1/auth/token/refresh?refresh_token=${c.smsgate.REFRESH_TOKEN.token}`,
            requestHeaders: { authorization: basic('QWERTZ', c.smsgate.PASSWORD) },
            status: null,
            responseHeaders: {},
            error: { code: 'ECONNRESET', message: `socket hang up after sending password=${encodeURIComponent(c.smsgate.PASSWORD)}` },
          }),
        ],
      }),
    ],
    authmatech: [
      diagnosis('authmatech', {
        summary: `Authmatech refused the API key ${c.authmatech.API_KEY.slice(0, 4)}… (401).`,
        evidence: { step: 'GET /v1/api/me/products', status: 401, providerMessage: 'Unauthorized' },
        transcript: [
          entry({
            step: 'GET /v1/api/me/products',
            method: 'GET',
            url: 'https://service.authmatech.com/v1/api/me/products',
            requestHeaders: { 'x-api-key': c.authmatech.API_KEY, 'x-client-id': 'cl_7Kq2Vd', cookie: `SESSION=${c.authmatech.API_KEY}` },
            status: 401,
            responseBody: JSON.stringify({ success: false, messages: [{ type: 'FAILURE', code: null, message: 'Unauthorized', httpStatus: 'UNAUTHORIZED', technical: false, arguments: null }], data: null, echo: Buffer.from(`key=${c.authmatech.API_KEY}`).toString('base64') }),
          }),
        ],
      }),
    ],
  }
}

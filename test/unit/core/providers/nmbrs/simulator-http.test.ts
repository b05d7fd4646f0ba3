/**
 * Fidelity over real HTTP: the simulator behind the shared server, driven with the wire
 * requests of shared/providers/nmbrs.md (§2, §6) through Node's fetch on 127.0.0.1.
 */
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createNmbrsSimulator } from '../../../../../src/core/providers/nmbrs/simulator'
import { buildSoapRequest, type NmbrsAuthHeader } from '../../../../../src/core/providers/nmbrs/soap-envelope'
import { startSimulator, type RunningSimulator } from '../../../../../src/core/simulators/server'

const NS = 'https://api.nmbrs.nl/soap/v3/DebtorService'
const TEXT_XML = 'text/xml; charset=utf-8'
const SOAP_XML = 'application/soap+xml; charset=utf-8'

const reader = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false })
type Node = Record<string, unknown>

let running: RunningSimulator
let creds: Record<string, Readonly<Record<string, string>>>

beforeAll(async () => {
  running = await startSimulator(createNmbrsSimulator())
  creds = running.scenarioCredentials()
})
afterAll(async () => {
  await running.close()
})
beforeEach(() => {
  running.reset()
})

function scenario(name: string): Readonly<Record<string, string>> {
  const c = creds[name]
  if (!c) throw new Error(`no scenario ${name}`)
  return c
}

const asmx = (name: string) => `${scenario(name).BASE_URL}/DebtorService.asmx`

interface Wire {
  readonly status: number
  readonly contentType: string | null
  readonly raw: string
  readonly body: Node
}

async function send(url: string, headers: Record<string, string>, body: string): Promise<Wire> {
  const res = await fetch(url, { method: 'POST', headers, body })
  const raw = await res.text()
  const parsed = reader.parse(raw) as Node
  return { status: res.status, contentType: res.headers.get('content-type'), raw, body: ((parsed.Envelope as Node | undefined)?.Body ?? {}) as Node }
}

// Dossier §6, written out as a client sends it (pretty-printed).
const soap11EnvironmentGet = (username: string, token: string) => `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Header>
    <AuthHeader xmlns="https://api.nmbrs.nl/soap/v3/DebtorService">
      <Username>${username}</Username>
      <Token>${token}</Token>
    </AuthHeader>
  </soap:Header>
  <soap:Body>
    <Environment_Get xmlns="https://api.nmbrs.nl/soap/v3/DebtorService" />
  </soap:Body>
</soap:Envelope>`

const soap12 = (header: string, operation: string) => `<?xml version="1.0" encoding="utf-8"?>
<soap12:Envelope xmlns:soap12="http://www.w3.org/2003/05/soap-envelope">
  <soap12:Header>${header}</soap12:Header>
  <soap12:Body><${operation} xmlns="https://api.nmbrs.nl/soap/v3/DebtorService" /></soap12:Body>
</soap12:Envelope>`

const soap11ListGetAll = (username: string, token: string, domain: string) => `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Header>
    <AuthHeaderWithDomain xmlns="https://api.nmbrs.nl/soap/v3/DebtorService">
      <Username>${username}</Username>
      <Token>${token}</Token>
      <Domain>${domain}</Domain>
    </AuthHeaderWithDomain>
  </soap:Header>
  <soap:Body>
    <List_GetAll xmlns="https://api.nmbrs.nl/soap/v3/DebtorService" />
  </soap:Body>
</soap:Envelope>`

const authHeader = (username: string, token: string) =>
  `<AuthHeader xmlns="${NS}"><Username>${username}</Username><Token>${token}</Token></AuthHeader>`

describe('Nmbrs simulator over HTTP: dossier wire requests', () => {
  it('serves production and sandbox under their own BASE_URL paths', () => {
    expect(running.baseUrl).toBe(`${running.origin}/soap/v3`)
    expect(scenario('valid').BASE_URL).toBe(`${running.origin}/soap/v3`)
    expect(scenario('valid-sandbox').BASE_URL).toBe(`${running.origin}/sandbox/soap/v3`)
  })

  it('§6 SOAP 1.1 Environment_Get returns Domain and SubDomain', async () => {
    const v = scenario('valid')
    const res = await send(asmx('valid'), { 'Content-Type': TEXT_XML, SOAPAction: `${NS}/Environment_Get` }, soap11EnvironmentGet(v.USERNAME ?? '', v.TOKEN ?? ''))
    expect([res.status, res.contentType]).toEqual([200, TEXT_XML])
    // prefixes are stripped by the reader, so the namespace is checked on the raw text
    expect(res.raw).toContain(`<soap:Body><Environment_GetResponse xmlns="${NS}"><Environment_GetResult>`)
    expect((res.body.Environment_GetResponse as Node).Environment_GetResult).toEqual({ Domain: 'acme.nmbrs.nl', SubDomain: 'acme' })
  })

  it('§2 SOAP 1.2 (GO-LEAP) with the action in the content type', async () => {
    const v = scenario('valid-sandbox')
    const res = await send(
      asmx('valid-sandbox'),
      { 'Content-Type': `${SOAP_XML}; action="${NS}/Environment_Get"` },
      soap12(authHeader(v.USERNAME ?? '', v.TOKEN ?? ''), 'Environment_Get'),
    )
    expect([res.status, res.contentType]).toEqual([200, SOAP_XML])
    expect((res.body.Environment_GetResponse as Node).Environment_GetResult).toEqual({ Domain: 'acme-sandbox.nmbrs-sandbox.nl', SubDomain: 'acme-sandbox' })
  })

  it('§2 SOAP 1.2 envelope as text/xml without SOAPAction (Tools4ever) is served', async () => {
    const v = scenario('valid')
    const res = await send(asmx('valid'), { 'Content-Type': TEXT_XML }, soap12(authHeader(v.USERNAME ?? '', v.TOKEN ?? ''), 'Environment_Get'))
    expect([res.status, res.contentType]).toEqual([200, SOAP_XML])
    expect(((res.body.Environment_GetResponse as Node).Environment_GetResult as Node).SubDomain).toBe('acme')
  })

  it('§4 List_GetAll with AuthHeaderWithDomain returns Debtor elements (Id, Number, Name)', async () => {
    const v = scenario('valid')
    const res = await send(asmx('valid'), { 'Content-Type': TEXT_XML, SOAPAction: `"${NS}/List_GetAll"` }, soap11ListGetAll(v.USERNAME ?? '', v.TOKEN ?? '', 'acme'))
    expect([res.status, res.contentType]).toEqual([200, TEXT_XML])
    expect(((res.body.List_GetAllResponse as Node).List_GetAllResult as Node).Debtor).toEqual([
      { Id: '101', Number: '1', Name: 'Acme Payroll BV' },
      { Id: '102', Number: '2', Name: 'Acme Holding & Co' },
    ])
  })

  it('§6 auth fault: HTTP 500, soap:Server, "---> 1001: Invalid Authentication", empty detail', async () => {
    const t = scenario('token-wrong')
    const res = await send(asmx('token-wrong'), { 'Content-Type': TEXT_XML, SOAPAction: `${NS}/Environment_Get` }, soap11EnvironmentGet(t.USERNAME ?? '', t.TOKEN ?? ''))
    expect([res.status, res.contentType]).toEqual([500, TEXT_XML])
    expect(res.body.Fault).toEqual({
      faultcode: 'soap:Server',
      faultstring: 'Server was unable to process request. ---> 1001: Invalid Authentication',
      detail: '',
    })
    expect(res.raw).toContain('---&gt; 1001:')
  })

  it('§2 missing SOAPAction: soap:Client "Unable to handle request without a valid action parameter…"', async () => {
    const v = scenario('valid')
    const res = await send(asmx('valid'), { 'Content-Type': TEXT_XML }, soap11EnvironmentGet(v.USERNAME ?? '', v.TOKEN ?? ''))
    expect([res.status, res.contentType]).toEqual([500, TEXT_XML])
    expect(res.body.Fault).toEqual({
      faultcode: 'soap:Client',
      faultstring: 'Unable to handle request without a valid action parameter. Please supply a valid soap action.',
      detail: '',
    })
  })

  it('§2 SOAP 1.2 fault shape: Code/Value, Reason/Text, Detail', async () => {
    const s = scenario('subscription-1004')
    const res = await send(asmx('subscription-1004'), { 'Content-Type': `${SOAP_XML}; action="${NS}/Environment_Get"` }, soap12(authHeader(s.USERNAME ?? '', s.TOKEN ?? ''), 'Environment_Get'))
    expect([res.status, res.contentType]).toEqual([500, SOAP_XML])
    expect(res.body.Fault).toEqual({
      Code: { Value: 'soap:Receiver' },
      Reason: { Text: { '#text': 'Server was unable to process request. ---> 1004: Disabled, no valid subscription', '@lang': 'en' } },
      Detail: '',
    })
  })

  it('wrong domain: Environment_Get names the domain, List_GetAll with the typed one fails with 1001', async () => {
    const d = scenario('domain-wrong')
    const env = await send(asmx('domain-wrong'), { 'Content-Type': TEXT_XML, SOAPAction: `${NS}/Environment_Get` }, soap11EnvironmentGet(d.USERNAME ?? '', d.TOKEN ?? ''))
    expect(((env.body.Environment_GetResponse as Node).Environment_GetResult as Node).SubDomain).toBe('acme')
    const list = await send(asmx('domain-wrong'), { 'Content-Type': TEXT_XML, SOAPAction: `${NS}/List_GetAll` }, soap11ListGetAll(d.USERNAME ?? '', d.TOKEN ?? '', d.DOMAIN ?? ''))
    expect([list.status, (list.body.Fault as Node).faultstring]).toEqual([500, 'Server was unable to process request. ---> 1001: Invalid Authentication'])
  })

  it.each([
    ['token-not-yet-in-sandbox', '/soap/v3'],
    ['token-reset-in-live', '/sandbox/soap/v3'],
  ])('%s: 1001 at its BASE_URL, accepted at %s', async (name, otherPath) => {
    const c = scenario(name)
    const headers = { 'Content-Type': TEXT_XML, SOAPAction: `${NS}/Environment_Get` }
    const here = await send(asmx(name), headers, soap11EnvironmentGet(c.USERNAME ?? '', c.TOKEN ?? ''))
    expect((here.body.Fault as Node).faultstring).toContain('---> 1001: Invalid Authentication')
    const there = await send(`${running.origin}${otherPath}/DebtorService.asmx`, headers, soap11EnvironmentGet(c.USERNAME ?? '', c.TOKEN ?? ''))
    expect(there.status).toBe(200)
  })
})

describe('Nmbrs simulator over HTTP: every scenario', () => {
  const steps = [
    ['Environment_Get', (c: Readonly<Record<string, string>>): NmbrsAuthHeader => ({ kind: 'AuthHeader', username: c.USERNAME ?? '', token: c.TOKEN ?? '' })],
    ['List_GetAll', (c: Readonly<Record<string, string>>): NmbrsAuthHeader => ({ kind: 'AuthHeaderWithDomain', username: c.USERNAME ?? '', token: c.TOKEN ?? '', domain: c.DOMAIN ?? '' })],
  ] as const

  it('answers on the wire exactly what handle() answers, at each scenario\'s resolved BASE_URL', async () => {
    const direct = createNmbrsSimulator()
    for (const [name, c] of Object.entries(creds)) {
      expect(c.BASE_URL?.startsWith(`${running.origin}/`)).toBe(true)
      for (const [operation, auth] of steps) {
        const request = buildSoapRequest({ version: '1.1', service: 'DebtorService', operation, auth: auth(c) })
        const url = `${c.BASE_URL}/DebtorService.asmx`
        const wire = await send(url, { ...request.headers }, request.body)
        const expected = await direct.handle(
          { method: 'POST', path: new URL(url).pathname, query: new URLSearchParams(), headers: request.headers, body: request.body },
          { now: () => 0, origin: running.origin },
        )
        expect([name, operation, wire.status, wire.contentType, wire.raw]).toEqual([name, operation, expected.status, expected.headers?.['content-type'], expected.body])
      }
    }
  })
})

describe('Nmbrs simulator over HTTP: pages, faults and switches', () => {
  it('GET ?WSDL points soap:address at the URL that was asked for', async () => {
    const url = asmx('valid-sandbox')
    const res = await fetch(`${url}?WSDL`)
    expect([res.status, res.headers.get('content-type')]).toEqual([200, TEXT_XML])
    const wsdl = reader.parse(await res.text()) as Node
    const ports = ((wsdl.definitions as Node).service as Node).port as Node[]
    expect(ports.map((port) => (port.address as Node)['@location'])).toEqual([url, url])
  })

  it('GET on an unknown service is a 404 HTML page', async () => {
    const res = await fetch(`${running.origin}/soap/v3/CompanyService.asmx`)
    expect([res.status, res.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8'])
  })

  it('routes a per-account transport fault by the Username in the SOAP header', async () => {
    const v = scenario('valid')
    const t = scenario('token-wrong')
    running.faults.add({ kind: 'maintenance', account: v.USERNAME })
    const headers = { 'Content-Type': TEXT_XML, SOAPAction: `${NS}/Environment_Get` }
    const hit = await fetch(asmx('valid'), { method: 'POST', headers, body: soap11EnvironmentGet(v.USERNAME ?? '', v.TOKEN ?? '') })
    expect([hit.status, hit.headers.get('content-type')]).toEqual([503, 'text/html; charset=utf-8'])
    const other = await send(asmx('token-wrong'), headers, soap11EnvironmentGet(t.USERNAME ?? '', t.TOKEN ?? ''))
    expect([other.status, other.contentType]).toEqual([500, TEXT_XML])
  })

  it('takes option switches through the control API, refuses bad values, and resets', async () => {
    const f = scenario('domain-full-host')
    const list = () =>
      send(asmx('domain-full-host'), { 'Content-Type': TEXT_XML, SOAPAction: `${NS}/List_GetAll` }, soap11ListGetAll(f.USERNAME ?? '', f.TOKEN ?? '', f.DOMAIN ?? ''))
    expect((await list()).status).toBe(500)

    const patch = (body: unknown) => fetch(`${running.origin}/__sim/options`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const bad = await patch({ domainForms: 'anything' })
    expect(bad.status).toBeGreaterThanOrEqual(400)
    expect(running.simulator.options).toMatchObject({ domainForms: 'subdomain' })

    expect((await patch({ domainForms: 'subdomain-or-host' })).status).toBe(200)
    expect((await list()).status).toBe(200)

    expect((await fetch(`${running.origin}/__sim/reset`, { method: 'POST' })).status).toBe(204)
    expect((await list()).status).toBe(500)
  })
})

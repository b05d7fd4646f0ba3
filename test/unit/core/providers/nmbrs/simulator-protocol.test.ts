import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { createNmbrsSimulator } from '../../../../../src/core/providers/nmbrs/simulator'
import type { SimContext, SimRequest, SimResponse } from '../../../../../src/core/simulators/types'

const NS = 'https://api.nmbrs.nl/soap/v3/DebtorService'
const S11 = 'http://schemas.xmlsoap.org/soap/envelope/'
const S12 = 'http://www.w3.org/2003/05/soap-envelope'
const PROD = '/soap/v3/DebtorService.asmx'
const TEXT_XML = 'text/xml; charset=utf-8'
const SOAP_XML = 'application/soap+xml; charset=utf-8'
const ACTION_REQUIRED = 'Unable to handle request without a valid action parameter. Please supply a valid soap action.'
const context: SimContext = { now: () => 0, origin: 'http://127.0.0.1:4321' }

const sim = createNmbrsSimulator()
const valid = sim.scenarios().valid?.credentials ?? {}
const USER = valid.USERNAME ?? ''
const TOKEN = valid.TOKEN ?? ''

const authHeader = (user = USER, token = TOKEN) => `<AuthHeader xmlns="${NS}"><Username>${user}</Username><Token>${token}</Token></AuthHeader>`
const withDomain = (domain: string | null) =>
  `<AuthHeaderWithDomain xmlns="${NS}"><Username>${USER}</Username><Token>${TOKEN}</Token>${domain === null ? '' : `<Domain>${domain}</Domain>`}</AuthHeaderWithDomain>`
const env11 = (header: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${S11}"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`
const env12 = (header: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap12:Envelope xmlns:soap12="${S12}"><soap12:Header>${header}</soap12:Header><soap12:Body>${body}</soap12:Body></soap12:Envelope>`
const op = (name: string) => `<${name} xmlns="${NS}" />`
const action = (name: string) => `${NS}/${name}`

const reader = new XMLParser({ removeNSPrefix: true, parseTagValue: false })
type Node = Record<string, unknown>

interface Expect {
  readonly status: number
  readonly contentType: string
  /** 'ok:<Operation>' for a success, else the fault code. */
  readonly result: string
  readonly text?: string | RegExp
}

function summarize(res: SimResponse): { status: number; contentType: string | undefined; result: string; text: string } {
  const parsed = reader.parse(res.body ?? '') as Node
  const body = ((parsed.Envelope as Node | undefined)?.Body ?? {}) as Node
  const fault = body.Fault as Node | undefined
  if (!fault) {
    const name = Object.keys(body)[0] ?? ''
    return { status: res.status, contentType: res.headers?.['content-type'], result: `ok:${name.replace(/Response$/, '')}`, text: '' }
  }
  const code = String(fault.faultcode ?? (fault.Code as Node | undefined)?.Value)
  const text = String(fault.faultstring ?? (fault.Reason as Node | undefined)?.Text)
  return { status: res.status, contentType: res.headers?.['content-type'], result: code, text }
}

const post = (headers: Record<string, string>, body: string, path = PROD): SimRequest => ({ method: 'POST', path, query: new URLSearchParams(), headers, body })
const s11 = (soapAction: string | null, body: string) =>
  post(soapAction === null ? { 'content-type': TEXT_XML } : { 'content-type': TEXT_XML, soapaction: soapAction }, body)
const s12 = (contentType: string, body: string, extra: Record<string, string> = {}) => post({ 'content-type': contentType, ...extra }, body)

const ok = (operation: string, contentType = TEXT_XML): Expect => ({ status: 200, contentType, result: `ok:${operation}` })
const fault = (code: string, text: string | RegExp, contentType = TEXT_XML, status = 500): Expect => ({ status, contentType, result: code, text })
const auth1001 = (contentType = TEXT_XML): Expect => fault(contentType === TEXT_XML ? 'soap:Server' : 'soap:Receiver', /---> 1001: Invalid Authentication$/, contentType)

const CASES: ReadonlyArray<readonly [string, SimRequest, Expect]> = [
  ['1.1 with SOAPAction as in the dossier', s11(action('Environment_Get'), env11(authHeader(), op('Environment_Get'))), ok('Environment_Get')],
  ['1.1 with a quoted SOAPAction (ASMX help-page form)', s11(`"${action('Environment_Get')}"`, env11(authHeader(), op('Environment_Get'))), ok('Environment_Get')],
  ['1.1 without SOAPAction', s11(null, env11(authHeader(), op('Environment_Get'))), fault('soap:Client', ACTION_REQUIRED)],
  ['1.1 with an empty SOAPAction', s11('""', env11(authHeader(), op('Environment_Get'))), fault('soap:Client', 'Server did not recognize the value of HTTP Header SOAPAction: .')],
  ['1.1 with an unknown operation', s11(action('Employee_GetAll'), env11(authHeader(), op('Employee_GetAll'))), fault('soap:Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action('Employee_GetAll')}.`)],
  [
    '1.1 with another service\'s action',
    s11('https://api.nmbrs.nl/soap/v3/CompanyService/List_GetAll', env11(authHeader(), op('List_GetAll'))),
    fault('soap:Client', 'Server did not recognize the value of HTTP Header SOAPAction: https://api.nmbrs.nl/soap/v3/CompanyService/List_GetAll.'),
  ],
  ['1.1 routes by SOAPAction, not by the body element', s11(action('Environment_Get'), env11(authHeader(), op('List_GetAll'))), ok('Environment_Get')],
  ['1.2 with the action parameter', s12(`${SOAP_XML}; action="${action('Environment_Get')}"`, env12(authHeader(), op('Environment_Get'))), ok('Environment_Get', SOAP_XML)],
  ['1.2 with an unquoted action parameter', s12(`application/soap+xml;charset=utf-8;action=${action('Environment_Get')}`, env12(authHeader(), op('Environment_Get'))), ok('Environment_Get', SOAP_XML)],
  ['1.2 without action routes by body element', s12(SOAP_XML, env12(authHeader(), op('Environment_Get'))), ok('Environment_Get', SOAP_XML)],
  ['1.2 as text/xml without SOAPAction (Tools4ever)', s12(TEXT_XML, env12(authHeader(), op('Environment_Get'))), ok('Environment_Get', SOAP_XML)],
  ['1.2 with an unknown action falls back to the body element', s12(`${SOAP_XML}; action="${action('Nope')}"`, env12(authHeader(), op('Environment_Get'))), ok('Environment_Get', SOAP_XML)],
  ['1.2 ignores a 1.1 SOAPAction header', s12(SOAP_XML, env12(authHeader(), op('Environment_Get')), { soapaction: action('Nope') }), ok('Environment_Get', SOAP_XML)],
  ['1.2 without action and an unknown element', s12(SOAP_XML, env12(authHeader(), op('Nope'))), fault('soap:Sender', ACTION_REQUIRED, SOAP_XML)],
  [
    '1.2 with an unknown action and element',
    s12(`${SOAP_XML}; action="${action('Nope')}"`, env12(authHeader(), op('Nope'))),
    fault('soap:Sender', `Unable to handle request. The action '${action('Nope')}' was not recognized.`, SOAP_XML),
  ],
  [
    '1.2 body element in another namespace',
    s12(SOAP_XML, env12(authHeader(), '<Environment_Get xmlns="https://api.nmbrs.nl/soap/v3/CompanyService" />')),
    fault('soap:Sender', ACTION_REQUIRED, SOAP_XML),
  ],
  ['malformed XML (1.1)', s11(action('Environment_Get'), '<soap:Envelope xmlns:soap="x"><soap:Body></soap:Envelope>'), fault('soap:Client', /^Server was unable to read request\. ---> There is an error in XML document \(1, \d+\)\. ---> /)],
  ['malformed XML (1.2)', s12(SOAP_XML, '<a><b></a>'), fault('soap:Sender', /^Server was unable to read request\. ---> There is an error in XML document/, SOAP_XML)],
  ['empty body', s11(action('Environment_Get'), ''), fault('soap:Client', /Root element is missing\.$/)],
  ['text after the root element', s11(action('Environment_Get'), `${env11(authHeader(), op('Environment_Get'))}junk`), fault('soap:Client', /^Server was unable to read request\. ---> There is an error in XML document \(1, \d+\)\. ---> ./)],
  ['an undeclared prefix', s11(action('Environment_Get'), '<x:Envelope><x:Body/></x:Envelope>'), fault('soap:Client', /'x' is an undeclared prefix\.$/)],
  ['a DTD', s11(action('Environment_Get'), `<!DOCTYPE a [<!ENTITY t "${TOKEN}">]>${env11(authHeader(USER, '&t;'), op('Environment_Get'))}`), fault('soap:Client', /DTD is prohibited/)],
  [
    'a root that is not a SOAP envelope',
    s11(action('Environment_Get'), `<Envelope><Body>${op('Environment_Get')}</Body></Envelope>`),
    fault('soap:VersionMismatch', `Possible SOAP version mismatch: Envelope namespace  was unexpected. Expecting ${S11}.`),
  ],
  ['an envelope without Body', s11(action('Environment_Get'), `<soap:Envelope xmlns:soap="${S11}"><soap:Header>${authHeader()}</soap:Header></soap:Envelope>`), fault('soap:Client', /Body element is missing/)],
  ['no Content-Type', post({ soapaction: action('Environment_Get') }, env11(authHeader(), op('Environment_Get'))), fault('soap:Client', 'Unsupported media type , expected text/xml.', TEXT_XML, 415)],
  ['a JSON Content-Type', post({ 'content-type': 'application/json' }, '{}'), fault('soap:Client', 'Unsupported media type application/json, expected text/xml.', TEXT_XML, 415)],
  ['no Header at all', s11(action('Environment_Get'), `<soap:Envelope xmlns:soap="${S11}"><soap:Body>${op('Environment_Get')}</soap:Body></soap:Envelope>`), auth1001()],
  ['AuthHeader in no namespace (ignored by ASMX)', s11(action('Environment_Get'), env11(`<AuthHeader><Username>${USER}</Username><Token>${TOKEN}</Token></AuthHeader>`, op('Environment_Get'))), auth1001()],
  [
    'AuthHeader element in another namespace, children in the service one',
    s11(action('Environment_Get'), env11(`<h:AuthHeader xmlns:h="urn:other" xmlns="${NS}"><Username>${USER}</Username><Token>${TOKEN}</Token></h:AuthHeader>`, op('Environment_Get'))),
    auth1001(),
  ],
  [
    'AuthHeader with unqualified children',
    s11(action('Environment_Get'), env11(`<n:AuthHeader xmlns:n="${NS}"><Username>${USER}</Username><Token>${TOKEN}</Token></n:AuthHeader>`, op('Environment_Get'))),
    auth1001(),
  ],
  [
    'prefixes declared on the Envelope resolve like any other',
    s11(
      action('Environment_Get'),
      `<e:Envelope xmlns:e="${S11}" xmlns:d="${NS}"><e:Header><d:AuthHeader><d:Username>${USER}</d:Username><d:Token>${TOKEN}</d:Token></d:AuthHeader></e:Header><e:Body><d:Environment_Get/></e:Body></e:Envelope>`,
    ),
    ok('Environment_Get'),
  ],
  ['whitespace and comments between elements', s11(action('Environment_Get'), env11(`\n  <!-- auth -->\n  ${authHeader()}\n`, `\n  ${op('Environment_Get')}\n`)), ok('Environment_Get')],
  ['Environment_Get with AuthHeaderWithDomain (undeclared header)', s11(action('Environment_Get'), env11(withDomain('acme'), op('Environment_Get'))), auth1001()],
  ['List_GetAll with AuthHeader (no Domain)', s11(action('List_GetAll'), env11(authHeader(), op('List_GetAll'))), auth1001()],
  ['List_GetAll with an empty Domain', s11(action('List_GetAll'), env11(withDomain(''), op('List_GetAll'))), auth1001()],
  ['List_GetAll without a Domain element', s11(action('List_GetAll'), env11(withDomain(null), op('List_GetAll'))), auth1001()],
  ['List_GetAll with the domain in upper case', s11(action('List_GetAll'), env11(withDomain('ACME'), op('List_GetAll'))), ok('List_GetAll')],
  ['an e-mail in other case', s11(action('Environment_Get'), env11(authHeader(USER.toUpperCase()), op('Environment_Get'))), ok('Environment_Get')],
  ['a token in other case', s11(action('Environment_Get'), env11(authHeader(USER, TOKEN.toUpperCase()), op('Environment_Get'))), auth1001()],
  ['a token with a leading space', s11(action('Environment_Get'), env11(authHeader(USER, ` ${TOKEN}`), op('Environment_Get'))), auth1001()],
  ['a token sent as numeric character references', s11(action('Environment_Get'), env11(authHeader(USER, [...TOKEN].map((c) => `&#${c.charCodeAt(0)};`).join('')), op('Environment_Get'))), ok('Environment_Get')],
  ['a token on the sandbox path: the same user, since Sandbox copies Production', { ...s11(action('Environment_Get'), env11(authHeader(), op('Environment_Get'))), path: '/sandbox/soap/v3/DebtorService.asmx' }, ok('Environment_Get')],
  ['a path in other case (IIS)', { ...s11(action('Environment_Get'), env11(authHeader(), op('Environment_Get'))), path: '/SOAP/V3/debtorservice.ASMX' }, ok('Environment_Get')],
]

describe('Nmbrs simulator: SOAP protocol edge cases', () => {
  it.each(CASES)('%s', async (_name, request, expected) => {
    const got = summarize(await sim.handle(request, context))
    expect({ status: got.status, contentType: got.contentType, result: got.result }).toEqual({
      status: expected.status,
      contentType: expected.contentType,
      result: expected.result,
    })
    if (expected.text instanceof RegExp) expect(got.text).toMatch(expected.text)
    else if (expected.text !== undefined) expect(got.text).toBe(expected.text)
  })
})

const get = (path: string, query = '', method = 'GET'): SimRequest => ({ method, path, query: new URLSearchParams(query), headers: {}, body: '' })

describe('Nmbrs simulator: non-SOAP requests', () => {
  it('GET on the .asmx shows the service page linking both operations', async () => {
    const res = await sim.handle(get(PROD), context)
    expect([res.status, res.headers?.['content-type']]).toEqual([200, 'text/html; charset=utf-8'])
    expect(res.body).toContain('DebtorService.asmx?op=Environment_Get')
    expect(res.body).toContain('DebtorService.asmx?op=List_GetAll')
  })

  it.each(['WSDL', 'wsdl'])('GET ?%s serves a WSDL whose address is the URL asked for', async (key) => {
    const res = await sim.handle(get('/sandbox/soap/v3/DebtorService.asmx', key), context)
    expect([res.status, res.headers?.['content-type']]).toEqual([200, TEXT_XML])
    const wsdl = (reader.parse(res.body ?? '') as Node).definitions as Node
    expect((wsdl.service as Node).port).toHaveLength(2)
    expect(res.body).toContain('targetNamespace="https://api.nmbrs.nl/soap/v3/DebtorService"')
    expect(res.body).toContain('<soap:address location="http://127.0.0.1:4321/sandbox/soap/v3/DebtorService.asmx" />')
    expect(res.body).toContain(`soapAction="${action('List_GetAll')}"`)
    expect(res.body).toContain('<soap12:header message="tns:Environment_GetAuthHeader" part="AuthHeader" use="literal" />')
  })

  it('GET ?op= shows both sample requests for the operation', async () => {
    const res = await sim.handle(get(PROD, 'op=List_GetAll'), context)
    expect(res.status).toBe(200)
    expect(res.body).toContain(`soapaction: ${action('List_GetAll')}`)
    expect(res.body).toContain(`action=&quot;${action('List_GetAll')}&quot;`)
    expect(res.body).toContain('&lt;AuthHeaderWithDomain xmlns=&quot;https://api.nmbrs.nl/soap/v3/DebtorService&quot;&gt;')
  })

  it('HEAD answers like GET without a body; other verbs get 405', async () => {
    const head = await sim.handle(get(PROD, '', 'HEAD'), context)
    expect([head.status, head.body]).toEqual([200, ''])
    const put = await sim.handle(get(PROD, '', 'PUT'), context)
    expect([put.status, put.headers?.allow]).toEqual([405, 'GET, HEAD, POST'])
  })

  it.each(['GET', 'POST'])('%s on .asmx/<Operation> (HTTP GET/POST protocols off) is a 500 page', async (method) => {
    const res = await sim.handle(get(`${PROD}/Environment_Get`, '', method), context)
    expect([res.status, res.headers?.['content-type']]).toEqual([500, 'text/html; charset=utf-8'])
    expect(res.body).toContain('Request format is unrecognized for URL unexpectedly ending in &apos;/Environment_Get&apos;.')
  })

  it.each(['/', '/soap/v3', '/soap/v3/CompanyService.asmx', '/soap/v2.1/DebtorService.asmx', '/sandbox/DebtorService.asmx', '/soap/v3/DebtorService.asmxx'])(
    '%s is a 404 page',
    async (path) => {
      const res = await sim.handle({ ...s11(action('Environment_Get'), env11(authHeader(), op('Environment_Get'))), path }, context)
      expect([res.status, res.headers?.['content-type']]).toEqual([404, 'text/html; charset=utf-8'])
    },
  )
})

describe('Nmbrs simulator: accountOf', () => {
  it('is the Username of either auth header, null when there is none', () => {
    expect(sim.accountOf(s11(action('Environment_Get'), env11(authHeader(), op('Environment_Get'))))).toBe(USER)
    expect(sim.accountOf(s12(SOAP_XML, env12(withDomain('acme'), op('List_GetAll'))))).toBe(USER)
    expect(sim.accountOf(s11(action('Environment_Get'), '<broken'))).toBeNull()
    expect(sim.accountOf(s11(action('Environment_Get'), env11('', op('Environment_Get'))))).toBeNull()
    expect(sim.accountOf(get(PROD, 'WSDL'))).toBeNull()
  })
})

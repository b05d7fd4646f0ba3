import { describe, expect, it } from 'vitest'
import {
  buildFaultEnvelope,
  buildResponseEnvelope,
  buildSoapRequest,
  nmbrsErrorCode,
  readEnvelope,
  readFault,
  soapAction,
} from '../../../../../src/core/providers/nmbrs/soap-envelope'
import { childText, parseXml, type XmlElement } from '../../../../../src/core/providers/nmbrs/soap-xml'

const NS = 'https://api.nmbrs.nl/soap/v3/DebtorService'
const S11 = 'http://schemas.xmlsoap.org/soap/envelope/'
const S12 = 'http://www.w3.org/2003/05/soap-envelope'

function root(xml: string): XmlElement {
  const parsed = parseXml(xml)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.root
}

describe('buildSoapRequest', () => {
  it('builds the SOAP 1.1 Environment_Get request of dossier §6', () => {
    const request = buildSoapRequest({ version: '1.1', service: 'DebtorService', operation: 'Environment_Get', auth: { kind: 'AuthHeader', username: 'a@b.example', token: 't0k' } })
    expect(request.headers).toEqual({ 'content-type': 'text/xml; charset=utf-8', soapaction: `${NS}/Environment_Get` })
    const envelope = root(request.body)
    expect([envelope.ns, envelope.local]).toEqual([S11, 'Envelope'])
    const [header, body] = envelope.children
    const auth = header?.children[0]
    expect([auth?.ns, auth?.local, auth?.attributes.xmlns]).toEqual([NS, 'AuthHeader', NS])
    expect(auth?.children.map((c) => [c.ns, c.local, c.text])).toEqual([
      [NS, 'Username', 'a@b.example'],
      [NS, 'Token', 't0k'],
    ])
    expect(body?.children.map((c) => [c.ns, c.local, c.children.length, c.text])).toEqual([[NS, 'Environment_Get', 0, '']])
  })

  it('builds SOAP 1.2 with the action in the content type and AuthHeaderWithDomain', () => {
    const request = buildSoapRequest({
      version: '1.2',
      service: 'DebtorService',
      operation: 'List_GetAll',
      auth: { kind: 'AuthHeaderWithDomain', username: 'a@b.example', token: 't', domain: 'acme' },
    })
    expect(request.headers).toEqual({ 'content-type': `application/soap+xml; charset=utf-8; action="${NS}/List_GetAll"` })
    const read = readEnvelope(request.body)
    expect(read.ok && read.version).toBe('1.2')
    if (!read.ok) return
    const auth = read.header?.children[0]
    expect([auth?.local, childText(auth, NS, 'Domain')]).toEqual(['AuthHeaderWithDomain', 'acme'])
    expect([read.payload?.ns, read.payload?.local]).toEqual([NS, 'List_GetAll'])
  })

  it('escapes credential values so they arrive unchanged, whitespace included', () => {
    const nasty = `a&b<c>"d'e\n `
    const request = buildSoapRequest({ version: '1.1', service: 'DebtorService', operation: 'Environment_Get', auth: { kind: 'AuthHeader', username: nasty, token: nasty } })
    expect(request.body).not.toContain('a&b<c>')
    const read = readEnvelope(request.body)
    const auth = read.ok ? read.header?.children[0] : undefined
    expect([childText(auth, NS, 'Username'), childText(auth, NS, 'Token')]).toEqual([nasty, nasty])
  })

  it('derives SOAPAction from the service namespace', () => {
    expect(soapAction('CompanyService', 'List_GetAll')).toBe('https://api.nmbrs.nl/soap/v3/CompanyService/List_GetAll')
  })
})

describe('responses and faults', () => {
  it('wraps a result as <OpResponse xmlns=ns><OpResult>', () => {
    const read = readEnvelope(buildResponseEnvelope('1.2', 'DebtorService', 'Environment_Get', '<SubDomain>acme</SubDomain>'))
    if (!read.ok) throw new Error('unreadable')
    expect(read.version).toBe('1.2')
    expect([read.payload?.ns, read.payload?.local]).toEqual([NS, 'Environment_GetResponse'])
    expect(childText(read.payload?.children[0], NS, 'SubDomain')).toBe('acme')
  })

  it.each([
    ['1.1', 'server', 'soap:Server'],
    ['1.1', 'client', 'soap:Client'],
    ['1.2', 'server', 'soap:Receiver'],
    ['1.2', 'client', 'soap:Sender'],
    ['1.2', 'version-mismatch', 'soap:VersionMismatch'],
  ] as const)('SOAP %s %s fault reads back with code %s', (version, party, code) => {
    const xml = buildFaultEnvelope(version, party, 'x ---> 1002: Unauthorized access & more')
    const read = readEnvelope(xml)
    if (!read.ok) throw new Error('unreadable')
    expect(read.version).toBe(version)
    expect(readFault(version, read.payload)).toEqual({ code, text: 'x ---> 1002: Unauthorized access & more' })
    expect(xml).toContain('---&gt; 1002')
  })

  it('reads an ASMX SOAP 1.2 fault as captured from a real service', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${S12}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">System.Web.Services.Protocols.SoapException: Unable to handle request</soap:Text></soap:Reason><soap:Detail /></soap:Fault></soap:Body></soap:Envelope>`
    const read = readEnvelope(xml)
    expect(read.ok && readFault(read.version, read.payload)).toEqual({ code: 'soap:Sender', text: 'System.Web.Services.Protocols.SoapException: Unable to handle request' })
  })

  it('readFault is null for a normal payload or a fault of the other version', () => {
    const read = readEnvelope(buildResponseEnvelope('1.1', 'DebtorService', 'List_GetAll', ''))
    expect(read.ok && readFault('1.1', read.payload)).toBeNull()
    const fault11 = readEnvelope(buildFaultEnvelope('1.1', 'server', 'x'))
    expect(fault11.ok && readFault('1.2', fault11.payload)).toBeNull()
  })

  it.each([
    ['Server was unable to process request. ---> 1001: Invalid Authentication', '1001'],
    ['---> 2043: Invalid Domain', '2043'],
    ['Server was unable to process request. ---> Invalid combination email/password', null],
    ['1001: Invalid Authentication', null],
    ['---> 12345: x', null],
  ])('nmbrsErrorCode(%j) = %j', (text, code) => {
    expect(nmbrsErrorCode(text)).toBe(code)
  })
})

describe('readEnvelope and parseXml', () => {
  it('reports a root that is not a SOAP envelope', () => {
    expect(readEnvelope('<Envelope xmlns="urn:other"><Body/></Envelope>')).toEqual({ ok: false, kind: 'not-envelope', namespace: 'urn:other', local: 'Envelope' })
    expect(readEnvelope(`<soap:Body xmlns:soap="${S11}"/>`)).toMatchObject({ ok: false, kind: 'not-envelope', local: 'Body' })
  })

  it('tells an envelope without Body from one with an empty Body', () => {
    const without = readEnvelope(`<soap:Envelope xmlns:soap="${S11}"/>`)
    const empty = readEnvelope(`<soap:Envelope xmlns:soap="${S11}"><soap:Body/></soap:Envelope>`)
    expect(without.ok && [without.hasBody, without.payload]).toEqual([false, null])
    expect(empty.ok && [empty.hasBody, empty.payload]).toEqual([true, null])
  })

  it('resolves default and prefixed namespaces by scope, not by prefix', () => {
    const doc = root('<a xmlns="urn:1" xmlns:p="urn:2"><b/><p:c xmlns:p="urn:3"><d xmlns=""/></p:c><p:e/></a>')
    expect(doc.ns).toBe('urn:1')
    expect(doc.children.map((c) => [c.local, c.ns])).toEqual([
      ['b', 'urn:1'],
      ['c', 'urn:3'],
      ['e', 'urn:2'],
    ])
    expect(doc.children[1]?.children[0]?.ns).toBe('')
  })

  it('keeps leaf text untrimmed and decodes entities, character references and CDATA', () => {
    expect(root('<a> x &amp; &#65;&#x42; <![CDATA[<y>]]>\n</a>').text).toBe(' x & AB <y>\n')
  })

  it.each([
    ['', 'Root element is missing.'],
    ['   \n', 'Root element is missing.'],
    ['<a/><b/>', 'Data at the root level is invalid.'],
    ['<p:a/>', "'p' is an undeclared prefix."],
    ['<!DOCTYPE a><a/>', 'For security reasons DTD is prohibited in this XML document.'],
  ])('refuses %j: %s', (xml, message) => {
    const parsed = parseXml(xml)
    expect(parsed.ok ? null : parsed.error.message).toBe(message)
  })

  it('gives the position of a syntax error', () => {
    const parsed = parseXml('<a>\n  <b>\n</a>')
    expect(parsed.ok ? null : [parsed.error.line, parsed.error.column > 0]).toEqual([3, true])
  })
})

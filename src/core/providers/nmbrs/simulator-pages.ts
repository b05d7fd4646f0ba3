/**
 * Non-SOAP answers of the simulated ASMX endpoint: the service and operation help pages,
 * `?WSDL`, and the IIS/ASP.NET error pages. No Nmbrs WSDL is public (dossier §1), so the WSDL
 * is the one ASMX would generate for the two operations and the result shapes clients read [infer].
 */
import type { SimResponse } from '../../simulators/types'
import { buildSoapRequest, serviceNamespace, soapAction, type SoapVersion } from './soap-envelope'
import { escapeXml } from './soap-xml'
import { DEBTOR_OPERATIONS, DEBTOR_SERVICE, type OperationSpec } from './simulator-operations'

const HTML = { 'content-type': 'text/html; charset=utf-8' }
const NS = serviceNamespace(DEBTOR_SERVICE)

function page(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html><head><title>${escapeXml(title)}</title></head><body>${body}</body></html>\n`
}

export function servicePage(): SimResponse {
  const links = DEBTOR_OPERATIONS.map((op) => `<li><a href="${DEBTOR_SERVICE}.asmx?op=${op.name}">${op.name}</a></li>`).join('')
  const body = `<h1>${DEBTOR_SERVICE}</h1><p>The following operations are supported. For a formal definition, please review the <a href="${DEBTOR_SERVICE}.asmx?WSDL">Service Description</a>.</p><ul>${links}</ul>`
  return { status: 200, headers: HTML, body: page(`${DEBTOR_SERVICE} Web Service`, body) }
}

/** The operation page shows sample requests with `string` placeholders, as ASMX does. */
export function operationPage(operation: OperationSpec, path: string): SimResponse {
  const sample = (version: SoapVersion): string => {
    const auth =
      operation.header === 'AuthHeader'
        ? ({ kind: 'AuthHeader', username: 'string', token: 'string' } as const)
        : ({ kind: 'AuthHeaderWithDomain', username: 'string', token: 'string', domain: 'string' } as const)
    const request = buildSoapRequest({ version, service: DEBTOR_SERVICE, operation: operation.name, auth })
    const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`)
    return `<h3>SOAP ${version}</h3><pre>POST ${escapeXml(path)} HTTP/1.1\n${escapeXml(headers.join('\n'))}\n\n${escapeXml(request.body)}</pre>`
  }
  const body = `<h1>${DEBTOR_SERVICE}</h1><h2>${operation.name}</h2>${sample('1.1')}${sample('1.2')}`
  return { status: 200, headers: HTML, body: page(`${DEBTOR_SERVICE} Web Service`, body) }
}

const stringElement = (name: string): string => `<s:element minOccurs="0" maxOccurs="1" name="${name}" type="s:string" />`
const intElement = (name: string): string => `<s:element minOccurs="1" maxOccurs="1" name="${name}" type="s:int" />`
const sequence = (inner: string): string => `<s:complexType><s:sequence>${inner}</s:sequence></s:complexType>`
const namedType = (name: string, inner: string, extra = ''): string =>
  `<s:complexType name="${name}"><s:sequence>${inner}</s:sequence>${extra}</s:complexType>`

const RESULT_TYPES: Readonly<Record<OperationSpec['name'], string>> = { Environment_Get: 'tns:Environment', List_GetAll: 'tns:ArrayOfDebtor' }

function schema(): string {
  const operations = DEBTOR_OPERATIONS.map(
    (op) =>
      `<s:element name="${op.name}"><s:complexType /></s:element>` +
      `<s:element name="${op.name}Response">${sequence(`<s:element minOccurs="0" maxOccurs="1" name="${op.name}Result" type="${RESULT_TYPES[op.name]}" />`)}</s:element>`,
  ).join('')
  return (
    `<s:schema elementFormDefault="qualified" targetNamespace="${NS}">${operations}` +
    namedType('Environment', stringElement('Domain') + stringElement('SubDomain')) +
    namedType('ArrayOfDebtor', '<s:element minOccurs="0" maxOccurs="unbounded" name="Debtor" nillable="true" type="tns:Debtor" />') +
    namedType('Debtor', intElement('Id') + intElement('Number') + stringElement('Name')) +
    '<s:element name="AuthHeader" type="tns:AuthHeader" /><s:element name="AuthHeaderWithDomain" type="tns:AuthHeaderWithDomain" />' +
    namedType('AuthHeader', stringElement('Username') + stringElement('Token'), '<s:anyAttribute />') +
    namedType('AuthHeaderWithDomain', stringElement('Username') + stringElement('Token') + stringElement('Domain'), '<s:anyAttribute />') +
    '</s:schema>'
  )
}

function binding(prefix: 'soap' | 'soap12'): string {
  const name = prefix === 'soap' ? 'DebtorServiceSoap' : 'DebtorServiceSoap12'
  const operations = DEBTOR_OPERATIONS.map(
    (op) =>
      `<wsdl:operation name="${op.name}"><${prefix}:operation soapAction="${soapAction(DEBTOR_SERVICE, op.name)}" style="document" />` +
      `<wsdl:input><${prefix}:body use="literal" /><${prefix}:header message="tns:${op.name}${op.header}" part="${op.header}" use="literal" /></wsdl:input>` +
      `<wsdl:output><${prefix}:body use="literal" /></wsdl:output></wsdl:operation>`,
  ).join('')
  return `<wsdl:binding name="${name}" type="tns:DebtorServiceSoap"><${prefix}:binding transport="http://schemas.xmlsoap.org/soap/http" />${operations}</wsdl:binding>`
}

export function wsdl(location: string): SimResponse {
  const messages = DEBTOR_OPERATIONS.map(
    (op) =>
      `<wsdl:message name="${op.name}SoapIn"><wsdl:part name="parameters" element="tns:${op.name}" /></wsdl:message>` +
      `<wsdl:message name="${op.name}SoapOut"><wsdl:part name="parameters" element="tns:${op.name}Response" /></wsdl:message>` +
      `<wsdl:message name="${op.name}${op.header}"><wsdl:part name="${op.header}" element="tns:${op.header}" /></wsdl:message>`,
  ).join('')
  const portOperations = DEBTOR_OPERATIONS.map(
    (op) =>
      `<wsdl:operation name="${op.name}"><wsdl:input message="tns:${op.name}SoapIn" /><wsdl:output message="tns:${op.name}SoapOut" /></wsdl:operation>`,
  ).join('')
  const address = escapeXml(location)
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<wsdl:definitions xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:tns="${NS}" targetNamespace="${NS}">` +
    `<wsdl:types>${schema()}</wsdl:types>${messages}` +
    `<wsdl:portType name="DebtorServiceSoap">${portOperations}</wsdl:portType>${binding('soap')}${binding('soap12')}` +
    `<wsdl:service name="${DEBTOR_SERVICE}"><wsdl:port name="DebtorServiceSoap" binding="tns:DebtorServiceSoap"><soap:address location="${address}" /></wsdl:port>` +
    `<wsdl:port name="DebtorServiceSoap12" binding="tns:DebtorServiceSoap12"><soap12:address location="${address}" /></wsdl:port></wsdl:service></wsdl:definitions>`
  return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body }
}

export function notFound(): SimResponse {
  return { status: 404, headers: HTML, body: page('The resource cannot be found.', '<h1>Server Error in \'/\' Application.</h1><h2>The resource cannot be found.</h2>') }
}

export function methodNotAllowed(): SimResponse {
  return { status: 405, headers: { ...HTML, allow: 'GET, HEAD, POST' }, body: page('405 - HTTP verb used to access this page is not allowed.', '<h2>405 - HTTP verb used to access this page is not allowed.</h2>') }
}

/** ASMX with the HTTP GET/POST protocols disabled (the default for remote callers). */
export function requestFormatUnrecognized(ending: string): SimResponse {
  const message = `Request format is unrecognized for URL unexpectedly ending in '${ending}'.`
  return { status: 500, headers: HTML, body: page('Runtime Error', `<h1>Server Error in '/' Application.</h1><h2>${escapeXml(message)}</h2>`) }
}

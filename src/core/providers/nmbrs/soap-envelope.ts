/**
 * Nmbrs SOAP v3 envelopes: building requests (for the probe and the simulator's help pages),
 * responses and ASMX-style faults, and reading envelopes and faults back.
 * Wire facts: shared/providers/nmbrs.md §2, §3, §6.
 */
import { childElement, childText, escapeXml, parseXml, type XmlElement, type XmlError } from './soap-xml'

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/'
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope'
/** The same namespace root is used against the sandbox host (dossier §1). */
export const NMBRS_NS_ROOT = 'https://api.nmbrs.nl/soap/v3'

export type SoapVersion = '1.1' | '1.2'

export const SOAP_CONTENT_TYPES: Readonly<Record<SoapVersion, string>> = {
  '1.1': 'text/xml; charset=utf-8',
  '1.2': 'application/soap+xml; charset=utf-8',
}

export type NmbrsAuthHeader =
  | { readonly kind: 'AuthHeader'; readonly username: string; readonly token: string }
  | { readonly kind: 'AuthHeaderWithDomain'; readonly username: string; readonly token: string; readonly domain: string }

export interface SoapRequestSpec {
  readonly version: SoapVersion
  /** e.g. `DebtorService` */
  readonly service: string
  /** e.g. `Environment_Get` */
  readonly operation: string
  readonly auth: NmbrsAuthHeader
}

export interface SoapHttpRequest {
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

export const serviceNamespace = (service: string): string => `${NMBRS_NS_ROOT}/${service}`

/** SOAPAction = service namespace + "/" + operation (dossier §2). */
export const soapAction = (service: string, operation: string): string => `${serviceNamespace(service)}/${operation}`

const envelopeNs = (version: SoapVersion): string => (version === '1.1' ? SOAP11_NS : SOAP12_NS)
const envelopePrefix = (version: SoapVersion): string => (version === '1.1' ? 'soap' : 'soap12')

function envelope(version: SoapVersion, prefix: string, header: string, body: string): string {
  const headerPart = header === '' ? '' : `<${prefix}:Header>${header}</${prefix}:Header>`
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<${prefix}:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:${prefix}="${envelopeNs(version)}">` +
    `${headerPart}<${prefix}:Body>${body}</${prefix}:Body></${prefix}:Envelope>`
  )
}

function authHeaderXml(service: string, auth: NmbrsAuthHeader): string {
  const domain = auth.kind === 'AuthHeaderWithDomain' ? `<Domain>${escapeXml(auth.domain)}</Domain>` : ''
  return (
    `<${auth.kind} xmlns="${serviceNamespace(service)}">` +
    `<Username>${escapeXml(auth.username)}</Username><Token>${escapeXml(auth.token)}</Token>${domain}</${auth.kind}>`
  )
}

/** The exact HTTP request a client sends for a parameterless operation (all the probe needs). */
export function buildSoapRequest(spec: SoapRequestSpec): SoapHttpRequest {
  const action = soapAction(spec.service, spec.operation)
  const body = envelope(
    spec.version,
    envelopePrefix(spec.version),
    authHeaderXml(spec.service, spec.auth),
    `<${spec.operation} xmlns="${serviceNamespace(spec.service)}" />`,
  )
  const headers: Record<string, string> =
    spec.version === '1.1'
      ? { 'content-type': SOAP_CONTENT_TYPES['1.1'], soapaction: action }
      : { 'content-type': `${SOAP_CONTENT_TYPES['1.2']}; action="${action}"` }
  return { headers, body }
}

/** `<OpResponse xmlns=ns><OpResult>…</OpResult></OpResponse>` as ASMX writes it (inner XML given). */
export function buildResponseEnvelope(version: SoapVersion, service: string, operation: string, resultXml: string): string {
  const result = resultXml === '' ? `<${operation}Result />` : `<${operation}Result>${resultXml}</${operation}Result>`
  return envelope(version, 'soap', '', `<${operation}Response xmlns="${serviceNamespace(service)}">${result}</${operation}Response>`)
}

/** Who is at fault: ASMX writes `soap:Client`/`soap:Server` (1.1) or `soap:Sender`/`soap:Receiver` (1.2). */
export type FaultParty = 'client' | 'server' | 'version-mismatch'

const FAULT_CODES: Readonly<Record<SoapVersion, Readonly<Record<FaultParty, string>>>> = {
  '1.1': { client: 'soap:Client', server: 'soap:Server', 'version-mismatch': 'soap:VersionMismatch' },
  '1.2': { client: 'soap:Sender', server: 'soap:Receiver', 'version-mismatch': 'soap:VersionMismatch' },
}

export function buildFaultEnvelope(version: SoapVersion, party: FaultParty, text: string): string {
  const code = FAULT_CODES[version][party]
  const fault =
    version === '1.1'
      ? `<faultcode>${code}</faultcode><faultstring>${escapeXml(text)}</faultstring><detail />`
      : `<soap:Code><soap:Value>${code}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">${escapeXml(text)}</soap:Text></soap:Reason><soap:Detail />`
  return envelope(version, 'soap', '', `<soap:Fault>${fault}</soap:Fault>`)
}

export type EnvelopeReadResult =
  | {
      readonly ok: true
      readonly version: SoapVersion
      readonly header: XmlElement | null
      /** The first element inside Body (the operation, its response, or a Fault), or null. */
      readonly payload: XmlElement | null
      readonly hasBody: boolean
    }
  | { readonly ok: false; readonly kind: 'malformed'; readonly error: XmlError }
  | { readonly ok: false; readonly kind: 'not-envelope'; readonly namespace: string; readonly local: string }

export function readEnvelope(xml: string): EnvelopeReadResult {
  const parsed = parseXml(xml)
  if (!parsed.ok) return { ok: false, kind: 'malformed', error: parsed.error }
  const root = parsed.root
  const version: SoapVersion | null = root.ns === SOAP11_NS ? '1.1' : root.ns === SOAP12_NS ? '1.2' : null
  if (version === null || root.local !== 'Envelope') return { ok: false, kind: 'not-envelope', namespace: root.ns, local: root.local }
  const ns = envelopeNs(version)
  const body = childElement(root, ns, 'Body')
  return { ok: true, version, header: childElement(root, ns, 'Header'), payload: body?.children[0] ?? null, hasBody: body !== null }
}

export interface SoapFault {
  /** `soap:Client`, `soap:Receiver`… as written (prefix kept). */
  readonly code: string
  readonly text: string
}

/** The fault in a Body payload (either SOAP version), or null when the payload is no Fault. */
export function readFault(version: SoapVersion, payload: XmlElement | null): SoapFault | null {
  const ns = envelopeNs(version)
  if (!payload || payload.ns !== ns || payload.local !== 'Fault') return null
  if (version === '1.1') return { code: childText(payload, '', 'faultcode') ?? '', text: childText(payload, '', 'faultstring') ?? '' }
  const code = childText(childElement(payload, ns, 'Code'), ns, 'Value') ?? ''
  return { code, text: childText(childElement(payload, ns, 'Reason'), ns, 'Text') ?? '' }
}

/** The `---> NNNN:` code Nmbrs puts in its fault text (dossier §5), or null when it has none. */
export function nmbrsErrorCode(faultText: string): string | null {
  return /---> (\d{4}):/.exec(faultText)?.[1] ?? null
}

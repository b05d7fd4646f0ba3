/**
 * A local fake of the Nmbrs SOAP v3 `DebtorService.asmx` (shared/providers/nmbrs.md), served
 * under two BASE_URL paths: production at `/soap/v3`, sandbox at `/sandbox/soap/v3`.
 * It behaves as ASP.NET ASMX does: SOAP 1.1 routed by the SOAPAction header, SOAP 1.2 by the
 * `action` content-type parameter or else the body element, unknown headers ignored, and
 * exceptions turned into faults with HTTP 500.
 */
import { z } from 'zod'
import type { ProviderSimulator, SimRequest, SimResponse } from '../../simulators/types'
import {
  buildFaultEnvelope,
  buildResponseEnvelope,
  readEnvelope,
  serviceNamespace,
  soapAction,
  SOAP11_NS,
  SOAP12_NS,
  SOAP_CONTENT_TYPES,
  type FaultParty,
  type SoapVersion,
} from './soap-envelope'
import { childElement, childText, parseXml, type XmlElement } from './soap-xml'
import { methodNotAllowed, notFound, operationPage, requestFormatUnrecognized, servicePage, wsdl } from './simulator-pages'
import { DEBTOR_OPERATIONS, DEBTOR_SERVICE, runOperation, type AuthFields, type OperationSpec } from './simulator-operations'
import { ACCOUNTS, SCENARIOS, SIM_BASE_PATHS, type NmbrsEnvironment, type NmbrsError } from './simulator-scenarios'

export { SIM_BASE_PATHS } from './simulator-scenarios'

const optionsSchema = z.object({
  /**
   * Domain forms AuthHeaderWithDomain accepts. Dossier §3 conflict: PY-LK sends the SubDomain
   * (`acme`), Tools4ever documents the full host (`acme.nmbrs.nl`). Default: sub-domain only.
   */
  domainForms: z.enum(['subdomain', 'subdomain-or-host']),
  /**
   * Fault for a well-formed but wrong Domain. Nmbrs' article N-1001 lists a wrong domain under
   * 1001 (default); clients also list 2043 "Invalid Domain".
   */
  wrongDomainCode: z.enum(['1001', '2043']),
  /**
   * Fault for an unknown e-mail. N-1001 puts it under 1001 (default); PY-LK also knows the
   * code-less `---> Invalid combination email/password`.
   */
  unknownUserFault: z.enum(['1001', 'invalid-combination']),
  /** HTTP status of every SOAP fault: 500 per ASMX convention (dossier §2, inferred), or 200. */
  faultStatus: z.union([z.literal(500), z.literal(200)]),
  /**
   * Content-Type naming one SOAP version around an envelope of the other. Tools4ever's
   * published connectors send a 1.2 envelope as text/xml, so it is tolerated by default.
   */
  contentTypeMismatch: z.enum(['tolerate', 'version-mismatch']),
  /** Whether the sandbox host has Environment_Get (dossier §9 unknown). Default: it has. */
  sandboxEnvironmentGet: z.enum(['available', 'missing']),
})

export type NmbrsSimOptions = z.infer<typeof optionsSchema>

const DEFAULT_OPTIONS: NmbrsSimOptions = {
  domainForms: 'subdomain',
  wrongDomainCode: '1001',
  unknownUserFault: '1001',
  faultStatus: 500,
  contentTypeMismatch: 'tolerate',
  sandboxEnvironmentGet: 'available',
}

const SERVICE_NS = serviceNamespace(DEBTOR_SERVICE)
const ENVELOPE_NS: Readonly<Record<SoapVersion, string>> = { '1.1': SOAP11_NS, '1.2': SOAP12_NS }
// GO-TIM quotes this text for a missing SOAPAction; the 1.2 variant and the "did not recognize"
// text are ASMX's own messages, as other ASMX services show them.
const ACTION_REQUIRED = 'Unable to handle request without a valid action parameter. Please supply a valid soap action.'

type Endpoint = { readonly environment: NmbrsEnvironment; readonly rest: string }

/** IIS paths are case-insensitive; anything after `.asmx` is ASMX's path info. */
function endpointOf(path: string): Endpoint | null {
  const lower = path.toLowerCase()
  for (const environment of ['production', 'sandbox'] as const) {
    const asmx = `${SIM_BASE_PATHS[environment]}/${DEBTOR_SERVICE}.asmx`.toLowerCase()
    if (lower === asmx || lower.startsWith(`${asmx}/`)) return { environment, rest: path.slice(asmx.length) }
  }
  return null
}

function headerValue(request: SimRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

function versionOfContentType(contentType: string | undefined): SoapVersion | null {
  const base = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  return base === 'text/xml' ? '1.1' : base === 'application/soap+xml' ? '1.2' : null
}

function actionParameter(contentType: string | undefined): string | null {
  const match = /;\s*action\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType ?? '')
  return match ? (match[2] ?? match[1] ?? null) : null
}

const unquote = (value: string): string => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value)

function nmbrsFaultText(error: NmbrsError): string {
  // Clients match `---> 1001:`; the text before the arrow is ASMX's usual wrapper [infer].
  return `Server was unable to process request. ---> ${error.code === null ? '' : `${error.code}: `}${error.message}`
}

type Routed = { readonly ok: true; readonly operation: OperationSpec } | { readonly ok: false; readonly message: string }

function route(version: SoapVersion, request: SimRequest, payload: XmlElement | null, operations: ReadonlyArray<OperationSpec>): Routed {
  const byAction = (action: string): OperationSpec | undefined => operations.find((op) => soapAction(DEBTOR_SERVICE, op.name) === action)
  if (version === '1.1') {
    const raw = headerValue(request, 'soapaction')
    if (raw === undefined) return { ok: false, message: ACTION_REQUIRED }
    const action = unquote(raw.trim())
    const operation = byAction(action)
    return operation ? { ok: true, operation } : { ok: false, message: `Server did not recognize the value of HTTP Header SOAPAction: ${action}.` }
  }
  const action = actionParameter(headerValue(request, 'content-type'))
  const operation =
    (action ? byAction(action) : undefined) ?? operations.find((op) => payload?.ns === SERVICE_NS && payload.local === op.name)
  if (operation) return { ok: true, operation }
  return { ok: false, message: action ? `Unable to handle request. The action '${action}' was not recognized.` : ACTION_REQUIRED }
}

function authFields(header: XmlElement | null, operation: OperationSpec): AuthFields | null {
  const element = childElement(header, SERVICE_NS, operation.header)
  if (!element) return null
  const domain = operation.header === 'AuthHeaderWithDomain' ? childText(element, SERVICE_NS, 'Domain') : null
  return { username: childText(element, SERVICE_NS, 'Username'), token: childText(element, SERVICE_NS, 'Token'), domain }
}

export function createNmbrsSimulator(): ProviderSimulator<NmbrsSimOptions> {
  let options: NmbrsSimOptions = { ...DEFAULT_OPTIONS }

  const fault = (version: SoapVersion, party: FaultParty, text: string, status: number = options.faultStatus): SimResponse => ({
    status,
    headers: { 'content-type': SOAP_CONTENT_TYPES[version] },
    body: buildFaultEnvelope(version, party, text),
  })

  function operationsOn(environment: NmbrsEnvironment): ReadonlyArray<OperationSpec> {
    const missing = environment === 'sandbox' && options.sandboxEnvironmentGet === 'missing'
    return missing ? DEBTOR_OPERATIONS.filter((op) => op.name !== 'Environment_Get') : DEBTOR_OPERATIONS
  }

  function handleSoap(request: SimRequest, environment: NmbrsEnvironment): SimResponse {
    const contentType = headerValue(request, 'content-type')
    const declared = versionOfContentType(contentType)
    // ASMX refuses other media types before reading the body; status and text [infer].
    if (declared === null) return fault('1.1', 'client', `Unsupported media type ${contentType ?? ''}, expected text/xml.`, 415)
    const read = readEnvelope(request.body)
    if (!read.ok && read.kind === 'malformed') {
      const { line, column, message } = read.error
      return fault(declared, 'client', `Server was unable to read request. ---> There is an error in XML document (${line}, ${column}). ---> ${message}`)
    }
    if (!read.ok) return fault('1.1', 'version-mismatch', `Possible SOAP version mismatch: Envelope namespace ${read.namespace} was unexpected. Expecting ${SOAP11_NS}.`)
    const { version } = read
    if (version !== declared && options.contentTypeMismatch === 'version-mismatch') {
      return fault(declared, 'version-mismatch', `Possible SOAP version mismatch: Envelope namespace ${ENVELOPE_NS[version]} was unexpected. Expecting ${ENVELOPE_NS[declared]}.`)
    }
    const routed = route(version, request, read.payload, operationsOn(environment))
    if (!routed.ok) return fault(version, 'client', routed.message)
    if (!read.hasBody) return fault(version, 'client', 'Server was unable to read request. ---> The SOAP Body element is missing.')
    const outcome = runOperation(routed.operation, environment, authFields(read.header, routed.operation), ACCOUNTS, options)
    if (outcome.kind === 'fault') return fault(version, 'server', nmbrsFaultText(outcome.error))
    return {
      status: 200,
      headers: { 'content-type': SOAP_CONTENT_TYPES[version] },
      body: buildResponseEnvelope(version, DEBTOR_SERVICE, routed.operation.name, outcome.resultXml),
    }
  }

  function handleGet(request: SimRequest, environment: NmbrsEnvironment, origin: string): SimResponse {
    const keys = [...request.query.keys()].map((key) => key.toLowerCase())
    if (keys.includes('wsdl')) return wsdl(origin + request.path)
    const opName = [...request.query.entries()].find(([key]) => key.toLowerCase() === 'op')?.[1]
    const operation = operationsOn(environment).find((op) => op.name === opName)
    return operation ? operationPage(operation, request.path) : servicePage()
  }

  return {
    id: 'nmbrs',
    baseUrlPath: () => SIM_BASE_PATHS.production,
    scenarios: () => SCENARIOS,
    accountOf(request) {
      if (request.method !== 'POST') return null
      const parsed = parseXml(request.body)
      if (!parsed.ok) return null
      const header = parsed.root.children.find((child) => child.local === 'Header')
      const auth = header?.children.find((child) => child.local === 'AuthHeader' || child.local === 'AuthHeaderWithDomain')
      return auth?.children.find((child) => child.local === 'Username')?.text ?? null
    },
    handle(request, context) {
      const endpoint = endpointOf(request.path)
      if (!endpoint) return notFound()
      if (endpoint.rest !== '') return requestFormatUnrecognized(endpoint.rest)
      switch (request.method) {
        case 'POST':
          return handleSoap(request, endpoint.environment)
        case 'GET':
          return handleGet(request, endpoint.environment, context.origin)
        case 'HEAD':
          return { ...handleGet(request, endpoint.environment, context.origin), body: '' }
        default:
          return methodNotAllowed()
      }
    },
    get options() {
      return options
    },
    setOptions(patch) {
      // Patches also arrive as JSON from the control API, so they are validated here.
      const parsed = optionsSchema.partial().strict().safeParse(patch)
      if (!parsed.success) throw new Error(`invalid Nmbrs simulator options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
      const defined = Object.entries(parsed.data).filter(([, value]) => value !== undefined)
      options = { ...options, ...Object.fromEntries(defined) }
    },
    reset() {
      options = { ...DEFAULT_OPTIONS }
    },
  }
}

/**
 * Groupcall Messenger (SendMessage_V3) on loopback. Production lives at the server root; the
 * isolated test host is the `/apitesting` prefix with its own accounts, so credentials from one
 * environment are unknown in the other, as on the real hosts.
 *
 * Application answers are HTTP 200 JSON arrays (one result per `messageData` item). HTTP-level
 * errors (404/405/415/400) are not documented; they imitate ASP.NET Web API 2, which the .NET
 * timestamps and PascalCase DTOs suggest, and are marked as inferred below.
 */
import type { ProviderSimulator, SimContext, SimRequest, SimResponse } from '../../simulators/types'
import { GROUPCALL_SCENARIOS, GROUPCALL_TEST_PREFIX, type GroupcallEnvironment } from './simulator-scenarios'
import { firstCustomerId, parseSendBody } from './simulator-request'
import { clientRefOf, evaluateItem, toResult, type SendRules } from './simulator-send'
import { GROUPCALL_ROUTES, GROUPCALL_TEXT, type GroupcallRoute, type GroupcallSendResult } from './wire'

export interface GroupcallSimOptions {
  /**
   * Request property names must match the documented casing exactly (`messageData`, `CustomerId`,
   * `Password`, `Recipients`, `SMSMessage`, `PartnerKey`…). Off by default: the docs themselves mix
   * `Recipients`/`recipients` and `CallbackUrl`/`callbackUrl`, and a .NET binder matches names
   * case-insensitively (groupcall.md §4, [conflict]).
   */
  readonly strictCasing: boolean
  /** Text for an absent CustomerId/Password: G-TRB's specific one, or G-TRB2's "Data is not valid" (§7). */
  readonly missingAuthFields: SendRules['missingAuthFields']
  /**
   * Which reserved numbers get "No recipients with valid addresses": the whole Ofcom drama range
   * (issue text), or only `+447700900000` — G-SMS's own sample queues `+447700900123` (§6, §9).
   */
  readonly reservedNumbers: SendRules['reservedNumbers']
  /** Accept plain-string recipients as in G-SMS's quick start, besides objects (§4, [conflict]). */
  readonly stringRecipients: boolean
  /**
   * Malformed JSON, a non-JSON Content-Type or a body without `messageData`: undocumented (§7).
   * `http-error` (default) answers like ASP.NET Web API (400 / 415 JSON `{"Message": …}`);
   * `data-not-valid` answers 200 with one "Data is not valid, no messages sent" result.
   */
  readonly malformedRequests: 'http-error' | 'data-not-valid'
}

export const GROUPCALL_SIM_DEFAULTS: GroupcallSimOptions = {
  strictCasing: false,
  missingAuthFields: 'required-fields-missing',
  reservedNumbers: 'drama-range',
  stringRecipients: true,
  malformedRequests: 'http-error',
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' }

const webApiError = (status: number, message: string, headers: Record<string, string> = {}): SimResponse => ({
  status,
  headers: { ...JSON_TYPE, ...headers },
  body: JSON.stringify({ Message: message }),
})

const IIS_NOT_FOUND = `<!DOCTYPE html>
<html><head><title>404 - File or directory not found.</title></head>
<body><div id="header"><h1>Server Error</h1></div><div id="content"><fieldset>
<h2>404 - File or directory not found.</h2>
<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
</fieldset></div></body></html>
`

type Route =
  | { readonly kind: 'send'; readonly environment: GroupcallEnvironment; readonly route: GroupcallRoute }
  | { readonly kind: 'api-not-found' }
  | { readonly kind: 'not-found' }

/** IIS/ASP.NET routing ignores case and a trailing slash, so this does too (casing switch or not). */
function routeOf(path: string): Route {
  const lower = path.toLowerCase()
  const test = lower === GROUPCALL_TEST_PREFIX || lower.startsWith(`${GROUPCALL_TEST_PREFIX}/`)
  const rest = (test ? lower.slice(GROUPCALL_TEST_PREFIX.length) : lower).replace(/\/$/, '')
  const match = /^\/api\/sendmessage_v3\/([a-z]+)$/.exec(rest)
  const route = GROUPCALL_ROUTES.find((r) => r.toLowerCase() === match?.[1])
  if (route) return { kind: 'send', environment: test ? 'test' : 'production', route }
  return rest === '/api' || rest.startsWith('/api/') ? { kind: 'api-not-found' } : { kind: 'not-found' }
}

function sendResults(results: ReadonlyArray<GroupcallSendResult>): SimResponse {
  return { status: 200, headers: JSON_TYPE, body: JSON.stringify(results) }
}

const dataNotValid: GroupcallSendResult = {
  WarningMessages: [],
  errorMsg: GROUPCALL_TEXT.dataNotValid,
  MessageSentId: 0,
  MessageId: null,
  statusMsg: null,
  transmitDateTime: null,
  ClientRef: null,
}

export function createGroupcallSimulator(): ProviderSimulator<GroupcallSimOptions> {
  let options: GroupcallSimOptions = { ...GROUPCALL_SIM_DEFAULTS }
  let sequence = 0

  function malformed(httpError: SimResponse): SimResponse {
    return options.malformedRequests === 'http-error' ? httpError : sendResults([dataNotValid])
  }

  function send(request: SimRequest, context: SimContext, environment: GroupcallEnvironment, route: GroupcallRoute): SimResponse {
    const contentType = request.headers['content-type']
    const parsed = parseSendBody(request.body, contentType, options.strictCasing)
    switch (parsed.kind) {
      case 'unsupported-media-type':
        return malformed(webApiError(415, `The request entity's media type '${parsed.mediaType}' is not supported for this resource.`))
      case 'invalid-json':
      case 'no-message-data':
        return malformed(webApiError(400, 'The request is invalid.'))
      case 'ok':
        break
    }
    const rules: SendRules = {
      strict: options.strictCasing,
      stringRecipients: options.stringRecipients,
      reservedNumbers: options.reservedNumbers,
      missingAuthFields: options.missingAuthFields,
    }
    const target = { environment, route, root: parsed.root }
    const now = context.now()
    const results = parsed.items.map((item) => {
      const outcome = evaluateItem(item, target, rules)
      if (outcome.kind === 'queued') sequence += 1
      return toResult(outcome, clientRefOf(item, options.strictCasing), { now, sequence })
    })
    return sendResults(results)
  }

  return {
    id: 'groupcall',
    baseUrlPath: () => '',
    scenarios: () => GROUPCALL_SCENARIOS,
    accountOf: (request) => firstCustomerId(request.body),
    handle(request, context) {
      const route = routeOf(request.path)
      if (route.kind === 'not-found') return { status: 404, headers: { 'content-type': 'text/html' }, body: IIS_NOT_FOUND }
      if (route.kind === 'api-not-found') {
        return webApiError(404, `No HTTP resource was found that matches the request URI '${context.origin}${request.path}'.`)
      }
      if (request.method !== 'POST') {
        return webApiError(405, `The requested resource does not support http method '${request.method}'.`, { allow: 'POST' })
      }
      return send(request, context, route.environment, route.route)
    },
    get options() {
      return options
    },
    setOptions(patch) {
      options = { ...options, ...patch }
    },
    reset() {
      options = { ...GROUPCALL_SIM_DEFAULTS }
      sequence = 0
    },
  }
}

/**
 * The remaining third-party endpoints and the route table. Devices are modelled; inbox,
 * settings, webhooks and logs answer with empty but well-typed bodies, so that their scope
 * checks (the part a credential tester cares about) can be exercised.
 */
import type { SimResponse } from '../../simulators/types'
import { type EndpointKey } from './scopes'
import { issueToken, refreshToken, revokeToken } from './simulator-auth-routes'
import { cancelMessage, getMessage, listMessages, sendMessage } from './simulator-message-routes'
import type { SeedDevice } from './simulator-scenarios'
import { userKey, type RouteHandler } from './simulator-state'
import { newId } from './simulator-tokens'
import { errorResponse, json, parseJsonBody, rfc3339, statusOnly } from './simulator-wire'

const DAY_MS = 86_400_000

/** smsgateway.Device; timestamps derive from the seeding time so they are stable between requests. */
function deviceDto(device: SeedDevice, seededAtMs: number): Record<string, unknown> {
  return {
    id: device.id,
    name: device.name,
    createdAt: rfc3339(seededAtMs - 30 * DAY_MS),
    updatedAt: rfc3339(seededAtMs - DAY_MS),
    lastSeen: rfc3339(seededAtMs - 5 * 60_000),
    ...(device.simCards.length > 0 ? { simCards: device.simCards } : {}),
  }
}

const listDevices: RouteHandler = ({ state, user }) =>
  json(
    200,
    (state.devices.get(userKey(user)) ?? []).map((device) => deviceDto(device, state.seededAtMs)),
  )

const deleteDevice: RouteHandler = ({ state, user, params }) => {
  const devices = state.devices.get(userKey(user)) ?? []
  const index = devices.findIndex((device) => device.id === params.id)
  // [infer] devices.ErrNotFound's text.
  if (index < 0) return errorResponse(404, 'not found')
  devices.splice(index, 1)
  return statusOnly(204)
}

const emptyList =
  (withTotal = false): RouteHandler =>
  () =>
    json(200, [], withTotal ? { 'x-total-count': '0' } : {})

const accepted =
  (headers: Readonly<Record<string, string>> = {}): RouteHandler =>
  () =>
    statusOnly(202, headers)

const settings: RouteHandler = () => json(200, {})

/** Echoes a registered webhook with an id, as the app would store it. */
const registerWebhook: RouteHandler = ({ request }) => {
  const body = parseJsonBody(request, 'smsgateway.Webhook')
  if (!body.ok) return body.response
  const { url, event, deviceId } = body.value
  // [infer] The server's validator text for these fields was not read; only the 400 matters here.
  if (typeof url !== 'string' || typeof event !== 'string') return errorResponse(400, 'url and event are required')
  return json(201, { id: typeof body.value.id === 'string' ? body.value.id : newId(), url, event, ...(deviceId ? { deviceId } : {}) })
}

/** Every row of ENDPOINT_SCOPES has exactly one handler (checked by the type). */
export const ROUTE_HANDLERS: Readonly<Record<EndpointKey, RouteHandler>> = {
  'POST /auth/token': issueToken,
  'POST /auth/token/refresh': refreshToken,
  'DELETE /auth/token/:jti': revokeToken,
  'GET /messages': listMessages,
  'POST /messages': sendMessage,
  'GET /messages/:id': getMessage,
  'DELETE /messages/:id': cancelMessage,
  'POST /messages/inbox/export': accepted({ deprecation: 'true' }),
  'GET /devices': listDevices,
  'DELETE /devices/:id': deleteDevice,
  'GET /inbox': emptyList(true),
  'POST /inbox/refresh': accepted(),
  'GET /settings': settings,
  'PATCH /settings': settings,
  'PUT /settings': settings,
  'GET /webhooks': emptyList(),
  'POST /webhooks': registerWebhook,
  'DELETE /webhooks/:id': () => statusOnly(204),
  'GET /logs': emptyList(),
}

const HEALTH_PATHS = ['/health', '/health/live', '/health/ready', '/health/startup']

export const isHealthPath = (path: string): boolean => HEALTH_PATHS.includes(path.replace(/\/+$/, '').toLowerCase())

/** smsgateway.HealthResponse; the checks mirror what the server reports, values invented. */
export function health(): SimResponse {
  return json(200, {
    status: 'pass',
    version: 'simulator',
    releaseId: 1,
    checks: {
      'db:ping': { description: 'Failed sequential pings count', observedUnit: 'failed pings', observedValue: 0, status: 'pass' },
    },
  })
}

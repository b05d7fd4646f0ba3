/**
 * `/messages` endpoints (server `handlers/messages/3rdparty.go`, client-go `domain_messages.go`).
 * Messages stay `Pending`: no phone ever picks them up.
 */
import type { SimResponse } from '../../simulators/types'
import { userKey, type Content, type MessageRecord, type RouteContext, type RouteHandler } from './simulator-state'
import { newId } from './simulator-tokens'
import { errorResponse, goTypeError, isUnsignedInteger, json, parseJsonBody, rfc3339, validatorError } from './simulator-wire'

const isString = (value: unknown): boolean => typeof value === 'string'
const isBool = (value: unknown): boolean => typeof value === 'boolean'
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value)
const isIntIn = (min: number, max: number) => (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max

/** JSON field → Go type of smsgateway.Message, for encoding/json's type errors. */
const MESSAGE_FIELDS: ReadonlyArray<readonly [string, string, (value: unknown) => boolean]> = [
  ['id', 'string', isString],
  ['deviceId', 'string', isString],
  ['message', 'string', isString],
  ['textMessage', 'smsgateway.TextMessage', isObject],
  ['dataMessage', 'smsgateway.DataMessage', isObject],
  ['phoneNumbers', '[]string', (value) => Array.isArray(value) && value.every(isString)],
  ['isEncrypted', 'bool', isBool],
  ['simNumber', 'uint8', isIntIn(0, 255)],
  ['withDeliveryReport', 'bool', isBool],
  ['priority', 'int8', isIntIn(-128, 127)],
  ['ttl', 'uint64', isUnsignedInteger],
  ['validUntil', 'time.Time', isString],
  ['scheduleAt', 'time.Time', isString],
]

type Body = Readonly<Record<string, unknown>>
type Checked = { readonly ok: true; readonly content: Content } | { readonly ok: false; readonly message: string }

const present = (value: unknown): boolean => value !== undefined && value !== null

function content(body: Body): Content | null {
  const text = body.textMessage as Body | undefined
  const data = body.dataMessage as Body | undefined
  if (present(text)) return { textMessage: { text: String(text?.text ?? '') } }
  if (present(data)) return { dataMessage: { data: String(data?.data ?? ''), port: Number(data?.port ?? 0) } }
  return typeof body.message === 'string' && body.message !== '' ? { textMessage: { text: body.message } } : null
}

/** The validator tags and `Message.Validate()` checks a probe or client can plausibly trip. */
function checkMessage(body: Body): Checked {
  for (const [field, goType, valid] of MESSAGE_FIELDS) {
    const value = body[field]
    if (present(value) && !valid(value)) return { ok: false, message: `failed to parse body: ${goTypeError(value, `Message.${field}`, goType)}` }
  }
  const phones = Array.isArray(body.phoneNumbers) ? (body.phoneNumbers as ReadonlyArray<string>) : null
  const tag = (field: string, name: string) => ({ ok: false as const, message: validatorError('Message', field, name) })
  if (phones === null) return tag('PhoneNumbers', 'required')
  if (phones.length === 0) return tag('PhoneNumbers', 'min')
  if (phones.length > 100) return tag('PhoneNumbers', 'max')
  const blank = phones.indexOf('')
  if (blank >= 0) return tag(`PhoneNumbers[${blank}]`, 'required')
  if (typeof body.id === 'string' && body.id.length > 36) return tag('ID', 'max')
  if (typeof body.deviceId === 'string' && body.deviceId.length > 21) return tag('DeviceID', 'max')
  if (typeof body.simNumber === 'number' && body.simNumber > 3) return tag('SimNumber', 'max')
  if (typeof body.ttl === 'number' && body.ttl > 0 && body.ttl < 5) return tag('TTL', 'min')
  const text = (body.textMessage as Body | undefined)?.text
  if (present(body.textMessage) && (typeof text !== 'string' || text === '')) return { ok: false, message: validatorError('Message.TextMessage', 'Text', 'required') }
  const filled = [body.message !== undefined && body.message !== '' && body.message !== null, present(body.textMessage), present(body.dataMessage)].filter(Boolean).length
  const exactlyOne = 'must specify exactly one of: textMessage or dataMessage'
  if (filled === 0) return { ok: false, message: `validation failed: ${exactlyOne}` }
  if (filled > 1) return { ok: false, message: `conflict fields: ${exactlyOne}` }
  if (present(body.ttl) && present(body.validUntil)) return { ok: false, message: 'conflict fields: ttl and validUntil' }
  const built = content(body)
  return built === null ? { ok: false, message: 'No message content provided' } : { ok: true, content: built }
}

/** smsgateway.MessageState; `createdAt` as the server's converter sets it, content only on request. */
function messageState(record: MessageRecord, includeContent = false): Record<string, unknown> {
  return {
    id: record.id,
    deviceId: record.deviceId,
    state: record.state,
    isHashed: false,
    isEncrypted: record.isEncrypted,
    recipients: record.phoneNumbers.map((phoneNumber) => ({ phoneNumber, state: record.state })),
    states: record.states,
    createdAt: rfc3339(record.createdAtMs),
    ...(includeContent ? record.content : {}),
  }
}

function userMessages(context: RouteContext): Map<string, MessageRecord> {
  const key = userKey(context.user)
  const existing = context.state.messages.get(key)
  if (existing) return existing
  const created = new Map<string, MessageRecord>()
  context.state.messages.set(key, created)
  return created
}

export const sendMessage: RouteHandler = (context) => {
  const body = parseJsonBody(context.request, 'smsgateway.Message')
  if (!body.ok) return body.response
  const checked = checkMessage(body.value)
  if (!checked.ok) return errorResponse(400, checked.message)
  const devices = context.state.devices.get(userKey(context.user)) ?? []
  const wanted = typeof body.value.deviceId === 'string' && body.value.deviceId !== '' ? body.value.deviceId : null
  const device = wanted === null ? devices[0] : devices.find((candidate) => candidate.id === wanted)
  // [infer] devices.ErrNotFound wrapped by the handler; the dossier quotes the prefix only.
  if (device === undefined) return errorResponse(400, 'failed to select device: not found')
  const messages = userMessages(context)
  const id = typeof body.value.id === 'string' && body.value.id !== '' ? body.value.id : newId()
  if (messages.has(id)) return errorResponse(409, 'message with the same ID already exists')
  const record: MessageRecord = {
    id,
    deviceId: device.id,
    state: 'Pending',
    isEncrypted: body.value.isEncrypted === true,
    phoneNumbers: body.value.phoneNumbers as ReadonlyArray<string>,
    states: { Pending: rfc3339(context.nowMs) },
    createdAtMs: context.nowMs,
    content: checked.content,
  }
  messages.set(id, record)
  // [infer] The server builds Location from its named route; this is the URL that answers here.
  return json(202, messageState(record), { location: `${context.server.prefix}/messages/${encodeURIComponent(id)}` })
}

const notFoundMessage = (): SimResponse => errorResponse(404, 'message not found')

export const getMessage: RouteHandler = (context) => {
  const record = userMessages(context).get(context.params.id ?? '')
  return record === undefined ? notFoundMessage() : json(200, messageState(record))
}

export const cancelMessage: RouteHandler = (context) => {
  const record = userMessages(context).get(context.params.id ?? '')
  if (record === undefined) return notFoundMessage()
  // [infer] texts and the final state: the dossier gives only "200 state; 409 if not pending".
  if (record.state !== 'Pending') return errorResponse(409, 'message is not pending')
  record.state = 'Cancelled'
  record.states.Cancelled = rfc3339(context.nowMs)
  return json(200, messageState(record))
}

type Query = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly response: SimResponse }

function intQuery(context: RouteContext, name: string, fallback: number, min: number, max: number): Query {
  const raw = context.request.query.get(name)
  if (raw === null || raw === '') return { ok: true, value: fallback }
  const value = Number(raw)
  if (!/^-?\d+$/.test(raw)) {
    return { ok: false, response: errorResponse(400, `failed to parse query: failed to decode: schema: error converting value for "${name}"`) }
  }
  const field = name.charAt(0).toUpperCase() + name.slice(1)
  if (value < min || value > max) {
    return { ok: false, response: errorResponse(400, validatorError('thirdPartyGetQueryParams', field, value < min ? 'min' : 'max')) }
  }
  return { ok: true, value }
}

export const listMessages: RouteHandler = (context) => {
  const limit = intQuery(context, 'limit', 50, 1, 100)
  if (!limit.ok) return limit.response
  const offset = intQuery(context, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
  if (!offset.ok) return offset.response
  const query = context.request.query
  const ascending = query.get('sort') === 'created_at'
  const matching = [...userMessages(context).values()]
    .filter((record) => (query.get('state') ?? record.state) === record.state)
    .filter((record) => (query.get('deviceId') ?? record.deviceId) === record.deviceId)
    .sort((a, b) => (ascending ? a.createdAtMs - b.createdAtMs : b.createdAtMs - a.createdAtMs))
  const page = matching.slice(offset.value, offset.value + limit.value)
  const includeContent = query.get('includeContent') === 'true'
  return json(
    200,
    page.map((record) => messageState(record, includeContent)),
    { 'x-total-count': String(matching.length) },
  )
}

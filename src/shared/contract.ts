/**
 * The IPC contract: every channel is declared here once, as `domain:action`, with a zod
 * schema for its request and a type for its response. Main-to-renderer events have their
 * own map. Main parses every request against its schema; responses are not re-parsed.
 */
import { z } from 'zod'
import type { AccountView, AppInfo } from './model'

export interface ChannelSpec<Req extends z.ZodType, Res> {
  readonly request: Req
  /** Phantom: carries the response type only. */
  readonly response?: Res
}

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelSpec<Req, Res> => ({ request })
}

function event<Payload>(): { readonly payload?: Payload } {
  return {}
}

/** For calls that take no argument. */
const none = z.undefined()

export const channels = {
  'app:info': channel<AppInfo>()(none),
  'accounts:list': channel<ReadonlyArray<AccountView>>()(none),
} as const

export const events = {
  'accounts:changed': event<{ readonly ids: ReadonlyArray<string> }>(),
} as const

export type ChannelName = keyof typeof channels
export type EventName = keyof typeof events

type SpecOf<C extends ChannelName> = (typeof channels)[C]
export type RequestOf<C extends ChannelName> = z.input<SpecOf<C>['request']>
export type ParsedRequestOf<C extends ChannelName> = z.output<SpecOf<C>['request']>
export type ResponseOf<C extends ChannelName> = SpecOf<C> extends ChannelSpec<z.ZodType, infer R> ? R : never
export type EventPayloadOf<E extends EventName> = NonNullable<(typeof events)[E]['payload']>

export const CHANNEL_NAMES = Object.keys(channels) as ReadonlyArray<ChannelName>
export const EVENT_NAMES = Object.keys(events) as ReadonlyArray<EventName>

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value)
}

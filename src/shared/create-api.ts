/**
 * Builds `window.authdesk` from the contract: one named function per channel
 * (`accounts:import-env` becomes `authdesk.accounts.importEnv`) and one `on…` function per
 * event. No generic invoke is exposed. The same function serves the Electron preload and the
 * e2e harness, so the renderer cannot tell the two transports apart.
 */
import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  type ChannelName,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
} from './contract'
import type { Result } from './result'

export interface Transport {
  invoke(channel: ChannelName, payload: unknown): Promise<Result<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type PascalEvent<E extends string> = E extends `${infer D}:${infer A}` ? `${Capitalize<D>}${Capitalize<CamelCase<A>>}` : never

type Call<C extends ChannelName> = undefined extends RequestOf<C>
  ? (payload?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
  : (payload: RequestOf<C>) => Promise<Result<ResponseOf<C>>>

type DomainApi<D extends string> = {
  readonly [C in ChannelName as C extends `${D}:${infer A}` ? CamelCase<A> : never]: Call<C>
}

export type AuthDeskApi = { readonly [D in DomainOf<ChannelName>]: DomainApi<D> } & {
  readonly events: {
    readonly [E in EventName as `on${PascalEvent<E>}`]: (listener: (payload: EventPayloadOf<E>) => void) => () => void
  }
}

export function camelCase(text: string): string {
  return text.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

export function eventMethodName(name: EventName): string {
  const [domain = '', action = ''] = name.split(':')
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
  return `on${cap(domain)}${cap(camelCase(action))}`
}

export function createApi(transport: Transport): AuthDeskApi {
  const api: Record<string, Record<string, unknown>> = { events: {} }
  for (const name of CHANNEL_NAMES) {
    const [domain = '', action = ''] = name.split(':')
    const group = (api[domain] ??= {})
    group[camelCase(action)] = (payload?: unknown) => transport.invoke(name, payload)
  }
  for (const name of EVENT_NAMES) {
    api.events![eventMethodName(name)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function')
      return transport.subscribe(name, listener)
    }
  }
  return Object.freeze(Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.freeze(v)]))) as AuthDeskApi
}

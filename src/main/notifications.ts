import type { EventName, EventPayloadOf } from '../shared/contract'

/** Core events that become a desktop notification; both carry a title and a body without secrets. */
export const NOTIFYING_EVENTS: ReadonlySet<EventName> = new Set<EventName>(['fleet:notify', 'tokens:notify'])

export interface NotificationApi {
  isSupported(): boolean
  show(title: string, body: string, onClick: () => void): void
}

/** Shows each notifying event once; other events pass by. */
export function notifyFrom(api: NotificationApi, onClick: () => void) {
  return <E extends EventName>(name: E, payload: EventPayloadOf<E>): void => {
    if (!NOTIFYING_EVENTS.has(name) || !api.isSupported()) return
    const { title, body } = payload as EventPayloadOf<'fleet:notify' | 'tokens:notify'>
    api.show(title, body, onClick)
  }
}

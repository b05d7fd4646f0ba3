import type { EventName, EventPayloadOf } from '../shared/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void

/** Core's main-to-renderer events (contract `events`), forwarded by main or the e2e harness. */
export class EventHub {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): void {
    for (const listener of this.listeners) listener(name, payload)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}

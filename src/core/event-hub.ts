import type { EventName, EventPayloadOf } from '../shared/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void

/**
 * Core's main-to-renderer events (contract `events`), forwarded by main or the e2e harness.
 * Every payload passes the secret scrubber before any listener sees it.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>()

  constructor(private readonly scrub: <T>(value: T) => T = (value) => value) {}

  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): void {
    if (this.listeners.size === 0) return
    const clean = this.scrub(payload)
    for (const listener of this.listeners) listener(name, clean)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}

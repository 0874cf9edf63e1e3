import type { EventContract, PayloadOf } from '@shared/contracts';

export type EventListener = (channel: string, payload: unknown) => void;

/**
 * Pushed events, checked against their contract before any transport (IPC, server-sent events) sees them.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventContract>(event: E, payload: PayloadOf<E>): void {
    const checked = event.payload.parse(payload);
    for (const listener of this.listeners) listener(event.channel, checked);
  }

  /** Adds a transport; returns the function that removes it. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

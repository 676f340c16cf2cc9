/** Push events from the core to whichever transport is attached (Electron webContents, harness SSE). */
import type { EventName, EventPayload } from '../../src-shared/ipc/events';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      for (const l of listeners) {
        try {
          l(event, payload);
        } catch {
          /* a broken transport must not break the core */
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Push events from the core to whichever transport is attached (Electron webContents, harness SSE). */
import type { DataRoot } from '../../src-shared/ipc/data-roots';
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

/**
 * Announces that a write changed these data roots; every screen showing them refreshes, whoever
 * made the change (a screen, the scheduler, the tray). Call it after the write has committed.
 */
export function emitDataChanged(events: Pick<EventBus, 'emit'>, ...roots: [DataRoot, ...DataRoot[]]): void {
  events.emit('data:changed', { roots });
}

/**
 * 受付停止 / 受付再開 over IPC. Each switch emits data:changed {app} so the banner (driven by
 * app:info.storeClosed) refreshes at once, and the scheduler pauses or resumes.
 */
import type { EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { StoreMode } from './store-mode';

export function createStoreHandlers(deps: { storeMode: StoreMode; events: EventBus }): Pick<Handlers, 'store:close' | 'store:open'> {
  const set = (closed: boolean) => {
    const storeClosed = deps.storeMode.switch(closed);
    deps.events.emit('data:changed', { domain: 'app' });
    return { storeClosed };
  };
  return {
    'store:close': () => set(true),
    'store:open': () => set(false),
  };
}

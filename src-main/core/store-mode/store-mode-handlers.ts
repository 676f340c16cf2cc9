/**
 * 受付停止 / 受付再開 over IPC. Each switch writes the 管理者ログ and announces the roots app (the
 * banner, driven by app:info.storeClosed; the scheduler pauses or resumes) and taxUpdate (the
 * 管理者ログ) so both refresh at once.
 */
import { emitDataChanged, type EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { StoreMode } from './store-mode';

export function createStoreHandlers(deps: { storeMode: StoreMode; events: EventBus }): Pick<Handlers, 'store:close' | 'store:open'> {
  const set = (closed: boolean) => {
    const storeClosed = deps.storeMode.switch(closed);
    emitDataChanged(deps.events, 'app', 'taxUpdate');
    return { storeClosed };
  };
  return {
    'store:close': () => set(true),
    'store:open': () => set(false),
  };
}

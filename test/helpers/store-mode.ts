/**
 * Writes 受付停止 straight into app_state, as code that does not announce it would (no 管理者ログ,
 * no data:changed): the services must still read the database as the truth.
 */
import type { Core } from '../../src-main/core/create-core';

export function setStoreClosed(core: Core, closed: boolean, now = core.services.ports.now()): void {
  core.services.repos.appState.setFlag('store.closed', closed, now);
}

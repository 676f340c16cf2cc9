/** IPC handler of 「最新まで取込」 over the core's shared import service. */
import type { Handler } from '../ipc/handler-types';
import { catchUpImport, type CatchUpDeps } from './import-catch-up';

export function createCatchUpHandlers(deps: CatchUpDeps): { 'import:catchUp': Handler<'import:catchUp'> } {
  return { 'import:catchUp': ({ settingId }) => catchUpImport(deps, settingId) };
}

/** IPC handlers of 出荷取込処理, システムログ and the imported 出荷伝票 / 請求伝票. */
import type { CoreContext } from '../core-context';
import type { Handler } from '../ipc/handler-types';
import { getRun, listLogs, listRuns, listTargets, runLogs } from './import-queries';
import { importService } from './import-service';
import { getInvoice, getShipment, listInvoices, listShipments } from '../slips/slip-queries';

type ImportChannels =
  | 'import:targets'
  | 'import:run'
  | 'import:preview'
  | 'import:cancel'
  | 'import:history'
  | 'import:get'
  | 'systemLog:list'
  | 'shipments:list'
  | 'shipments:get'
  | 'invoices:list'
  | 'invoices:get';

/** Handlers of the import channels, over the core's shared import service. */
export function createImportHandlers(ctx: CoreContext): { [C in ImportChannels]: Handler<C> } {
  const service = importService(ctx);
  return {
    'import:targets': () => ({ rows: listTargets(ctx.db).map((t) => ({ ...t, running: service.isRunning(t.id) })) }),
    'import:run': ({ settingId }) => ({ runId: service.start(settingId, { dryRun: false, trigger: 'manual' }).runId }),
    'import:preview': ({ settingId }) => ({ runId: service.start(settingId, { dryRun: true, trigger: 'manual' }).runId }),
    'import:cancel': ({ runId }) => ({ cancelled: service.cancel(runId) }),
    'import:history': (q) => ({ rows: listRuns(ctx.db, q) }),
    'import:get': ({ runId }) => ({ run: getRun(ctx.db, runId), logs: runLogs(ctx.db, runId), plan: service.plan(runId) }),
    'systemLog:list': (q) => listLogs(ctx.db, q),
    'shipments:list': (q) => listShipments(ctx.db, q),
    'shipments:get': ({ id }) => getShipment(ctx.db, id),
    'invoices:list': (q) => listInvoices(ctx.db, q),
    'invoices:get': ({ id }) => getInvoice(ctx.db, id),
  };
}

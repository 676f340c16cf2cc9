/** IPC handlers of 出荷取込処理, システムログ and the imported 出荷伝票 / 請求伝票. */
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { Handler } from '../ipc/handler-types';
import type { Repositories } from '../repositories';
import type { ImportService } from './import-service';
import type { ReviewService } from './review-service';

type ImportChannels =
  | 'import:targets'
  | 'import:run'
  | 'import:preview'
  | 'import:cancel'
  | 'import:history'
  | 'import:get'
  | 'systemLog:list'
  | 'reviews:list'
  | 'reviews:count'
  | 'reviews:dismiss'
  | 'reviews:createInvoice'
  | 'shipments:list'
  | 'shipments:get'
  | 'invoices:list'
  | 'invoices:get';

/** Handlers of the import channels, over the core's shared import service. */
export function createImportHandlers(
  service: ImportService,
  reviews: ReviewService,
  repos: Pick<Repositories, 'ecSettings' | 'importRuns' | 'slips'>,
  changed: (...roots: [DataRoot, ...DataRoot[]]) => void,
): { [C in ImportChannels]: Handler<C> } {
  const { importRuns, slips } = repos;
  return {
    'import:targets': () => ({ rows: repos.ecSettings.targets().map((t) => ({ ...t, running: service.isRunning(t.id) })) }),
    'import:run': ({ settingId }) => ({ runId: service.start(settingId, { dryRun: false, trigger: 'manual' }).runId }),
    'import:preview': ({ settingId }) => ({ runId: service.start(settingId, { dryRun: true, trigger: 'manual' }).runId }),
    'import:cancel': ({ runId }) => ({ cancelled: service.cancel(runId) }),
    'import:history': (q) => ({ rows: importRuns.listRuns(q) }),
    'import:get': ({ runId }) => ({ run: importRuns.getRun(runId), logs: importRuns.runLogs([runId]), plan: service.plan(runId) }),
    'systemLog:list': (q) => importRuns.listLogs(q),
    'reviews:list': (q) => ({ rows: reviews.list(q) }),
    'reviews:count': () => ({ open: reviews.count() }),
    'reviews:dismiss': ({ id, note }) => {
      const row = reviews.dismiss(id, note);
      changed('import', 'systemLog');
      return row;
    },
    'reviews:createInvoice': ({ id }) => {
      const out = reviews.createInvoice(id);
      changed('import', 'systemLog', 'slips');
      return out;
    },
    'shipments:list': (q) => slips.listShipments(q),
    'shipments:get': ({ id }) => slips.getShipment(id),
    'invoices:list': (q) => slips.listInvoices(q),
    'invoices:get': ({ id }) => slips.getInvoice(id),
  };
}

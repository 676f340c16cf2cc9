/**
 * IPC handlers of 定期申込 and the 消費税自動更新. Edits and imports of applications are refused
 * while 受付停止 (STORE_CLOSED); the update itself needs it (STORE_NOT_CLOSED).
 */
import { isTaxUpdateTarget } from '../../../src-shared/tax-update/rate-change-event';
import { AppError } from '../../../src-shared/errors';
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { CoreContext } from '../core-context';
import { emitDataChanged } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import { assertStoreOpen } from '../store-mode/store-mode';
import { listAdminLogs } from './admin-log';
import type { CsvJobs } from '../csv/csv-jobs';
import { csvInvalid } from '../csv/csv-problems';
import { csvDownloadOf } from '../csv/csv-write';
import { serialisePlanChangesCsv } from './plan-csv';
import { addRateEvent, getRateEvent, listRateEvents } from './rate-event-repository';
import { parseSubscriptionCsv, serialiseSubscriptionCsv } from '../subscriptions/subscription-csv';
import { getApplication, listApplications, loadAllApplications, replaceAllApplications, saveApplication, toPlainApplication } from '../subscriptions/subscription-repository';
import { createStoreHandlers } from '../store-mode/store-mode-handlers';
import { getRun, listRunChanges, listRuns, restoreRun } from './tax-update-history';
import { createTaxUpdateService } from './tax-update-service';

type Channels =
  | 'store:close'
  | 'store:open'
  | 'subscriptions:list'
  | 'subscriptions:get'
  | 'subscriptions:save'
  | 'subscriptions:import'
  | 'subscriptions:export'
  | 'taxUpdate:events'
  | 'taxUpdate:addEvent'
  | 'taxUpdate:preview'
  | 'taxUpdate:previewCsv'
  | 'taxUpdate:apply'
  | 'taxUpdate:history'
  | 'taxUpdate:changes'
  | 'taxUpdate:restore';

export function createTaxUpdateHandlers(ctx: CoreContext, csvJobs: CsvJobs): Pick<Handlers, Channels> {
  const { db } = ctx;
  const service = createTaxUpdateService({
    db,
    dataDir: ctx.dataDir,
    now: () => ctx.now(),
    nowMs: () => ctx.clock.now(),
    onPhase: (eventId, phase) => ctx.events.emit('taxUpdate:progressed', { eventId, phase }),
  });
  const changed = (...roots: [DataRoot, ...DataRoot[]]) => emitDataChanged(ctx.events, ...roots);

  return {
    ...createStoreHandlers(ctx),
    'subscriptions:list': (input) => listApplications(db, input),
    'subscriptions:get': (input) => {
      const app = getApplication(db, input.code);
      if (!app) throw new AppError('NOT_FOUND', `申込コード「${input.code}」の定期申込が見つかりません。一覧を更新してから、もう一度お試しください。`);
      return app;
    },
    'subscriptions:save': (input) => {
      assertStoreOpen(db, '定期申込の編集');
      saveApplication(db, input.application, input.create, ctx.now());
      changed('subscriptions');
      return getApplication(db, input.application.code)!;
    },
    'subscriptions:import': (input) =>
      csvJobs.run(input.jobId, async (job) => {
        assertStoreOpen(db, '定期申込のCSV取込');
        const bytes = Buffer.from(input.contentBase64, 'base64');
        const parsed = await parseSubscriptionCsv(bytes, { encoding: input.encoding, signal: job.signal, onProgress: job.onProgress });
        if (!parsed.ok) throw csvInvalid('定期申込', parsed.problems);
        await job.beginWrite();
        // reading let other calls run: the store may have closed (tax update) meanwhile
        assertStoreOpen(db, '定期申込のCSV取込');
        const counts = replaceAllApplications(db, parsed.applications, ctx.now());
        ctx.logger.child('subscriptions').info('imported', { file: input.fileName.slice(0, 120), ...counts });
        changed('subscriptions');
        return { ...counts, encoding: parsed.encoding };
      }),
    'subscriptions:export': (input) => {
      let apps = loadAllApplications(db);
      let name = '定期申込';
      if (input.targetsOf !== undefined) {
        const event = getRateEvent(db, input.targetsOf, ctx.now());
        apps = apps.filter((a) => isTaxUpdateTarget(a, event));
        name = `定期申込_自動更新対象_${event.id}`;
      }
      const plain = apps.map(toPlainApplication);
      return csvDownloadOf(serialiseSubscriptionCsv(plain, { encoding: input.encoding }), name, ctx.now(), input.encoding, plain.length);
    },
    'taxUpdate:events': () => listRateEvents(db, ctx.now()),
    'taxUpdate:addEvent': (input) => {
      const row = addRateEvent(db, input, ctx.now());
      changed('taxUpdate');
      return row;
    },
    'taxUpdate:preview': (input) => {
      const { plan, hash } = service.preview(input.eventId, input.rounding);
      const offset = input.offset ?? 0;
      const changes = plan.changes.slice(offset, offset + (input.limit ?? 1000));
      const codes = new Set(changes.map((c) => c.applicationCode));
      return {
        eventId: plan.eventId,
        rounding: plan.mode,
        targets: plan.targets,
        changedApplications: plan.totals.changedApplications,
        changedPrices: plan.totals.changedPrices,
        totals: { before: plan.totals.before, after: plan.totals.after },
        planHash: hash,
        changeCount: plan.changes.length,
        offset,
        changes,
        salePrices: plan.salePrices.filter((s) => codes.has(s.applicationCode)),
      };
    },
    'taxUpdate:previewCsv': (input) => {
      const { plan } = service.preview(input.eventId, input.rounding);
      const file = serialisePlanChangesCsv(plan, { encoding: input.encoding });
      return csvDownloadOf(file, `消費税自動更新プレビュー_${plan.eventId}`, ctx.now(), input.encoding, plan.changes.length);
    },
    'taxUpdate:apply': async (input) => {
      const run = await service.apply(input);
      changed('subscriptions', 'taxUpdate');
      return run;
    },
    'taxUpdate:history': () => ({ runs: listRuns(db), adminLogs: listAdminLogs(db) }),
    'taxUpdate:changes': (input) => listRunChanges(db, input.runId, input.offset ?? 0, input.limit ?? 1000),
    'taxUpdate:restore': (input) => {
      getRun(db, input.runId);
      const run = restoreRun(db, input.runId, ctx.now());
      changed('subscriptions', 'taxUpdate');
      return run;
    },
  };
}

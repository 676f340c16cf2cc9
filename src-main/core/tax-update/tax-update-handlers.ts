/**
 * IPC handlers of 定期申込 and the 消費税自動更新. Edits and imports of applications are refused
 * while 受付停止 (STORE_CLOSED); the update itself needs it (STORE_NOT_CLOSED).
 */
import { isTaxUpdateTarget } from '../../../src-shared/tax-update/rate-change-event';
import { AppError } from '../../../src-shared/errors';
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import { validateRateChangeEvent } from '../../../src-shared/tax-update/rate-change-event';
import type { RateChangeEvent, SubscriptionApplication } from '../../../src-shared/tax-update/types';
import type { CsvJobs } from '../csv/csv-jobs';
import { csvInvalid } from '../csv/csv-problems';
import { csvDownloadOf } from '../csv/csv-write';
import { emitDataChanged, type EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { CorePorts } from '../ports';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import { parseSubscriptionCsv, serialiseSubscriptionCsv, serialiseSubscriptionCsvStream } from '../subscriptions/subscription-csv';
import { toPlainApplication } from '../subscriptions/subscription-repository';
import { serialisePlanChangesCsv } from './plan-csv';
import type { RateChangeEventRow } from './tax-update-repository';
import type { TaxUpdateService } from './tax-update-service';

type Channels =
  | 'subscriptions:list'
  | 'subscriptions:get'
  | 'subscriptions:save'
  | 'subscriptions:delete'
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

/** Adds a later event after validateRateChangeEvent; CONFLICT when the id is taken. */
function addRateEvent(repos: Pick<Repositories, 'taxUpdate'>, event: RateChangeEvent, now: string): RateChangeEventRow {
  const problems = validateRateChangeEvent(event);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', '税率改定の設定に誤りがあります。各項目のメッセージを確認して修正してください。', {
      fields: problems,
    });
  }
  if (repos.taxUpdate.eventExists(event.id, now)) {
    const message = `ID「${event.id}」の税率改定はすでに登録されています。別のIDを入力してください。`;
    throw new AppError('CONFLICT', message, { fields: [{ path: 'id', message }] });
  }
  repos.taxUpdate.insertEvent(event, now);
  return repos.taxUpdate.getEvent(event.id, now);
}

export interface TaxUpdateHandlerDeps {
  taxUpdate: TaxUpdateService;
  repos: Pick<Repositories, 'subscriptions' | 'taxUpdate' | 'adminLogs'>;
  storeMode: StoreMode;
  events: EventBus;
  /** CSV取込 in progress (progress events, 中止), shared with the master imports */
  csvJobs: CsvJobs;
  ports: Pick<CorePorts, 'logger' | 'now'>;
}

export function createTaxUpdateHandlers({
  taxUpdate: service,
  repos,
  storeMode,
  events,
  csvJobs,
  ports,
}: TaxUpdateHandlerDeps): Pick<Handlers, Channels> {
  const subscriptions = repos.subscriptions;
  const changed = (...roots: [DataRoot, ...DataRoot[]]) => emitDataChanged(events, ...roots);

  return {
    'subscriptions:list': (input) => subscriptions.list(input),
    'subscriptions:get': (input) => {
      const app = subscriptions.get(input.code);
      if (!app)
        throw new AppError(
          'NOT_FOUND',
          `申込コード「${input.code}」の定期申込が見つかりません。一覧を更新してから、もう一度お試しください。`,
        );
      return app;
    },
    'subscriptions:save': (input) => {
      storeMode.assertOpen('定期申込の編集');
      subscriptions.save(input.application, input.create, ports.now());
      changed('subscriptions');
      return subscriptions.get(input.application.code)!;
    },
    'subscriptions:delete': (input) => {
      // like an edit: refused while 受付停止 (the tax update reads a closed store's applications)
      storeMode.assertOpen('定期申込の削除');
      if (!subscriptions.delete(input.code)) {
        throw new AppError(
          'NOT_FOUND',
          `申込コード「${input.code}」の定期申込が見つかりません。すでに削除されたかもしれません。一覧を更新して確かめてください。`,
        );
      }
      ports.logger.child('subscriptions').info('deleted', { code: input.code });
      changed('subscriptions');
      return { code: input.code };
    },
    'subscriptions:import': (input) =>
      csvJobs.run(input.jobId, async (job) => {
        storeMode.assertOpen('定期申込のCSV取込');
        const bytes = Buffer.from(input.contentBase64, 'base64');
        const parsed = await parseSubscriptionCsv(bytes, { encoding: input.encoding, signal: job.signal, onProgress: job.onProgress });
        if (!parsed.ok) throw csvInvalid('定期申込', parsed.problems);
        await job.beginWrite();
        // reading let other calls run: the store may have closed (tax update) meanwhile
        storeMode.assertOpen('定期申込のCSV取込');
        const counts = subscriptions.replaceAll(parsed.applications, ports.now());
        ports.logger.child('subscriptions').info('imported', { file: input.fileName.slice(0, 120), ...counts });
        changed('subscriptions');
        return { ...counts, encoding: parsed.encoding };
      }),
    'subscriptions:export': (input) => {
      const event = input.targetsOf === undefined ? null : repos.taxUpdate.getEvent(input.targetsOf, ports.now());
      const name = event === null ? '定期申込' : `定期申込_自動更新対象_${event.id}`;
      const keep = (a: SubscriptionApplication): boolean => event === null || isTaxUpdateTarget(a, event);
      if (subscriptions.hasApplicationWithoutItems()) {
        // the refusal names each such application by its position: the whole list, as before
        const plain = subscriptions.loadAll().filter(keep).map(toPlainApplication);
        return csvDownloadOf(
          serialiseSubscriptionCsv(plain, { encoding: input.encoding }),
          name,
          ports.now(),
          input.encoding,
          plain.length,
        );
      }
      // streamed: a chunk of applications in memory at a time (100,000 applications in the books of bench/tax-update.bench.ts)
      let rows = 0;
      function* plain(): Generator<SubscriptionApplication> {
        for (const a of subscriptions.iterateById()) {
          if (!keep(a)) continue;
          rows++;
          yield toPlainApplication(a);
        }
      }
      const written = serialiseSubscriptionCsvStream(plain(), { encoding: input.encoding });
      return csvDownloadOf(written, name, ports.now(), input.encoding, rows);
    },
    'taxUpdate:events': () => repos.taxUpdate.listEvents(ports.now()),
    'taxUpdate:addEvent': (input) => {
      const row = addRateEvent(repos, input, ports.now());
      changed('taxUpdate');
      return row;
    },
    'taxUpdate:preview': (input) => {
      const offset = input.offset ?? 0;
      const { plan, changes, salePrices } = service.previewPage(input.eventId, input.rounding, offset, input.limit ?? 1000);
      return {
        eventId: plan.eventId,
        rounding: plan.mode,
        targets: plan.targets,
        changedApplications: plan.totals.changedApplications,
        changedPrices: plan.totals.changedPrices,
        totals: { before: plan.totals.before, after: plan.totals.after },
        planHash: plan.hash,
        changeCount: plan.changeCount,
        offset,
        changes,
        salePrices,
      };
    },
    'taxUpdate:previewCsv': (input) => {
      const { plan, changes } = service.previewAll(input.eventId, input.rounding);
      const file = serialisePlanChangesCsv(changes, { encoding: input.encoding });
      return csvDownloadOf(file, `消費税自動更新プレビュー_${plan.eventId}`, ports.now(), input.encoding, plan.changeCount);
    },
    'taxUpdate:apply': async (input) => {
      const run = await service.apply(input);
      changed('subscriptions', 'taxUpdate');
      return run;
    },
    'taxUpdate:history': () => ({ runs: repos.taxUpdate.listRuns(), adminLogs: repos.adminLogs.list() }),
    'taxUpdate:changes': (input) => repos.taxUpdate.listChanges(input.runId, input.offset ?? 0, input.limit ?? 1000),
    'taxUpdate:restore': (input) => {
      const run = service.restore(input.runId);
      changed('subscriptions', 'taxUpdate');
      return run;
    },
  };
}

/**
 * The one-time 消費税自動更新 over the database (docs/tax-rules.md#re-rating-in-the-tax-update):
 * preview = the plan streamed over the stored applications and the 商品 master into the database
 * (plan-stream.ts: bounded memory; the screen pages through the change list there); apply =
 * automatic database backup, then ONE synchronous transaction that takes the plan of the data it is
 * about to write — the streamed preview when the database was not written since (SQLite
 * total_changes + data_version unchanged), else the plan streamed again inside the transaction —
 * checks it is the plan the user previewed (planHash), and writes exactly that plan (set-based,
 * from the staged rows), the run record, its change list and the 管理者ログ. UNIQUE(rate_event_id)
 * over the runs not restored makes a second run impossible even when two calls race (a double click, or the CLI
 * beside the app).
 */
import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApplicationSalePrices, PlanChange } from '../../../src-shared/tax-update/types';
import { ROUNDING_LABELS, type RoundingMode } from '../../../src-shared/domain/rounding';
import { AppError } from '../../../src-shared/errors';
import { missingChecklistIds } from '../../../src-shared/tax-update/checklist';
import type { TaxUpdatePhase } from '../../../src-shared/tax-update/tax-update-events';
import { dataStamp } from '../db/data-stamp';
import { backupDatabase } from '../db/migrate';
import type { SqliteDb } from '../db/open';
import { classifyError, failureKind } from '../errors/classify-error';
import type { Repositories } from '../repositories';
import type { StoreMode } from '../store-mode/store-mode';
import { streamPlan, type StreamedPlan } from './plan-stream';
import type { RunSummary } from './tax-update-repository';

/** What the service needs from the core. */
export interface TaxUpdateDeps {
  repos: Pick<Repositories, 'subscriptions' | 'products' | 'taxUpdate' | 'adminLogs' | 'transaction'>;
  storeMode: Pick<StoreMode, 'isClosed'>;
  /** the connection itself: the automatic backup (SQLite's backup API) and the data stamp */
  sqlite: SqliteDb;
  dataDir: string;
  /** ISO-8601 +09:00 */
  now(): string;
  /** epoch ms, for backup file names */
  nowMs(): number;
  /** phase of a running apply (the IPC handler forwards it as taxUpdate:progressed) */
  onPhase?: (eventId: string, phase: TaxUpdatePhase) => void;
}

export interface ApplyRequest {
  eventId: string;
  rounding: RoundingMode;
  checked: readonly string[];
  understood: boolean;
  /** the preview's planHash; omitted only by callers that preview and apply in one step (CLI) */
  planHash?: string;
}

/** A page of the preview's change list with the sale prices of the applications on it. */
export interface PreviewPage {
  plan: StreamedPlan;
  changes: PlanChange[];
  salePrices: ApplicationSalePrices[];
}

function alreadyApplied(label: string, executedAt: string): AppError {
  return new AppError(
    'ALREADY_APPLIED',
    `「${label}」の消費税自動更新は${executedAt.slice(0, 16).replace('T', ' ')}に実行済みです。自動更新は税率改定ごとに一回のみ実行できます。結果は処理履歴で確認してください。`,
  );
}

function sameRatesApplied(label: string, run: { eventLabel: string; executedAt: string }): AppError {
  return new AppError(
    'ALREADY_APPLIED',
    `「${label}」と同じ税率の変更は「${run.eventLabel}」として${run.executedAt.slice(0, 16).replace('T', ' ')}に実行済みです。同じ税率改定を二回適用すると価格が二重に変わるため実行できません。結果は処理履歴で確認してください。`,
  );
}

/** The service over one database connection; `apply` refuses a second call while one runs. */
export function createTaxUpdateService(deps: TaxUpdateDeps) {
  const { repos } = deps;
  /** the plan now in the scratch tables, and the data stamp it was streamed from */
  let cache: { key: string; plan: StreamedPlan } | null = null;
  let running = false;
  /** changes whenever this connection or another one wrote: a cheap cache key for paging the preview */
  const stamp = (): string => dataStamp(deps.sqlite);

  /** The plan for (event, rounding) in the scratch tables: streamed again only when the data changed. */
  function preview(eventId: string, rounding: RoundingMode): StreamedPlan {
    if (cache?.key === `${eventId}|${rounding}|${stamp()}`) return cache.plan;
    const event = repos.taxUpdate.getEvent(eventId, deps.now());
    cache = null;
    const plan = repos.transaction(() => streamPlan(repos, event, rounding));
    // stamped after the stream: its own writes to the scratch are part of this plan's state
    cache = { key: `${eventId}|${rounding}|${stamp()}`, plan };
    return plan;
  }

  return {
    preview,

    /** Changes offset+1 … offset+limit of the preview (streamed first when the data changed). */
    previewPage(eventId: string, rounding: RoundingMode, offset: number, limit: number): PreviewPage {
      const plan = preview(eventId, rounding);
      const changes = repos.taxUpdate.plan.changes(offset, limit);
      if (changes.length === 0) return { plan, changes, salePrices: [] };
      const codes = new Set(changes.map((c) => c.applicationCode));
      const salePrices = repos.taxUpdate.plan
        .salePrices(changes[0]!.applicationCode, changes[changes.length - 1]!.applicationCode)
        .filter((s) => codes.has(s.applicationCode));
      return { plan, changes, salePrices };
    },

    /** The preview with every change, read from the scratch a page at a time (the CSV, the CLI). */
    previewAll(eventId: string, rounding: RoundingMode): { plan: StreamedPlan; changes: Iterable<PlanChange> } {
      const plan = preview(eventId, rounding);
      return { plan, changes: repos.taxUpdate.plan.eachChange() };
    },

    /**
     * Runs the update once. Order: cheap refusals (受付停止, checklist, already run), backup, then
     * one transaction that re-checks everything against the data it writes.
     */
    async apply(req: ApplyRequest): Promise<RunSummary> {
      const event = repos.taxUpdate.getEvent(req.eventId, deps.now());
      if (!deps.storeMode.isClosed()) {
        throw new AppError(
          'STORE_NOT_CLOSED',
          '受付停止になっていないため実行できません。「受付停止」を押してから、もう一度「処理を実行する」を押してください。',
        );
      }
      const missing = missingChecklistIds(req.checked);
      if (missing.length > 0 || !req.understood) {
        throw new AppError(
          'CHECKLIST_INCOMPLETE',
          'すべての確認事項と「上記を理解の上、実行します。」にチェックしてから「処理を実行する」を押してください。',
          { details: { missing } },
        );
      }
      // a restored run was undone: the event may run again on the data the restore put back
      if (event.run && event.run.restoredAt === null) throw alreadyApplied(event.label, event.run.executedAt);
      const same = repos.taxUpdate.activeRunOfSameRates(event.id);
      if (same) throw sameRatesApplied(event.label, same);
      if (running) {
        throw new AppError('ALREADY_RUNNING', '消費税自動更新はすでに実行中です。終了のメッセージが表示されるまでお待ちください。');
      }
      running = true;
      let backupFile: string | null = null;
      const phase = (p: TaxUpdatePhase) => deps.onPhase?.(event.id, p);
      try {
        phase('backup');
        try {
          backupFile = await backupDatabase(deps.sqlite, join(deps.dataDir, 'backups'), `tax-update-${event.id}`, deps.nowMs());
        } catch (e) {
          throw classifyError(e, {
            internal:
              '実行前の自動バックアップを作成できなかったため、何も更新していません。データフォルダの空き容量と書き込み権限を確認してから、もう一度実行してください。',
          });
        }
        const now = deps.now();
        phase('updating');
        const runId = repos.transaction(() => {
          if (!deps.storeMode.isClosed()) {
            throw new AppError(
              'STORE_NOT_CLOSED',
              '処理の途中で受付停止が解除されたため実行しませんでした。「受付停止」を押してから、もう一度実行してください。',
            );
          }
          // Unwritten since the preview (same total_changes and data_version): the scratch holds the
          // plan of this data, no need to stream 1 M rows again. Otherwise stream it again, here.
          const key = `${event.id}|${req.rounding}|${stamp()}`;
          const plan = cache?.key === key ? cache.plan : streamPlan(repos, event, req.rounding);
          if (req.planHash !== undefined && req.planHash !== plan.hash) {
            throw new AppError(
              'CONFLICT',
              'プレビューの後に定期申込または商品のデータが変更されました。何も更新していません。もう一度プレビューして内容を確認してから実行してください。',
            );
          }
          // again inside the transaction: another process may have run an event of the same rates meanwhile
          const sameNow = repos.taxUpdate.activeRunOfSameRates(event.id);
          if (sameNow) throw sameRatesApplied(event.label, sameNow);
          let id: number;
          try {
            id = repos.taxUpdate.insertRun({
              eventId: event.id,
              rounding: req.rounding,
              targets: plan.targets,
              changedApplications: plan.totals.changedApplications,
              changedPrices: plan.totals.changedPrices,
              backupFile,
              executedAt: now,
            });
          } catch (e) {
            if (failureKind(e) === 'constraint-unique')
              throw alreadyApplied(event.label, repos.taxUpdate.getEvent(event.id, now).run?.executedAt ?? now);
            throw e;
          }
          repos.subscriptions.rerated.apply(now);
          repos.taxUpdate.plan.writeSalePrices(now);
          repos.taxUpdate.plan.copyChangesTo(id);
          repos.adminLogs.write(
            'taxUpdate.apply',
            `消費税自動更新「${event.label}」を実行しました(算出設定: ${ROUNDING_LABELS[req.rounding]}、対象 ${plan.targets}件、更新した申込 ${plan.totals.changedApplications}件、更新した価格 ${plan.totals.changedPrices}件)。`,
            now,
          );
          return id;
        });
        cache = null;
        // the scratch's temporary file space is not needed any more; a failure here must not reach the
        // catch below, which would delete the backup of a run that did commit
        try {
          repos.taxUpdate.plan.clear();
          repos.subscriptions.rerated.clear();
        } catch {
          // the TEMP tables go with the connection anyway
        }
        phase('finished');
        return repos.taxUpdate.getRun(runId);
      } catch (e) {
        phase('failed');
        // nothing was written: the backup of an unexecuted run would only confuse the history
        if (backupFile !== null) rmSync(backupFile, { force: true });
        throw e;
      } finally {
        running = false;
      }
    },

    /**
     * Undoes a run: puts every 定期申込 back as it was in the run's automatic backup (applications,
     * items, options — the only tables the update writes), marks the run restored and writes the
     * 管理者ログ, in one transaction. Edits made after the run are lost; the screen says so before
     * asking. The run record and its change list stay (処理履歴); once restored the run no longer
     * counts, so its event — or one of the same rates — may run again on the data put back
     * (docs/tax-rules.md#targets-and-once-only). The 管理者ログ is not among the restored tables, so
     * the entries written since the backup (the run's own) survive, and the restore's entry commits
     * or rolls back with the restore itself.
     */
    restore(runId: number): RunSummary {
      const run = repos.taxUpdate.getRun(runId);
      // as for the update itself: nobody may edit or import 定期申込 while they are put back
      if (!deps.storeMode.isClosed()) {
        throw new AppError(
          'STORE_NOT_CLOSED',
          '受付停止になっていないため復元できません。「受付停止」を押して定期申込の編集と取込を止めてから、もう一度復元してください。',
        );
      }
      if (run.restoredAt !== null) {
        throw new AppError(
          'CONFLICT',
          `この処理履歴は${run.restoredAt.slice(0, 16).replace('T', ' ')}にすでに復元済みです。もう一度復元する必要はありません。`,
        );
      }
      if (run.backupFile === null || !existsSync(run.backupFile)) {
        throw new AppError(
          'NOT_FOUND',
          `自動バックアップのファイル(${run.backupFile === null ? 'なし' : basename(run.backupFile)})が見つからないため復元できません。データフォルダの backups を確認してください。`,
        );
      }
      const later = repos.taxUpdate.activeRunAfter(runId);
      if (later) {
        throw new AppError(
          'CONFLICT',
          `この処理履歴の後に実行した消費税自動更新「${later.eventLabel}」(処理履歴 No.${later.id})があるため、復元するとその結果も失われます。先に処理履歴 No.${later.id} を復元してから、この処理履歴を復元してください。`,
        );
      }
      const now = deps.now();
      const file = run.backupFile;
      repos.subscriptions.restoreFromBackup(file, () => {
        if (!repos.taxUpdate.markRestored(runId, now)) {
          throw new AppError('CONFLICT', 'この処理履歴は別の操作ですでに復元されました。処理履歴を更新して確認してください。');
        }
        repos.adminLogs.write(
          'taxUpdate.restore',
          `消費税自動更新「${run.eventLabel}」(処理履歴 No.${run.id})を取り消し、実行前の自動バックアップ(${basename(file)})から定期申込を復元しました。この税率改定の自動更新はもう一度実行できます。`,
          now,
        );
      });
      return repos.taxUpdate.getRun(runId);
    },
  };
}

export type TaxUpdateService = ReturnType<typeof createTaxUpdateService>;

/**
 * The one-time 消費税自動更新 over the database (docs/tax-rules.md#re-rating-in-the-tax-update):
 * preview = planTaxUpdate over the stored applications and the 商品 master; apply = automatic database backup, then ONE synchronous
 * transaction that takes the plan of the data it is about to write — the cached preview when the
 * database was not written since (SQLite total_changes + data_version unchanged), else a fresh
 * plan — checks it is the plan the user previewed (planHash), and writes exactly that plan, the
 * run record, its change list and the 管理者ログ. UNIQUE(rate_event_id) on the run makes a second run impossible even when two calls
 * race (a double click, or the CLI beside the app).
 */
import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { planTaxUpdate } from '../../../src-shared/tax-update/plan';
import type { TaxUpdatePlan } from '../../../src-shared/tax-update/types';
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
import type { StoredApplication } from '../subscriptions/subscription-repository';
import { planHash } from './plan-hash';
import { productTaxLookupFromDb } from './product-tax-lookup-db';
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

/** A plan with its fingerprint. */
export interface ComputedPlan {
  plan: TaxUpdatePlan;
  hash: string;
  /** the loaded applications (with ids), same order as plan.updatedApplications */
  apps: StoredApplication[];
}

export interface ApplyRequest {
  eventId: string;
  rounding: RoundingMode;
  checked: readonly string[];
  understood: boolean;
  /** the preview's planHash; omitted only by callers that preview and apply in one step (CLI) */
  planHash?: string;
}

/** Builds the plan over the current data (pure plan, I/O around it). */
export function computePlan(deps: Pick<TaxUpdateDeps, 'repos' | 'now'>, eventId: string, rounding: RoundingMode): ComputedPlan {
  const event = deps.repos.taxUpdate.getEvent(eventId, deps.now());
  const apps = deps.repos.subscriptions.loadAll();
  const plan = planTaxUpdate(apps, event, productTaxLookupFromDb(deps.repos.products), rounding);
  return { plan, hash: planHash(plan), apps };
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
  let cache: { key: string; computed: ComputedPlan } | null = null;
  let running = false;
  /** changes whenever this connection or another one wrote: a cheap cache key for paging the preview */
  const stamp = (): string => dataStamp(deps.sqlite);

  return {
    /** The plan for (event, rounding), cached until the data changes. */
    preview(eventId: string, rounding: RoundingMode): ComputedPlan {
      const key = `${eventId}|${rounding}|${stamp()}`;
      if (cache?.key === key) return cache.computed;
      const computed = computePlan(deps, eventId, rounding);
      cache = { key: `${eventId}|${rounding}|${stamp()}`, computed };
      return computed;
    },

    /**
     * Runs the update once. Order: cheap refusals (受付停止, checklist, already run), backup, then
     * one transaction that re-checks everything against the data it writes.
     */
    async apply(req: ApplyRequest): Promise<RunSummary> {
      const event = repos.taxUpdate.getEvent(req.eventId, deps.now());
      if (!deps.storeMode.isClosed()) {
        throw new AppError('STORE_NOT_CLOSED', '受付停止になっていないため実行できません。「受付停止」を押してから、もう一度「処理を実行する」を押してください。');
      }
      const missing = missingChecklistIds(req.checked);
      if (missing.length > 0 || !req.understood) {
        throw new AppError(
          'CHECKLIST_INCOMPLETE',
          'すべての確認事項と「上記を理解の上、実行します。」にチェックしてから「処理を実行する」を押してください。',
          { details: { missing } },
        );
      }
      if (event.run) throw alreadyApplied(event.label, event.run.executedAt);
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
            internal: '実行前の自動バックアップを作成できなかったため、何も更新していません。データフォルダの空き容量と書き込み権限を確認してから、もう一度実行してください。',
          });
        }
        const now = deps.now();
        phase('updating');
        const runId = repos.transaction(() => {
          if (!deps.storeMode.isClosed()) {
            throw new AppError('STORE_NOT_CLOSED', '処理の途中で受付停止が解除されたため実行しませんでした。「受付停止」を押してから、もう一度実行してください。');
          }
          // Unwritten since the preview (same total_changes and data_version): the previewed plan IS
          // the plan of this data, no need to load 1 M rows again. Otherwise re-plan and compare.
          const key = `${event.id}|${req.rounding}|${stamp()}`;
          const computed = cache?.key === key ? cache.computed : computePlan(deps, event.id, req.rounding);
          if (req.planHash !== undefined && req.planHash !== computed.hash) {
            throw new AppError(
              'CONFLICT',
              'プレビューの後に定期申込または商品のデータが変更されました。何も更新していません。もう一度プレビューして内容を確認してから実行してください。',
            );
          }
          const { plan } = computed;
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
            if (failureKind(e) === 'constraint-unique') throw alreadyApplied(event.label, repos.taxUpdate.getEvent(event.id, now).run?.executedAt ?? now);
            throw e;
          }
          repos.subscriptions.writeRerated(computed.apps, plan.updatedApplications, now);
          repos.taxUpdate.insertChanges(id, plan);
          repos.adminLogs.write(
            'taxUpdate.apply',
            `消費税自動更新「${event.label}」を実行しました(算出設定: ${ROUNDING_LABELS[req.rounding]}、対象 ${plan.targets}件、更新した申込 ${plan.totals.changedApplications}件、更新した価格 ${plan.totals.changedPrices}件)。`,
            now,
          );
          return id;
        });
        cache = null;
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
     * Puts every 定期申込 back as it was in the run's automatic backup (applications, items,
     * options — the only tables the update writes) and marks the run restored, in one transaction.
     * Edits made after the run are lost; the screen says so before asking. The run record stays:
     * the event still counts as applied (once only: docs/tax-rules.md#targets-and-once-only), so a
     * restore never leads to a silent second run.
     */
    restore(runId: number): RunSummary {
      const run = repos.taxUpdate.getRun(runId);
      if (run.restoredAt !== null) {
        throw new AppError('CONFLICT', `この処理履歴は${run.restoredAt.slice(0, 16).replace('T', ' ')}にすでに復元済みです。もう一度復元する必要はありません。`);
      }
      if (run.backupFile === null || !existsSync(run.backupFile)) {
        throw new AppError(
          'NOT_FOUND',
          `自動バックアップのファイル(${run.backupFile === null ? 'なし' : basename(run.backupFile)})が見つからないため復元できません。データフォルダの backups を確認してください。`,
        );
      }
      const now = deps.now();
      const file = run.backupFile;
      repos.subscriptions.restoreFromBackup(file, () => {
        repos.taxUpdate.markRestored(runId, now);
        repos.adminLogs.write(
          'taxUpdate.restore',
          `消費税自動更新「${run.eventLabel}」(処理履歴 No.${run.id})の実行前の自動バックアップ(${basename(file)})から定期申込を復元しました。`,
          now,
        );
      });
      return repos.taxUpdate.getRun(runId);
    },
  };
}

export type TaxUpdateService = ReturnType<typeof createTaxUpdateService>;

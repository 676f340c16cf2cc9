/**
 * The one-time 消費税自動更新 over the database (seed 004): preview = planTaxUpdate over the stored
 * applications and the 商品 master; apply = automatic database backup, then ONE synchronous
 * transaction that takes the plan of the data it is about to write — the cached preview when the
 * database was not written since (SQLite total_changes + data_version unchanged), else a fresh
 * plan — checks it is the plan the user previewed (planHash), and writes exactly that plan, the
 * run record, its change list and the 管理者ログ. UNIQUE(rate_event_id) on the run makes a second run impossible even when two calls
 * race (a double click, or the CLI beside the app).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { planTaxUpdate } from '../../../src-shared/tax-update/plan';
import type { TaxUpdatePlan } from '../../../src-shared/tax-update/types';
import { ROUNDING_LABELS, type RoundingMode } from '../../../src-shared/domain/rounding';
import { AppError } from '../../../src-shared/errors';
import { missingChecklistIds } from '../../../src-shared/tax-update/checklist';
import type { TaxUpdatePhase } from '../../../src-shared/tax-update/tax-update-events';
import { backupDatabase } from '../db/migrate';
import { classifyError, failureKind } from '../errors/classify-error';
import type { SqliteDb } from '../db/open';
import { isStoreClosed } from '../store-mode/store-mode';
import { writeAdminLog } from './admin-log';
import { createBatcher, placeholders } from './batched-writes';
import { planHash } from './plan-hash';
import { productTaxLookupFromDb } from './product-tax-lookup-db';
import { getRateEvent } from './rate-event-repository';
import { loadAllApplications, type StoredApplication, type StoredItem } from '../subscriptions/subscription-repository';
import { getRun, type RunSummary } from './tax-update-history';

/** What the service needs from the core (a subset of CoreContext, so the CLI and tests can pass it). */
export interface TaxUpdateDeps {
  db: SqliteDb;
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
export function computePlan(deps: TaxUpdateDeps, eventId: string, rounding: RoundingMode): ComputedPlan {
  const event = getRateEvent(deps.db, eventId, deps.now());
  const apps = loadAllApplications(deps.db);
  const plan = planTaxUpdate(apps, event, productTaxLookupFromDb(deps.db), rounding);
  return { plan, hash: planHash(plan), apps };
}

function itemChanged(a: StoredItem, b: StoredItem): boolean {
  return a.taxRateType !== b.taxRateType || a.firstPrice !== b.firstPrice || a.regularPrice !== b.regularPrice || a.lastPrice !== b.lastPrice;
}

/**
 * Writes the plan's updated applications over the originals: only rows whose values changed,
 * with multi-row UPDATE … FROM (VALUES …) statements (batched-writes.ts).
 */
function writePlan(db: SqliteDb, computed: ComputedPlan, now: string): void {
  const apps = createBatcher(
    db,
    4,
    (n) => `with v(id, s, r, u) as (values ${placeholders(n, 4)}) update subscription_applications set standard_rate = v.s, reduced_rate = v.r, updated_at = v.u from v where subscription_applications.id = v.id`,
  );
  const items = createBatcher(
    db,
    5,
    (n) =>
      `with v(id, t, f, g, l) as (values ${placeholders(n, 5)}) update subscription_items set tax_rate_type = v.t, first_price = v.f, regular_price = v.g, last_price = v.l from v where subscription_items.id = v.id`,
  );
  const options = createBatcher(db, 2, (n) => `with v(id, p) as (values ${placeholders(n, 2)}) update subscription_options set price = v.p from v where subscription_options.id = v.id`);
  const { apps: loaded, plan } = computed;
  for (let i = 0; i < loaded.length; i++) {
    const before = loaded[i] as StoredApplication;
    const after = plan.updatedApplications[i] as StoredApplication;
    if (after === before) continue; // not a target
    let changed = before.standardRate !== after.standardRate || before.reducedRate !== after.reducedRate;
    for (let k = 0; k < before.items.length; k++) {
      const bi = before.items[k] as StoredItem;
      const ai = after.items[k] as StoredItem;
      if (itemChanged(bi, ai)) {
        items.add(bi.id, ai.taxRateType, ai.firstPrice, ai.regularPrice, ai.lastPrice);
        changed = true;
      }
      for (let m = 0; m < bi.options.length; m++) {
        const bo = bi.options[m]!;
        const ao = ai.options[m]!;
        if (bo.price !== ao.price) {
          options.add(bo.id, ao.price);
          changed = true;
        }
      }
    }
    if (changed) apps.add(before.id, after.standardRate, after.reducedRate, now);
  }
  apps.flush();
  items.flush();
  options.flush();
}

function insertChanges(db: SqliteDb, runId: number, plan: TaxUpdatePlan): void {
  const rows = createBatcher(
    db,
    8,
    (n) => `insert into tax_update_changes (run_id, application_code, product_code, variation, field, option_name, old_value, new_value) values ${placeholders(n, 8)}`,
  );
  for (const c of plan.changes) rows.add(runId, c.applicationCode, c.productCode, c.variation, c.field, c.optionName ?? null, String(c.old), String(c.new));
  rows.flush();
}

function alreadyApplied(label: string, executedAt: string): AppError {
  return new AppError(
    'ALREADY_APPLIED',
    `「${label}」の消費税自動更新は${executedAt.slice(0, 16).replace('T', ' ')}に実行済みです。自動更新は税率改定ごとに一回のみ実行できます。結果は処理履歴で確認してください。`,
  );
}

/** The service over one database connection; `apply` refuses a second call while one runs. */
export function createTaxUpdateService(deps: TaxUpdateDeps) {
  let cache: { key: string; computed: ComputedPlan } | null = null;
  let running = false;

  /** changes whenever this connection or another one wrote: a cheap cache key for paging the preview */
  const dataStamp = (): string => {
    const r = deps.db.prepare('select total_changes() as t').get() as { t: number };
    return `${r.t}|${String(deps.db.pragma('data_version', { simple: true }))}`;
  };

  return {
    /** The plan for (event, rounding), cached until the data changes. */
    preview(eventId: string, rounding: RoundingMode): ComputedPlan {
      const key = `${eventId}|${rounding}|${dataStamp()}`;
      if (cache?.key === key) return cache.computed;
      const computed = computePlan(deps, eventId, rounding);
      cache = { key: `${eventId}|${rounding}|${dataStamp()}`, computed };
      return computed;
    },

    /**
     * Runs the update once. Order: cheap refusals (受付停止, checklist, already run), backup, then
     * one transaction that re-checks everything against the data it writes.
     */
    async apply(req: ApplyRequest): Promise<RunSummary> {
      const { db } = deps;
      const event = getRateEvent(db, req.eventId, deps.now());
      if (!isStoreClosed(db)) {
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
      if (running) {
        throw new AppError('ALREADY_RUNNING', '消費税自動更新はすでに実行中です。終了のメッセージが表示されるまでお待ちください。');
      }
      running = true;
      let backupFile: string | null = null;
      const phase = (p: TaxUpdatePhase) => deps.onPhase?.(event.id, p);
      try {
        phase('backup');
        try {
          backupFile = await backupDatabase(db, join(deps.dataDir, 'backups'), `tax-update-${event.id}`, deps.nowMs());
        } catch (e) {
          throw classifyError(e, {
            internal: '実行前の自動バックアップを作成できなかったため、何も更新していません。データフォルダの空き容量と書き込み権限を確認してから、もう一度実行してください。',
          });
        }
        const now = deps.now();
        phase('updating');
        const runId = db.transaction(() => {
          if (!isStoreClosed(db)) {
            throw new AppError('STORE_NOT_CLOSED', '処理の途中で受付停止が解除されたため実行しませんでした。「受付停止」を押してから、もう一度実行してください。');
          }
          // Unwritten since the preview (same total_changes and data_version): the previewed plan IS
          // the plan of this data, no need to load 1 M rows again. Otherwise re-plan and compare.
          const key = `${event.id}|${req.rounding}|${dataStamp()}`;
          const computed = cache?.key === key ? cache.computed : computePlan(deps, event.id, req.rounding);
          if (req.planHash !== undefined && req.planHash !== computed.hash) {
            throw new AppError(
              'CONFLICT',
              'プレビューの後に定期申込または商品のデータが変更されました。何も更新していません。もう一度プレビューして内容を確認してから実行してください。',
            );
          }
          const { plan } = computed;
          let id: number;
          try {
            id = Number(
              db
                .prepare(
                  'insert into tax_update_runs (rate_event_id, rounding, targets, changed_applications, changed_prices, backup_file, executed_at) values (?, ?, ?, ?, ?, ?, ?)',
                )
                .run(event.id, req.rounding, plan.targets, plan.totals.changedApplications, plan.totals.changedPrices, backupFile, now).lastInsertRowid,
            );
          } catch (e) {
            if (failureKind(e) === 'constraint-unique') throw alreadyApplied(event.label, getRateEvent(db, event.id, now).run?.executedAt ?? now);
            throw e;
          }
          writePlan(db, computed, now);
          insertChanges(db, id, plan);
          writeAdminLog(
            db,
            'taxUpdate.apply',
            `消費税自動更新「${event.label}」を実行しました(算出設定: ${ROUNDING_LABELS[req.rounding]}、対象 ${plan.targets}件、更新した申込 ${plan.totals.changedApplications}件、更新した価格 ${plan.totals.changedPrices}件)。`,
            now,
          );
          return id;
        })();
        cache = null;
        phase('finished');
        return getRun(db, runId);
      } catch (e) {
        phase('failed');
        // nothing was written: the backup of an unexecuted run would only confuse the history
        if (backupFile !== null) rmSync(backupFile, { force: true });
        throw e;
      } finally {
        running = false;
      }
    },
  };
}

export type TaxUpdateService = ReturnType<typeof createTaxUpdateService>;

/**
 * The 消費税自動更新's own records: rate-change events (rates are data, never constants in the
 * update code), the one-time run of each event with its automatic backup, and the change list the
 * run wrote. The 2019 preset is written on first use; a later change is added as a new event.
 */
import { asc, count, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import { PRESET_2019, type RateChangeEvent, type TaxUpdatePlan } from '../../../src-shared/tax-update/types';
import { createBatcher, placeholders } from '../db/batched-writes';
import type { Db } from '../db/db-handle';
import { rateChangeEvents, taxUpdateChanges, taxUpdateRuns } from '../db/schema';

/** An event with its one-time run, when executed. */
export interface RateChangeEventRow extends RateChangeEvent {
  run: { id: number; executedAt: string; restoredAt: string | null } | null;
}

export interface RunSummary {
  id: number;
  eventId: string;
  eventLabel: string;
  rounding: RoundingMode;
  targets: number;
  changedApplications: number;
  changedPrices: number;
  changeCount: number;
  backupFile: string | null;
  executedAt: string;
  restoredAt: string | null;
}

export interface RunChangeRow {
  applicationCode: string;
  productCode: string;
  variation: string;
  field: string;
  optionName: string | null;
  oldValue: string;
  newValue: string;
}

/** What a run records besides its change list. */
export interface NewTaxUpdateRun {
  eventId: string;
  rounding: RoundingMode;
  targets: number;
  changedApplications: number;
  changedPrices: number;
  backupFile: string | null;
  executedAt: string;
}

const EVENT_COLUMNS = {
  id: rateChangeEvents.id,
  label: rateChangeEvents.label,
  effectiveDate: rateChangeEvents.effectiveDate,
  oldStandard: rateChangeEvents.oldStandard,
  newStandard: rateChangeEvents.newStandard,
  oldReduced: rateChangeEvents.oldReduced,
  newReduced: rateChangeEvents.newReduced,
  runId: taxUpdateRuns.id,
  executedAt: taxUpdateRuns.executedAt,
  restoredAt: taxUpdateRuns.restoredAt,
};

const RUN_COLUMNS = {
  id: taxUpdateRuns.id,
  eventId: taxUpdateRuns.rateEventId,
  eventLabel: rateChangeEvents.label,
  rounding: taxUpdateRuns.rounding,
  targets: taxUpdateRuns.targets,
  changedApplications: taxUpdateRuns.changedApplications,
  changedPrices: taxUpdateRuns.changedPrices,
  changeCount: sql<number>`(select count(*) from ${taxUpdateChanges} where ${taxUpdateChanges.runId} = ${taxUpdateRuns.id})`,
  backupFile: taxUpdateRuns.backupFile,
  executedAt: taxUpdateRuns.executedAt,
  restoredAt: taxUpdateRuns.restoredAt,
};

/** An event row joined with its run (left join: the run's columns are null before it ran). */
interface EventRecord extends RateChangeEvent {
  runId: number | null;
  executedAt: string | null;
  restoredAt: string | null;
}

function toEvent(r: EventRecord): RateChangeEventRow {
  const { runId, executedAt, restoredAt, ...event } = r;
  return { ...event, run: runId === null ? null : { id: runId, executedAt: executedAt ?? '', restoredAt } };
}

export function createTaxUpdateRepository(db: Db) {
  const { orm, sqlite } = db;

  /** Writes the 2019 preset once (insert or ignore: safe on every call). */
  function ensurePreset(now: string): void {
    orm
      .insert(rateChangeEvents)
      .values({ ...pick(PRESET_2019), createdAt: now })
      .onConflictDoNothing()
      .run();
  }

  const events = () => orm.select(EVENT_COLUMNS).from(rateChangeEvents).leftJoin(taxUpdateRuns, eq(taxUpdateRuns.rateEventId, rateChangeEvents.id));
  const runs = () => orm.select(RUN_COLUMNS).from(taxUpdateRuns).innerJoin(rateChangeEvents, eq(rateChangeEvents.id, taxUpdateRuns.rateEventId));

  function getRun(runId: number): RunSummary {
    const r = runs().where(eq(taxUpdateRuns.id, runId)).get();
    if (!r) throw new AppError('NOT_FOUND', `処理履歴(No.${runId})が見つかりません。画面を更新してから、もう一度お試しください。`);
    return r;
  }

  return {
    /** Every event by effective date (the preset written first). */
    listEvents(now: string): RateChangeEventRow[] {
      ensurePreset(now);
      return events().orderBy(asc(rateChangeEvents.effectiveDate), asc(rateChangeEvents.id)).all().map(toEvent);
    },
    /** One event; NOT_FOUND with a Japanese message. */
    getEvent(id: string, now: string): RateChangeEventRow {
      ensurePreset(now);
      const r = events().where(eq(rateChangeEvents.id, id)).get();
      if (!r) throw new AppError('NOT_FOUND', `税率改定「${id}」が見つかりません。画面を更新して、一覧から税率改定を選び直してください。`);
      return toEvent(r);
    },
    /** whether an event id is taken (the preset's included) */
    eventExists(id: string, now: string): boolean {
      ensurePreset(now);
      return orm.select({ id: rateChangeEvents.id }).from(rateChangeEvents).where(eq(rateChangeEvents.id, id)).get() !== undefined;
    },
    insertEvent(event: RateChangeEvent, now: string): void {
      orm.insert(rateChangeEvents).values({ ...pick(event), createdAt: now }).run();
    },

    /** Records the run (UNIQUE per event: a second run of an event fails here); returns its id. */
    insertRun: (r: NewTaxUpdateRun): number =>
      orm
        .insert(taxUpdateRuns)
        .values({
          rateEventId: r.eventId,
          rounding: r.rounding,
          targets: r.targets,
          changedApplications: r.changedApplications,
          changedPrices: r.changedPrices,
          backupFile: r.backupFile,
          executedAt: r.executedAt,
        })
        .returning({ id: taxUpdateRuns.id })
        .get().id,
    /**
     * The plan's change list of a run, in plan order. Raw multi-row inserts (db/batched-writes.ts):
     * ~1.7 M rows in the apply transaction of bench/tax-update.bench.ts.
     */
    insertChanges(runId: number, plan: TaxUpdatePlan): void {
      const rows = createBatcher(
        sqlite,
        8,
        (n) => `insert into tax_update_changes (run_id, application_code, product_code, variation, field, option_name, old_value, new_value) values ${placeholders(n, 8)}`,
      );
      for (const c of plan.changes) rows.add(runId, c.applicationCode, c.productCode, c.variation, c.field, c.optionName ?? null, String(c.old), String(c.new));
      rows.flush();
    },
    /**
     * A run not restored of any event changing the same rates (旧 / 新 標準 and 軽減) as `eventId`:
     * once only is about the rate change on the current data, not the event's id.
     */
    activeRunOfSameRates(eventId: string): { eventLabel: string; executedAt: string } | undefined {
      return sqlite
        .prepare(
          `select e2.label as eventLabel, r.executed_at as executedAt from rate_change_events e1
             join rate_change_events e2 on e2.old_standard = e1.old_standard and e2.new_standard = e1.new_standard
                                       and e2.old_reduced = e1.old_reduced and e2.new_reduced = e1.new_reduced
             join tax_update_runs r on r.rate_event_id = e2.id
           where e1.id = ? and r.restored_at is null order by r.id limit 1`,
        )
        .get(eventId) as { eventLabel: string; executedAt: string } | undefined;
    },
    markRestored(runId: number, now: string): void {
      orm.update(taxUpdateRuns).set({ restoredAt: now }).where(eq(taxUpdateRuns.id, runId)).run();
    },
    /** 処理履歴, newest first. */
    listRuns: (): RunSummary[] => runs().orderBy(desc(taxUpdateRuns.id)).all(),
    /** One run; NOT_FOUND when unknown. */
    getRun,
    /** A page of a run's change list, in plan order. */
    listChanges(runId: number, offset: number, limit: number): { total: number; rows: RunChangeRow[] } {
      getRun(runId);
      const total = orm.select({ n: count() }).from(taxUpdateChanges).where(eq(taxUpdateChanges.runId, runId)).get()?.n ?? 0;
      const rows = orm
        .select({
          applicationCode: taxUpdateChanges.applicationCode,
          productCode: taxUpdateChanges.productCode,
          variation: taxUpdateChanges.variation,
          field: taxUpdateChanges.field,
          optionName: taxUpdateChanges.optionName,
          oldValue: taxUpdateChanges.oldValue,
          newValue: taxUpdateChanges.newValue,
        })
        .from(taxUpdateChanges)
        .where(eq(taxUpdateChanges.runId, runId))
        .orderBy(asc(taxUpdateChanges.id))
        .limit(limit)
        .offset(offset)
        .all();
      return { total, rows };
    },
  };
}

/** The stored fields of an event (the shared type may carry more). */
function pick(e: RateChangeEvent) {
  return {
    id: e.id,
    label: e.label,
    effectiveDate: e.effectiveDate,
    oldStandard: e.oldStandard,
    newStandard: e.newStandard,
    oldReduced: e.oldReduced,
    newReduced: e.newReduced,
  };
}

export type TaxUpdateRepository = ReturnType<typeof createTaxUpdateRepository>;

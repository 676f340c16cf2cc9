/**
 * The 消費税自動更新's own records: rate-change events (rates are data, never constants in the
 * update code), the one-time run of each event with its automatic backup, and the change list the
 * run wrote. The 2019 preset is written on first use; a later change is added as a new event.
 */
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../../src-shared/errors';
import type { RoundingMode } from '../../../src-shared/domain/rounding';
import { PRESET_2019, type ApplicationSalePrices, type PlanChange, type RateChangeEvent } from '../../../src-shared/tax-update/types';
import type { SqliteDb } from '../db/open';
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

/**
 * The latest plan (the preview) in connection-private TEMP tables — a temporary file, not memory,
 * dropped with the connection: the engine streams the change list and the sale prices into them
 * in plan order (seq), the screen pages through them, the CSV reads them, and apply copies the
 * change list into the run's in one INSERT … SELECT. Raw multi-row inserts (db/batched-writes.ts):
 * ~1.7 M change rows at 100,000 applications in bench/tax-update.bench.ts.
 */
const PLAN_DDL = [
  'create temp table if not exists tax_update_plan_changes (seq integer primary key, application_code text not null, product_code text not null, variation text not null, field text not null, option_name text, item_index integer not null, option_index integer, old_value integer not null, new_value integer not null)',
  'create temp table if not exists tax_update_plan_sales (seq integer primary key, application_code text not null, before_first integer not null, before_regular integer not null, before_last integer not null, after_first integer not null, after_regular integer not null, after_last integer not null)',
  'create index if not exists temp.tax_update_plan_sales_code on tax_update_plan_sales (application_code)',
];
// old_value / new_value are integer yen or percent, or a 税率区分 text; INTEGER affinity keeps the text as text and stores the
// numbers (which better-sqlite3 binds as REAL) as integers, so cast(… as text) gives "8", not "8.0"

type PlanChangeRow = [string, string, string, PlanChange['field'], string | null, number, number | null, string | number, string | number];
type SaleRow = [string, number, number, number, number, number, number];

function changeOf(r: PlanChangeRow): PlanChange {
  const c: PlanChange = { applicationCode: r[0], productCode: r[1], variation: r[2], field: r[3], itemIndex: r[5], old: r[7], new: r[8] };
  if (r[4] !== null) c.optionName = r[4];
  if (r[6] !== null) c.optionIndex = r[6];
  return c;
}

function createPlanScratch(sqlite: SqliteDb) {
  let ready = false;
  const ensure = (): void => {
    if (ready) return;
    for (const ddl of PLAN_DDL) sqlite.exec(ddl);
    ready = true;
  };
  const CHANGE_COLUMNS = 'application_code, product_code, variation, field, option_name, item_index, option_index, old_value, new_value';
  const page = (offset: number, limit: number): PlanChange[] =>
    (
      sqlite
        .prepare(`select ${CHANGE_COLUMNS} from temp.tax_update_plan_changes where seq > ? and seq <= ? order by seq`)
        .raw()
        .all(offset, offset + limit) as PlanChangeRow[]
    ).map(changeOf);
  return {
    /** Empties the scratch (a new plan is about to be streamed into it). */
    clear(): void {
      ensure();
      sqlite.prepare('delete from temp.tax_update_plan_changes').run();
      sqlite.prepare('delete from temp.tax_update_plan_sales').run();
    },
    /** A writer for one streamed plan, in plan order; `flush` at the end. */
    writer() {
      ensure();
      let seq = 0;
      let saleSeq = 0;
      const changes = createBatcher(
        sqlite,
        10,
        (n) => `insert into temp.tax_update_plan_changes (seq, ${CHANGE_COLUMNS}) values ${placeholders(n, 10)}`,
      );
      const sales = createBatcher(
        sqlite,
        8,
        (n) =>
          `insert into temp.tax_update_plan_sales (seq, application_code, before_first, before_regular, before_last, after_first, after_regular, after_last) values ${placeholders(n, 8)}`,
      );
      return {
        change(c: PlanChange): void {
          changes.add(
            ++seq,
            c.applicationCode,
            c.productCode,
            c.variation,
            c.field,
            c.optionName ?? null,
            c.itemIndex,
            c.optionIndex ?? null,
            c.old,
            c.new,
          );
        },
        sale(s: ApplicationSalePrices): void {
          sales.add(
            ++saleSeq,
            s.applicationCode,
            s.before.first,
            s.before.regular,
            s.before.last,
            s.after.first,
            s.after.regular,
            s.after.last,
          );
        },
        flush(): void {
          changes.flush();
          sales.flush();
        },
      };
    },
    /** changes offset+1 … offset+limit of the plan, in plan order */
    changes(offset: number, limit: number): PlanChange[] {
      ensure();
      return page(offset, limit);
    },
    /** every change in plan order, read a page at a time (the CSV, the CLI) */
    *eachChange(): Generator<PlanChange> {
      ensure();
      for (let offset = 0; ; offset += 10_000) {
        const rows = page(offset, 10_000);
        yield* rows;
        if (rows.length < 10_000) return;
      }
    },
    /** sale prices of the applications with codes from … to (inclusive; both in the plan), in plan order */
    salePrices(fromCode: string, toCode: string): ApplicationSalePrices[] {
      ensure();
      const rows = sqlite
        .prepare(
          'select application_code, before_first, before_regular, before_last, after_first, after_regular, after_last from temp.tax_update_plan_sales where application_code >= ? and application_code <= ? order by seq',
        )
        .raw()
        .all(fromCode, toCode) as SaleRow[];
      return rows.map((r) => ({
        applicationCode: r[0],
        before: { first: r[1], regular: r[2], last: r[3] },
        after: { first: r[4], regular: r[5], last: r[6] },
      }));
    },
    /**
     * Stores the plan's 販売価格 (after the run) on its target applications (inside the caller's
     * transaction): step 4 of the update, the figures the preview showed.
     */
    writeSalePrices(now: string): void {
      ensure();
      sqlite
        .prepare(
          'update subscription_applications set sale_first = s.after_first, sale_regular = s.after_regular, sale_last = s.after_last, updated_at = ? from temp.tax_update_plan_sales s where subscription_applications.code = s.application_code',
        )
        .run(now);
    },
    /** Copies the change list into run `runId`'s (inside the caller's transaction). */
    copyChangesTo(runId: number): void {
      ensure();
      sqlite
        .prepare(
          'insert into tax_update_changes (run_id, application_code, product_code, variation, field, option_name, old_value, new_value) select ?, application_code, product_code, variation, field, option_name, cast(old_value as text), cast(new_value as text) from temp.tax_update_plan_changes order by seq',
        )
        .run(runId);
    },
  };
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

  // an event's run is its latest: the active one when there is one (only one can be), else the
  // last restored one (the event may run again)
  const events = () =>
    orm
      .select(EVENT_COLUMNS)
      .from(rateChangeEvents)
      .leftJoin(
        taxUpdateRuns,
        sql`${taxUpdateRuns.id} = (select max(r2.id) from tax_update_runs r2 where r2.rate_event_id = ${rateChangeEvents.id})`,
      );
  const runs = () =>
    orm.select(RUN_COLUMNS).from(taxUpdateRuns).innerJoin(rateChangeEvents, eq(rateChangeEvents.id, taxUpdateRuns.rateEventId));

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
      orm
        .insert(rateChangeEvents)
        .values({ ...pick(event), createdAt: now })
        .run();
    },

    /** Records the run (UNIQUE per event among runs not restored: a second run fails here); returns its id. */
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
    /** The counts of a run, known once its plan has streamed through. */
    setRunCounts(runId: number, c: { targets: number; changedApplications: number; changedPrices: number }): void {
      orm.update(taxUpdateRuns).set(c).where(eq(taxUpdateRuns.id, runId)).run();
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
    /** the latest plan (preview), streamed into TEMP tables */
    plan: createPlanScratch(sqlite),
    /** The first run after `runId` that is not restored, if any: restoring `runId` would undo it too. */
    activeRunAfter(runId: number): { id: number; eventLabel: string } | undefined {
      return sqlite
        .prepare(
          'select r.id as id, e.label as eventLabel from tax_update_runs r join rate_change_events e on e.id = r.rate_event_id where r.id > ? and r.restored_at is null order by r.id limit 1',
        )
        .get(runId) as { id: number; eventLabel: string } | undefined;
    },
    /** Marks a run restored; false when it already was (another restore got there first). */
    markRestored(runId: number, now: string): boolean {
      return (
        orm
          .update(taxUpdateRuns)
          .set({ restoredAt: now })
          .where(and(eq(taxUpdateRuns.id, runId), isNull(taxUpdateRuns.restoredAt)))
          .run().changes === 1
      );
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

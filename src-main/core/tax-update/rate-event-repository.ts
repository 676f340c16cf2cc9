/**
 * Rate-change events as data (rates are never constants in the update code). The 2019 preset is
 * written on first use; a later change is added as a new event with its own one-time run.
 */
import { validateRateChangeEvent } from '../../../src-shared/tax-update/rate-change-event';
import { PRESET_2019, type RateChangeEvent } from '../../../src-shared/tax-update/types';
import { AppError } from '../../../src-shared/errors';
import type { SqliteDb } from '../db/open';

/** An event with its one-time run, when executed. */
export interface RateChangeEventRow extends RateChangeEvent {
  run: { id: number; executedAt: string; restoredAt: string | null } | null;
}

interface Row {
  id: string;
  label: string;
  effective_date: string;
  old_standard: number;
  new_standard: number;
  old_reduced: number;
  new_reduced: number;
  run_id: number | null;
  executed_at: string | null;
  restored_at: string | null;
}

const SELECT = `select e.id, e.label, e.effective_date, e.old_standard, e.new_standard, e.old_reduced, e.new_reduced,
  r.id as run_id, r.executed_at, r.restored_at
  from rate_change_events e left join tax_update_runs r on r.rate_event_id = e.id`;

function toRow(r: Row): RateChangeEventRow {
  return {
    id: r.id,
    label: r.label,
    effectiveDate: r.effective_date,
    oldStandard: r.old_standard,
    newStandard: r.new_standard,
    oldReduced: r.old_reduced,
    newReduced: r.new_reduced,
    run: r.run_id === null ? null : { id: r.run_id, executedAt: r.executed_at ?? '', restoredAt: r.restored_at },
  };
}

/** Writes the 2019 preset once (insert or ignore: safe on every call). */
export function ensurePresetEvent(db: SqliteDb, now: string): void {
  const p = PRESET_2019;
  db.prepare(
    'insert or ignore into rate_change_events (id, label, effective_date, old_standard, new_standard, old_reduced, new_reduced, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(p.id, p.label, p.effectiveDate, p.oldStandard, p.newStandard, p.oldReduced, p.newReduced, now);
}

/** Every event by effective date. */
export function listRateEvents(db: SqliteDb, now: string): RateChangeEventRow[] {
  ensurePresetEvent(db, now);
  return (db.prepare(`${SELECT} order by e.effective_date, e.id`).all() as Row[]).map(toRow);
}

/** One event; NOT_FOUND with a Japanese message. */
export function getRateEvent(db: SqliteDb, id: string, now: string): RateChangeEventRow {
  ensurePresetEvent(db, now);
  const r = db.prepare(`${SELECT} where e.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', `税率改定「${id}」が見つかりません。画面を更新して、一覧から税率改定を選び直してください。`);
  return toRow(r);
}

/** Adds a later event after validateRateChangeEvent; CONFLICT when the id is taken. */
export function addRateEvent(db: SqliteDb, event: RateChangeEvent, now: string): RateChangeEventRow {
  const problems = validateRateChangeEvent(event);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', '税率改定の設定に誤りがあります。各項目のメッセージを確認して修正してください。', { fields: problems });
  }
  ensurePresetEvent(db, now);
  const exists = db.prepare('select 1 from rate_change_events where id = ?').get(event.id);
  if (exists) {
    const message = `ID「${event.id}」の税率改定はすでに登録されています。別のIDを入力してください。`;
    throw new AppError('CONFLICT', message, { fields: [{ path: 'id', message }] });
  }
  db.prepare(
    'insert into rate_change_events (id, label, effective_date, old_standard, new_standard, old_reduced, new_reduced, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(event.id, event.label, event.effectiveDate, event.oldStandard, event.newStandard, event.oldReduced, event.newReduced, now);
  return getRateEvent(db, event.id, now);
}

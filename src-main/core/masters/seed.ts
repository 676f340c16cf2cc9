/**
 * First-run data (requirements.md §1): the standard tax classes 標準10% / 軽減8% / 非課税0% and the
 * workflows 出荷管理 and 請求管理(繰越なし), all confirmed so EC連携設定 can use them at once.
 * Runs in one transaction and only once (app_state 'seed.v1').
 */
import type { SqliteDb } from '../db/open';

export function seedFirstRun(db: SqliteDb, now: string): boolean {
  const done = db.prepare("select 1 from app_state where key = 'seed.v1'").get();
  if (done) return false;
  db.transaction(() => {
    const tax = db.prepare(
      'insert or ignore into tax_classes (code, name, rate, kind, confirmed, created_at, updated_at) values (?, ?, ?, ?, 1, ?, ?)',
    );
    tax.run('STD10', '標準10%', 10, '標準', now, now);
    tax.run('RED08', '軽減8%', 8, '軽減', now, now);
    tax.run('EXM00', '非課税0%', 0, '非課税', now, now);
    const wf = db.prepare(
      'insert or ignore into workflows (code, name, kind, confirmed, created_at, updated_at) values (?, ?, ?, 1, ?, ?)',
    );
    wf.run('SHIP', '出荷管理', '出荷', now, now);
    wf.run('BILL', '請求管理(繰越なし)', '請求', now, now);
    db.prepare("insert into app_state (key, value, updated_at) values ('seed.v1', '1', ?)").run(now);
  })();
  return true;
}

/**
 * The 入荷 and 在庫移動 workflows stock slips are stamped with (入荷管理 / 在庫移動管理), confirmed.
 * Idempotent and run at every start, so databases created before stock slips existed get them too;
 * a kind that already has a workflow (the clerk made one) gets none.
 */
export function seedStockWorkflows(db: SqliteDb, now: string): number {
  let added = 0;
  db.transaction(() => {
    const has = db.prepare('select 1 from workflows where kind = ? limit 1');
    const insert = db.prepare('insert or ignore into workflows (code, name, kind, confirmed, created_at, updated_at) values (?, ?, ?, 1, ?, ?)');
    for (const [code, name, kind] of [
      ['RECEIPT', '入荷管理', '入荷'],
      ['TRANSFER', '在庫移動管理', '在庫移動'],
    ] as const) {
      if (!has.get(kind)) added += insert.run(code, name, kind, now, now).changes;
    }
  })();
  return added;
}

/**
 * Every database fixture in test/fixtures/db (a real bcart-desk.sqlite3 written by an earlier
 * schema version, see its README) is migrated by the current code, and every row survives: each
 * row of each table before the migration is found after it, by rowid, with the same values —
 * except the columns the current version fills for old rows on purpose, listed below with why.
 * Then PRAGMA integrity_check and foreign_key_check are clean, and the per-EC連携設定 BCart-id
 * indexes of docs/import-rules.md#idempotency are in place with every line carrying its shipment's
 * setting. A fixture added later is covered without touching this file.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'db');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.sqlite3'));
const tmp = makeTempDir('bcart-fixture-migrations-');
afterAll(() => tmp.cleanup());

/** Columns a start of the current version fills on old rows by design (before: null). */
const FILLED_ON_START: Record<string, { columns: string[]; why: string }> = {
  partners: {
    columns: ['collect_months', 'collect_day', 'holiday_shift', 'tax_unit', 'tax_rounding', 'no_statement', 'opening_balance'],
    why: 'billing-terms-upgrade.ts gives 得意先 saved before 売掛管理 the default billing terms',
  },
};

type Row = Record<string, unknown>;

function snapshot(file: string): Map<string, Map<number, Row>> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'").pluck().all() as string[];
    return new Map(tables.map((t) => [t, new Map((db.prepare(`select rowid as __rowid, * from "${t}"`).all() as Row[]).map((r) => [Number(r.__rowid), r]))]));
  } finally {
    db.close();
  }
}

describe.each(files)('fixture %s', (file) => {
  it('migrates to the current schema with every row intact and clean integrity / foreign keys', async () => {
    const dir = join(tmp.dir, file);
    const target = join(dir, DB_FILE_NAME);
    mkdirSync(dir, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(join(FIXTURES, `${file}${suffix}`))) copyFileSync(join(FIXTURES, `${file}${suffix}`), `${target}${suffix}`);
    // read the copy through a throwaway connection first: it folds the WAL into the file
    const before = snapshot(target);
    const rowsBefore = [...before.values()].reduce((n, m) => n + m.size, 0);
    expect(rowsBefore).toBeGreaterThan(100);

    const t = await makeTestCore({}, dir);
    const db = t.core.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // a 消費税自動更新 run the old version made stays in force after the migration
    for (const run of (before.get('tax_update_runs') ?? new Map<number, Row>()).values()) {
      if (run.restored_at !== null) continue;
      const events = await t.core.dispatch('taxUpdate:events', {});
      expect(events.ok && (events.value as { id: string; run: { restoredAt: string | null } | null }[]).find((x) => x.id === run.rate_event_id)?.run?.restoredAt).toBeNull();
    }
    t.close();

    const after = snapshot(target);
    const problems: string[] = [];
    for (const [table, rows] of before) {
      const now = after.get(table);
      if (!now) {
        problems.push(`table ${table} is gone`);
        continue;
      }
      for (const [rowid, row] of rows) {
        const kept = now.get(rowid);
        if (!kept) {
          problems.push(`${table} rowid ${rowid} is gone`);
          continue;
        }
        for (const [col, value] of Object.entries(row)) {
          if (kept[col] === value) continue;
          if (value === null && FILLED_ON_START[table]?.columns.includes(col)) continue;
          problems.push(`${table} rowid ${rowid} ${col}: ${String(value)} → ${String(kept[col])}`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);

    // the per-setting BCart-id indexes, and each line carries its shipment's setting
    const check = new Database(target, { readonly: true });
    try {
      const indexes = check.prepare("select name from sqlite_master where type = 'index'").pluck().all() as string[];
      expect(indexes).toEqual(expect.arrayContaining(['shipments_setting_bcart_logistics', 'shipment_lines_setting_bcart', 'invoices_setting_bcart_order']));
      expect(indexes).not.toEqual(expect.arrayContaining(['shipments_bcart_logistics']));
      expect(indexes).not.toContain('shipment_lines_bcart');
      expect(indexes).not.toContain('invoices_bcart_order');
      // 0008: one active run per event (a restored run no longer counts) and the stored 販売価格
      expect(indexes).toContain('tax_update_runs_event_active');
      expect(indexes).not.toContain('tax_update_runs_event');
      const appColumns = check.prepare('select name from pragma_table_info(?)').pluck().all('subscription_applications') as string[];
      expect(appColumns).toEqual(expect.arrayContaining(['sale_first', 'sale_regular', 'sale_last']));
      // the old 定期申込 got their 販売価格 at the first start (sale-price-upgrade.ts)
      expect(check.prepare('select count(*) from subscription_applications where sale_first is null or sale_regular is null or sale_last is null').pluck().get()).toBe(0);
      const lines = check.prepare('select count(*) from shipment_lines').pluck().get() as number;
      expect(lines).toBe(before.get('shipment_lines')?.size ?? 0);
      expect(check.prepare('select count(*) from shipment_lines l join shipments s on s.id = l.shipment_id where l.ec_setting_id is s.ec_setting_id').pluck().get()).toBe(lines);
      // one money basis filled on every old slip: lines add up to their slip, an invoice to BCart's per-rate totals
      for (const [head, line, key] of [
        ['shipments', 'shipment_lines', 'shipment_id'],
        ['invoices', 'invoice_lines', 'invoice_id'],
      ] as const) {
        expect(check.prepare(`select count(*) from ${head} where net_amount is null or tax_amount is null or gross_amount is null`).pluck().get()).toBe(0);
        expect(check.prepare(`select count(*) from ${line} where net_amount is null`).pluck().get()).toBe(0);
        const off = check
          .prepare(
            `select h.id from ${head} h left join (select ${key} as id, sum(net_amount) n, sum(tax_amount) t, sum(gross_amount) g from ${line} group by ${key}) l on l.id = h.id
             where h.net_amount <> coalesce(l.n, 0) or h.tax_amount <> coalesce(l.t, 0) or h.gross_amount <> coalesce(l.g, 0) or h.gross_amount <> h.net_amount + h.tax_amount`,
          )
          .all();
        expect(off).toEqual([]);
      }
      expect(
        check
          .prepare(
            `select i.id from invoices i join (select invoice_id, sum(net) n, sum(tax) t from invoice_tax_totals group by invoice_id) b on b.invoice_id = i.id
             where i.net_amount <> b.n or i.tax_amount <> b.t`,
          )
          .all(),
      ).toEqual([]);
    } finally {
      check.close();
    }
  });
});

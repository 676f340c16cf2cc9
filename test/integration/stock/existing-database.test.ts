/**
 * A database written by the first release (test/fixtures/db, schema 0000) opened by this version:
 * the stock tables arrive by migration, the 入荷 / 在庫移動 workflows by the idempotent seed (once),
 * the imported books are untouched, and the ledger the import wrote shows in 在庫一覧.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'db', 'schema-0000-first-release.sqlite3');
const tmp = makeTempDir('bcart-stock-existing-');
afterAll(() => tmp.cleanup());

describe('an existing first-release database', () => {
  it('gets the stock tables and workflows; its books stay as they were', async () => {
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${FIXTURE}${suffix}`, join(tmp.dir, `${DB_FILE_NAME}${suffix}`));
    const t = await makeTestCore({}, tmp.dir);
    const db = t.core.db;
    const shipments = db.prepare('select count(*) from shipments').pluck().get() as number;
    const ledger = db.prepare('select count(*) from stock_ledger').pluck().get() as number;
    expect(shipments).toBeGreaterThan(0);
    expect(ledger).toBeGreaterThan(0);
    const kinds = (db.prepare('select kind from workflows where confirmed = 1').pluck().all() as string[]).sort();
    expect(kinds).toEqual(expect.arrayContaining(['入荷', '在庫移動', '出荷', '請求']));
    expect(db.prepare('select count(*) from stock_outbox').pluck().get()).toBe(0);
    const list = await t.call<{ rows: { warehouseCode: string; quantity: number }[]; totals: { quantity: number } }>('stock:list', {});
    expect(list.totals.quantity).toBe(db.prepare('select sum(quantity) from stock_ledger').pluck().get());
    t.close();
    // a second start adds no workflow twice
    const again = await makeTestCore({}, tmp.dir);
    expect(again.core.db.prepare("select count(*) from workflows where kind in ('入荷', '在庫移動')").pluck().get() as number).toBe(2);
    expect(again.core.db.prepare('select count(*) from shipments').pluck().get()).toBe(shipments);
    again.close();
  });
});

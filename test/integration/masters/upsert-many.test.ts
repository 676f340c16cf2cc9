/**
 * The CSV import's bulk upsert (`upsertRows`) on a real SQLite file: what each row did, and what the
 * table holds after. On a table empty before the call, it leaves out the key lookup for keys it has not
 * inserted itself (none at all when the caller vouches that keys are unique); a key repeated within
 * the call must still be found (updated / unchanged), also when its first insert failed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../helpers/core';

const product = (code: string, over: Record<string, unknown> = {}) => ({
  code, variationH: '', variationV: '', skuCode: null, name: `商品${code}`, kana: '', unitQuantity: 1,
  inventoryTracked: true, taxClassId: null, unitPrice: 100, janCode: null, costPrice: null, ...over,
});

describe('upsertRows (CSV import write)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
  });
  afterEach(() => t.close());

  const repos = () => t.core.services.repos;
  const inTx = <T>(fn: () => T): T => repos().transaction(fn);
  /** rows written as objects here, handed to upsertRows by position (the union of their fields) */
  const upsertMany = <K extends 'departments' | 'products'>(master: K, rows: Record<string, unknown>[], keys: string[], opts?: { keysUnique?: boolean }) => {
    const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const repo = repos()[master] as unknown as { upsertRows: (f: string[], r: unknown[][], k: string[], o?: { keysUnique?: boolean }) => unknown[] };
    return repo.upsertRows(fields, rows.map((r) => fields.map((f) => r[f])), keys, opts);
  };
  const table = (sql: string) => t.core.db.prepare(sql).all();

  it('empty table: a key repeated in the same call is found again (unchanged, then updated)', () => {
    const out = inTx(() =>
      upsertMany('departments', 
        [
          { code: 'D1', name: '営業部' },
          { code: 'D2', name: '総務部' },
          { code: 'D1', name: '営業部' },
          { code: 'D1', name: '営業一部' },
        ],
        ['code'],
      ),
    );
    expect(out).toEqual(['created', 'created', 'unchanged', 'updated']);
    expect(table('select code, name from departments order by code')).toEqual([
      { code: 'D1', name: '営業一部' },
      { code: 'D2', name: '総務部' },
    ]);
  });

  it('empty table, key of code + 枝番: only the same three parts are the same product', () => {
    const out = inTx(() =>
      upsertMany('products', 
        [product('P1'), product('P1', { variationH: 'RED' }), product('P1', { variationV: 'RED' }), product('P1', { unitPrice: 200 }), product('P1', { variationH: 'RED' })],
        ['code', 'variationH', 'variationV'],
      ),
    );
    expect(out).toEqual(['created', 'created', 'created', 'updated', 'unchanged']);
    expect(table("select code, variation_h h, variation_v v, unit_price p from products where code = 'P1' order by h, v")).toEqual([
      { code: 'P1', h: '', v: '', p: 200 },
      { code: 'P1', h: '', v: 'RED', p: 100 },
      { code: 'P1', h: 'RED', v: '', p: 100 },
    ]);
  });

  it('empty table: a key whose first insert failed is inserted by a later row', () => {
    const out = inTx(() =>
      upsertMany('products', 
        [product('P2', { skuCode: 'S' }), product('P3', { skuCode: 'S' }), product('P3', { skuCode: 'T' })],
        ['code', 'variationH', 'variationV'],
      ),
    );
    expect(out[0]).toBe('created');
    expect(out[1]).toMatchObject({ failed: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }) });
    expect(out[2]).toBe('created');
    expect(table('select code, sku_code s from products order by code')).toEqual([
      { code: 'P2', s: 'S' },
      { code: 'P3', s: 'T' },
    ]);
  });

  it('empty table, keys vouched unique: every row inserted; a caller that was wrong gets the constraint, not a merged row', () => {
    const out = inTx(() => upsertMany('departments', [{ code: 'D1', name: '営業部' }, { code: 'D2', name: '総務部' }], ['code'], { keysUnique: true }));
    expect(out).toEqual(['created', 'created']);
    t.core.db.exec('delete from departments');
    const wrong = inTx(() => upsertMany('departments', [{ code: 'D1', name: '営業部' }, { code: 'D1', name: '人事部' }], ['code'], { keysUnique: true }));
    expect(wrong[0]).toBe('created');
    expect(wrong[1]).toMatchObject({ failed: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }) });
    expect(table('select code, name from departments')).toEqual([{ code: 'D1', name: '営業部' }]);
  });

  it('table with rows: existing keys are looked up (unchanged, updated, 確定 left as it is)', () => {
    inTx(() => upsertMany('departments', [{ code: 'D1', name: '営業部' }, { code: 'D2', name: '総務部' }, { code: 'D3', name: '経理部' }], ['code']));
    const d3 = table("select id from departments where code = 'D3'")[0] as { id: number };
    repos().departments.setConfirmed(d3.id, true);
    const out = inTx(() =>
      upsertMany('departments', 
        [
          { code: 'D1', name: '営業部' },
          { code: 'D2', name: '人事部' },
          { code: 'D3', name: '財務部' },
          { code: 'D4', name: '物流部' },
        ],
        ['code'],
      ),
    );
    expect(out).toEqual(['unchanged', 'updated', 'confirmed', 'created']);
    expect(table('select code, name from departments order by code')).toEqual([
      { code: 'D1', name: '営業部' },
      { code: 'D2', name: '人事部' },
      { code: 'D3', name: '経理部' },
      { code: 'D4', name: '物流部' },
    ]);
  });
});

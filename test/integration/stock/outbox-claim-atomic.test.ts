/**
 * A push round's claim is one write (docs/stock-rules.md): the rows of a send move to `sending`
 * together or not at all. With more than 500 rows waiting for one set (many slips of one product
 * before BCart was reachable again) the claim used to be several UPDATEs of 500 ids, each its own
 * commit, so a crash between them left part of one send claimed. The check counts the writing
 * statements the claim runs on the connection (test/helpers/write-points.ts) and then pushes the
 * 1,200 rows for real against the simulator: one set, stock moved by the sum of the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbHandle } from '../../../src-main/core/db/db-handle';
import { createOutboxRepository } from '../../../src-main/core/stock/outbox-repository';
import { instrumentPoints } from '../../helpers/write-points';
import { stockHarness, type StockHarness } from './stock-fixture';

const ROWS = 1_200;

describe('stock outbox: a claim of more than 500 rows is one statement', () => {
  let h: StockHarness;
  beforeAll(async () => {
    h = await stockHarness();
  });
  afterAll(() => h.close());

  it('claims 1,200 rows of one set in one write, and the round sends their sum once', async () => {
    const set = h.managed()[0]!;
    const productId = h.product(set.product_no);
    const before = h.stockOf(set.id)!;
    const db = h.t.core.db;
    const now = '2025-05-01T09:00:00+09:00';
    const ins = db.prepare(
      `insert into stock_outbox (ec_setting_id, product_id, product_no, set_id, delta, status, sources, created_at, updated_at)
       values (?, ?, ?, ?, ?, 'pending', '[]', ?, ?)`,
    );
    let sum = 0;
    db.transaction(() => {
      for (let i = 1; i <= ROWS; i++) {
        const delta = i % 3 === 0 ? -1 : 2;
        sum += delta;
        ins.run(h.settingId, productId, set.product_no, set.id, delta, now, now);
      }
    })();
    const ids = (db.prepare(`select id from stock_outbox where status = 'pending' order by id`).all() as { id: number }[]).map((r) => r.id);
    expect(ids).toHaveLength(ROWS);

    // the claim alone, on its own connection-level points
    const points = instrumentPoints(db, {});
    createOutboxRepository(dbHandle(db)).claim(ids, 'claim-test', now);
    const writes = points.filter((p) => p.phase === 'autocommit' || p.phase === 'inside');
    expect(writes.map((p) => p.sql.slice(0, 30))).toHaveLength(1);
    const statuses = db.prepare(`select status, count(*) n from stock_outbox group by status`).all();
    expect(statuses).toEqual([{ status: 'sending', n: ROWS }]);

    // rows left `sending` without stock_before were never sent: the round puts them back and sends them once
    const r = await h.t.core.services.stock.pusher.pushNow(h.settingId);
    expect(r).toMatchObject({ sent: ROWS, failed: 0, ambiguous: 0, pending: 0 });
    expect(h.stockOf(set.id)).toBe(before + sum);
    expect(db.prepare(`select status, count(*) n from stock_outbox group by status`).all()).toEqual([{ status: 'sent', n: ROWS }]);
  });
});

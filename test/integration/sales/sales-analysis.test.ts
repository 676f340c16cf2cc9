/**
 * 売上分析 against a plain reference over random data: raw line rows read with the simplest SQL and
 * aggregated in JavaScript with an exact decimal back-out of BCart's tax-included lines. Wholesale
 * slips are entered through the real service (drafts and 確定取消 slips must not count).
 */
import Decimal from 'decimal.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import type { AnalysisResult, AnalysisSlip } from '../../../src-shared/analysis/sales-analysis';
import type { SalesWriteResult } from '../../../src-shared/sales/sales-slip';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { insertBcartSlips, insertEcSetting, seeded, type DataRefs } from '../../helpers/sales-data';
import { makeSalesFixture, type SalesFixture } from '../../helpers/sales-fixture';

type Dim = 'month' | 'customer' | 'product' | 'department' | 'channel';
interface RawLine {
  channel: 'bcart' | 'wholesale';
  date: string;
  customer: string;
  product: string;
  department: string;
  amount: number;
  rate: number;
  incl: number;
  net: number | null;
  quantity: number;
}

/** half away from zero, exact */
const backOut = (amount: number, rate: number) => {
  const x = new Decimal(amount).times(100).div(100 + rate);
  const r = x.abs().plus(0.5).floor().toNumber();
  return x.isNegative() ? -r : r;
};

describe('売上分析 (SQL) equals a plain reference over random data', () => {
  let t: TestCore;
  let f: SalesFixture;
  beforeEach(async () => {
    t = await makeTestCore();
    f = await makeSalesFixture(t);
  });
  afterEach(() => t.close());

  function rawLines(from: string, to: string): RawLine[] {
    const bcart = t.core.db
      .prepare(
        `select 'bcart' as channel, s.date, coalesce(s.buyer_code, c.code) as customer, coalesce(p.sku_code, p.code) as product, d.code as department,
           l.amount, l.tax_rate as rate, l.tax_included as incl, null as net, l.quantity
         from shipment_lines l, shipments s, partners c, products p, departments d
         where l.shipment_id = s.id and c.id = s.customer_id and p.id = l.product_id and d.id = s.department_id and s.date >= ? and s.date <= ?`,
      )
      .all(from, to) as RawLine[];
    const wholesale = t.core.db
      .prepare(
        `select 'wholesale' as channel, h.date, c.code as customer, coalesce(p.sku_code, p.code) as product, d.code as department,
           l.amount, l.tax_rate as rate, 0 as incl, l.net_amount as net, l.quantity
         from sales_slip_lines l, sales_slips h, partners c, products p, departments d
         where l.slip_id = h.id and c.id = h.customer_id and p.id = l.product_id and d.id = h.department_id
           and h.status = 'confirmed' and h.date >= ? and h.date <= ?`,
      )
      .all(from, to) as RawLine[];
    return [...bcart, ...wholesale];
  }

  function reference(lines: RawLine[], by: Dim) {
    const groups = new Map<string, { key: string; channel: string; net: number; quantity: number }>();
    for (const l of lines) {
      const key = by === 'month' ? l.date.slice(0, 7) : by === 'channel' ? l.channel : l[by];
      const net = l.channel === 'wholesale' ? l.net! : l.incl ? backOut(l.amount, l.rate) : l.amount;
      const g = groups.get(`${key}|${l.channel}`) ?? { key, channel: l.channel, net: 0, quantity: 0 };
      g.net += net;
      g.quantity += l.quantity;
      groups.set(`${key}|${l.channel}`, g);
    }
    return [...groups.values()].sort((a, b) => (a.key === b.key ? (a.channel < b.channel ? -1 : 1) : a.key < b.key ? -1 : 1));
  }

  async function enterWholesale(seed: number, count: number) {
    const rnd = seeded(seed);
    const customers = [f.customer.net, f.customer.gross];
    const products = [f.product.coffee, f.product.tea, f.product.fee];
    for (let i = 0; i < count; i++) {
      const day = 1 + Math.floor(rnd() * 28);
      const month = 1 + Math.floor(rnd() * 12);
      const input = {
        customerId: customers[Math.floor(rnd() * 2)]!,
        warehouseId: f.warehouse.w01,
        departmentId: rnd() < 0.5 ? f.dept.d01 : f.dept.d02,
        date: `${rnd() < 0.3 ? 2025 : 2026}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        lines: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
          productId: products[Math.floor(rnd() * 3)]!,
          quantity: rnd() < 0.1 ? -1 : 1 + Math.floor(rnd() * 9),
          unitPrice: Math.floor(rnd() * 20_000),
        })),
      };
      const kind = rnd();
      if (kind < 0.15) await t.call('sales:save', input);
      else {
        const { slip } = await t.call<SalesWriteResult>('sales:saveAndConfirm', input);
        if (kind < 0.25) await t.call('sales:cancel', { id: slip.id });
      }
    }
  }

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every view and channel filter equals the reference; wholesale equals the slips’ own net`, async () => {
      const refs: DataRefs = {
        departmentIds: [f.dept.d01, f.dept.d02],
        customerIds: [f.customer.net, f.customer.gross],
        warehouseId: f.warehouse.w01,
        products: [
          { id: f.product.coffee, taxClassId: f.tax.std, rate: 10 },
          { id: f.product.tea, taxClassId: f.tax.red, rate: 8 },
        ],
        feeProductId: f.product.fee,
        feeTaxClassId: f.tax.std,
        buyerCodes: ['C001', 'C002'],
      };
      insertBcartSlips(t.core.db, refs, { count: 300, seed, from: '2025-01-01', days: 730, settingId: insertEcSetting(t.core.db) });
      await enterWholesale(seed * 7919, 40);
      const from = '2026-01-01';
      const to = '2026-12-31';
      const lines = rawLines(from, to);
      for (const by of ['month', 'customer', 'product', 'department', 'channel'] as const) {
        const r = await t.call<AnalysisResult>('analysis:sales', { by, from, to });
        const got = r.rows.map(({ key, channel, net, quantity }) => ({ key, channel, net, quantity }));
        const want = reference(lines, by);
        expect(got.filter((g) => want.some((w) => w.key === g.key && w.channel === g.channel))).toEqual(want);
        // rows only last year has carry net 0 this year
        expect(r.rows.filter((x) => !want.some((w) => w.key === x.key && w.channel === x.channel)).every((x) => x.net === 0 && x.quantity === 0)).toBe(true);
        // year-on-year: the prev figures are the reference of the same period a year earlier
        const prevWant = reference(rawLines('2025-01-01', '2025-12-31'), by);
        const prevGot = r.rows.filter((x) => x.prevNet !== 0 || x.prevQuantity !== 0).map((x) => x.prevNet);
        expect(prevGot.reduce((s, n) => s + n, 0)).toBe(prevWant.reduce((s, w) => s + w.net, 0));
      }
      for (const channel of ['bcart', 'wholesale'] as const) {
        const r = await t.call<AnalysisResult>('analysis:sales', { by: 'month', from, to, channel });
        expect(r.rows.filter((x) => x.net !== 0 || x.quantity !== 0).map(({ key, channel: c, net, quantity }) => ({ key, channel: c, net, quantity }))).toEqual(
          reference(lines.filter((l) => l.channel === channel), 'month').filter((x) => x.net !== 0 || x.quantity !== 0),
        );
      }
      // the wholesale total is the confirmed slips' own tax-excluded total
      const slipsNet = (t.core.db.prepare("select coalesce(sum(net), 0) as n from sales_slips where status = 'confirmed' and date between ? and ?").get(from, to) as { n: number }).n;
      const ws = await t.call<AnalysisResult>('analysis:sales', { by: 'channel', from, to, channel: 'wholesale' });
      expect(ws.totals.goods).toBe(slipsNet);
      // the CLI prints the same groups (month / customer / product / channel)
      for (const by of ['month', 'customer', 'product', 'channel'] as const) {
        const out: string[] = [];
        const code = await runCli(['analysis:sales', '--data-dir', t.dataDir, '--by', by, '--from', from, '--to', to, '--json'], { out: (x) => out.push(x), err: () => {} });
        expect(code).toBe(0);
        expect(JSON.parse(out.join(''))).toEqual(reference(lines, by));
      }
    });
  }

  it('shipping, fees and points are apart from goods; 純売上 = goods − points; drill-down lists the slips of a group', async () => {
    const refs: DataRefs = {
      departmentIds: [f.dept.d01],
      customerIds: [f.customer.net],
      warehouseId: f.warehouse.w01,
      products: [{ id: f.product.coffee, taxClassId: f.tax.std, rate: 10 }],
      feeProductId: f.product.fee,
      feeTaxClassId: f.tax.std,
    };
    insertBcartSlips(t.core.db, refs, { count: 50, seed: 9, from: '2026-03-01', days: 31, settingId: insertEcSetting(t.core.db) });
    const extras = t.core.db
      .prepare(`select l.kind, l.amount from invoice_lines l join invoices i on i.id = l.invoice_id where l.kind in ('shipping', 'point') and i.date between '2026-03-01' and '2026-03-31'`)
      .all() as { kind: string; amount: number }[];
    const sum = (kind: string) => extras.filter((e) => e.kind === kind).reduce((s, e) => s + backOut(e.amount, 10), 0);
    const r = await t.call<AnalysisResult>('analysis:sales', { by: 'month', from: '2026-03-01', to: '2026-03-31' });
    expect(sum('shipping')).toBeGreaterThan(0);
    expect(r.totals).toMatchObject({ shipping: sum('shipping'), fees: 0, points: -sum('point') });
    expect(r.totals.netSales).toBe(r.totals.goods - r.totals.points);
    expect(r.totals.goods).toBe(reference(rawLines('2026-03-01', '2026-03-31'), 'channel').reduce((s, g) => s + g.net, 0));
    const drill = await t.call<{ rows: AnalysisSlip[] }>('analysis:slips', { by: 'month', key: '2026-03', channel: 'bcart', from: '2026-03-01', to: '2026-03-31' });
    expect(drill.rows).toHaveLength(50);
    expect(drill.rows.reduce((s, x) => s + x.net, 0)).toBe(r.rows[0]!.net);
    expect(drill.rows[0]!.number).toMatch(/^BC\d+$/);
  });
});

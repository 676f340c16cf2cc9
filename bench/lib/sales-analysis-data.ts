/**
 * The 売上分析 benchmarks' books (bench/sales-analysis*.bench.ts): masters made through the real
 * dispatch (2 部門, 200 得意先, 500 商品 of which 9 in 10 carry a 原価 so the 粗利 cost look-up has work,
 * 送料), then `slips` slips written in bulk — half BCart 出荷伝票 with their 請求伝票, half confirmed
 * 売上伝票, 1–4 lines each — spread over the two calendar years ending with `lastYear`.
 */
import type { Core } from '../../src-main/core/create-core';
import { insertBcartSlips, insertEcSetting, insertWholesaleSlips, type DataRefs } from '../../test/helpers/sales-data';

export async function seedSalesBooks(core: Core, slips: number, lastYear: number): Promise<void> {
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(channel, input, { via: 'test' });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  const made = async (prefix: string, input: unknown) => {
    const row = await call<{ id: number }>(`${prefix}:create`, input);
    await call(`${prefix}:confirm`, { id: row.id });
    return row.id;
  };
  const tax = (await call<{ rows: { id: number; code: string }[] }>('taxClasses:list', {})).rows;
  const std = tax.find((t) => t.code === 'STD10')!.id;
  const red = tax.find((t) => t.code === 'RED08')!.id;
  const departmentIds = [await made('departments', { code: 'D01', name: '営業部' }), await made('departments', { code: 'D02', name: 'EC部' })];
  const customerIds: number[] = [];
  for (let i = 1; i <= 200; i++) customerIds.push(await made('partners', { code: `C${i}`, name: `得意先${i}`, kind: '得意先', billingType: '個別', closingDay: null, taxDisplay: '税抜' }));
  const warehouseId = await made('partners', { code: 'W01', name: '倉庫', kind: '倉庫', billingType: null, closingDay: null, taxDisplay: null });
  const products: DataRefs['products'] = [];
  for (let i = 1; i <= 500; i++) {
    const rate = i % 5 === 0 ? 8 : 10;
    const costPrice = i % 10 === 0 ? null : 600;
    const id = await made('products', { code: `P${i}`, name: `商品${i}`, unitQuantity: 1, inventoryTracked: true, taxClassId: rate === 8 ? red : std, unitPrice: 1000, costPrice });
    products.push({ id, taxClassId: rate === 8 ? red : std, rate });
  }
  const feeProductId = await made('products', { code: 'FEE', name: '送料', unitQuantity: 1, inventoryTracked: false, taxClassId: std, unitPrice: 0 });
  const refs: DataRefs = { departmentIds, customerIds, warehouseId, products, feeProductId, feeTaxClassId: std };
  const from = `${lastYear - 1}-01-01`;
  insertBcartSlips(core.db, refs, { count: slips / 2, seed: 1, from, days: 730, settingId: insertEcSetting(core.db) });
  insertWholesaleSlips(core.db, refs, { count: slips / 2, seed: 2, from, days: 730 });
  core.db.exec('analyze');
}

/** The same grouping done the plainest way SQLite can: the floor a view is compared with. */
export const BARE_AGGREGATE: Record<'month' | 'customer' | 'product' | 'department' | 'channel', string> = {
  month: `select k, sum(a) from (
      select substr(s.date, 1, 7) as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select substr(h.date, 1, 7), l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  customer: `select k, sum(a) from (
      select s.customer_id as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select h.customer_id, l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  product: `select k, sum(a) from (
      select l.product_id as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select l.product_id, l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  department: `select k, sum(a) from (
      select s.department_id as k, l.amount as a from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select h.department_id, l.amount from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to) group by k`,
  channel: `select 'b', sum(l.amount) from shipments s join shipment_lines l on l.shipment_id = s.id where s.date between @from and @to
      union all select 'w', sum(l.amount) from sales_slips h join sales_slip_lines l on l.slip_id = h.id where h.date between @from and @to`,
};

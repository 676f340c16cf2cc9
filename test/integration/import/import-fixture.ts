/**
 * Books for import tests, written straight into SQLite (independent of the settings screens): a
 * 部門, the 連携倉庫, the BC_* and member 得意先, one confirmed product per simulator set (品番 =
 * product code, 計上単位 = 入数), the fee products, one EC連携設定 pointing at the simulator and its
 * personal token.
 */
import { addDays } from '../../../src-shared/domain/jst-date';
import type { SqliteDb } from '../../../src-main/core/db/open';
import { requiredCustomerCodes } from '../../../src-main/core/import/mapping';
import type { BcartSessions } from '../../../src-main/core/ec-settings/bcart-sessions';
import type { RunningSimulator } from '../../../src-main/simulator';

export interface SeededBooks {
  settingId: number;
  warehouseId: number;
}

/** Seeds the books; `from` = 出荷取込開始日. */
export async function seedImportBooks(
  db: SqliteDb,
  bcart: Pick<BcartSessions, 'savePersonalToken'>,
  sim: Pick<RunningSimulator, 'url' | 'token' | 'state'>,
  from: string,
  now = '2025-01-01T00:00:00+09:00',
): Promise<SeededBooks> {
  const ids = db.transaction(() => {
    const ins = (sql: string, ...args: unknown[]) => Number(db.prepare(sql).run(...args).lastInsertRowid);
    const dep = ins(`insert into departments (code, name, confirmed, created_at, updated_at) values ('EC', 'EC事業部', 1, ?, ?)`, now, now);
    const partner = (code: string, name: string, kind: string) =>
      ins(`insert into partners (code, name, kind, confirmed, created_at, updated_at) values (?, ?, ?, 1, ?, ?)`, code, name, kind, now, now);
    const wh = partner('WH-EC', 'Bカート連携倉庫', '倉庫');
    for (const code of requiredCustomerCodes()) partner(code, code, '得意先');
    // half-width codes: the simulator's full-width 貴社独自会員ID must still match them (NFKC)
    for (const c of sim.state.customers) if (c.ext_id !== '') partner(c.ext_id.normalize('NFKC'), c.comp_name, '得意先');
    const tax = (kind: string) => (db.prepare('select id from tax_classes where kind = ? order by id').get(kind) as { id: number }).id;
    const wf = (kind: string) => (db.prepare('select id from workflows where kind = ? order by id').get(kind) as { id: number }).id;
    const product = (code: string, name: string, qty: number, tracked: boolean, taxId: number) =>
      ins(
        `insert into products (code, name, unit_quantity, inventory_tracked, tax_class_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?)`,
        code,
        name,
        qty,
        tracked ? 1 : 0,
        taxId,
        now,
        now,
      );
    for (const s of sim.state.productSets) product(s.product_no, s.name, Number(s.quantity), true, s.tax_type_id === 2 ? tax('軽減') : tax('標準'));
    const fee = product('SHIPPING-FEE', '送料・手数料', 1, false, tax('標準'));
    const disc = product('DISCOUNT-POINT', '値引・ポイント', 1, false, tax('標準'));
    const settingId = ins(
      `insert into ec_settings (name, department_id, warehouse_id, standard_tax_class_id, reduced_tax_class_id, exempt_tax_class_id,
         shipping_fee_product_id, discount_product_id, import_start_date, product_link_same_code, shipment_workflow_id, invoice_workflow_id,
         api_base_url, created_at, updated_at)
       values ('テスト', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
      dep,
      wh,
      tax('標準'),
      tax('軽減'),
      tax('非課税'),
      fee,
      disc,
      from,
      wf('出荷'),
      wf('請求'),
      sim.url,
      now,
      now,
    );
    return { settingId, warehouseId: wh };
  })();
  await bcart.savePersonalToken(ids.settingId, sim.token, sim.url);
  return ids;
}

/** Business tables of the import, as a comparable snapshot (ids excluded where they are incidental). */
export function booksSnapshot(db: SqliteDb, settingId: number, minOrderId = 0): string {
  const q = (sql: string) => JSON.stringify(db.prepare(sql).all());
  const o = (alias: string) => `${alias}bcart_order_id >= ${minOrderId}`;
  return [
    q(`select bcart_logistics_id, bcart_order_id, customer_id, date, amount from shipments where ${o('')} order by bcart_logistics_id`),
    q('select s.bcart_logistics_id, l.line_no, l.product_id, l.quantity, l.unit_price, l.amount, l.tax_rate, l.bcart_order_product_id from shipment_lines l join shipments s on s.id = l.shipment_id order by 1, 2'),
    q('select bcart_order_id, customer_id, date, total from invoices order by bcart_order_id'),
    q('select i.bcart_order_id, l.line_no, l.kind, l.amount from invoice_lines l join invoices i on i.id = l.invoice_id order by 1, 2'),
    q('select i.bcart_order_id, t.rate, t.net, t.tax, t.gross from invoice_tax_totals t join invoices i on i.id = t.invoice_id order by 1, 2'),
    q('select product_id, sum(quantity) from stock_ledger group by product_id order by product_id'),
    q(`select bcart_order_id, reason from import_watch where ec_setting_id = ${settingId} and ${o('')} order by 1`),
    q(`select import_start_date from ec_settings where id = ${settingId}`),
  ].join('\n');
}

/** Counts of the business tables. */
export function bookCounts(db: SqliteDb) {
  const n = (t: string) => (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
  return { shipments: n('shipments'), lines: n('shipment_lines'), invoices: n('invoices'), stock: n('stock_ledger'), watch: n('import_watch') };
}

export const daysBefore = (today: string, n: number) => addDays(today, -n);

/** The baseline of bench/import.bench.ts: the import's rows written with plain prepared statements. */
import type { Core } from '../../src-main/core/create-core';
import type { ImportPlan } from '../../src-main/core/import/mapping';

/**
 * The same rows and columns insertImported writes (slips with their money basis and buyer fields,
 * lines, stock-out rows, per-rate totals), inserted with plain prepared statements and no mapping.
 * The columns follow the subject: when the import starts writing more, this writes them too, so
 * the ratio measures the import's overhead and not the extra data.
 */
export function bareInsert(core: Core, settingId: number, plan: ImportPlan, runId: number, now: string): void {
  const db = core.db;
  const shipment = db.prepare(
    `insert into shipments (ec_setting_id, department_id, warehouse_id, customer_id, date, workflow_id, confirmed, amount, net_amount, tax_amount, gross_amount,
       bcart_order_id, bcart_order_code, bcart_logistics_id, bcart_member_id, bcart_member_ext_id, bcart_member_company, import_run_id, buyer_code, buyer_name, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const line = db.prepare(
    `insert into shipment_lines (shipment_id, line_no, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included, net_amount, tax_amount, gross_amount, bcart_order_product_id, ec_setting_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stock = db.prepare(
    `insert into stock_ledger (warehouse_id, product_id, quantity, source_type, source_id, date, created_at) values (?, ?, ?, 'shipment', ?, ?, ?)`,
  );
  const invoice = db.prepare(
    `insert into invoices (ec_setting_id, department_id, customer_id, date, workflow_id, confirmed, total, net_amount, tax_amount, gross_amount, bcart_order_id, bcart_order_code,
       bcart_member_id, bcart_member_ext_id, bcart_member_company, import_run_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const invLine = db.prepare(
    `insert into invoice_lines (invoice_id, line_no, kind, product_id, quantity, unit_price, amount, tax_class_id, tax_rate, tax_included, net_amount, tax_amount, gross_amount)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tax = db.prepare(`insert into invoice_tax_totals (invoice_id, rate, net, tax, gross, app_tax) values (?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const d of plan.shipments) {
      const t = d.money;
      const b = d.buyer;
      const id = shipment.run(
        settingId,
        d.departmentId,
        d.warehouseId,
        d.customerId,
        d.date,
        d.workflowId,
        d.amount,
        t.net,
        t.tax,
        t.gross,
        d.bcartOrderId,
        d.bcartOrderCode,
        d.bcartLogisticsId,
        b.memberId,
        b.extId,
        b.company,
        runId,
        d.buyerCode,
        d.buyerName,
        now,
        now,
      ).lastInsertRowid;
      for (let n = 0; n < d.lines.length; n++) {
        const l = d.lines[n]!;
        const m = d.money.byLine;
        line.run(
          id,
          n + 1,
          l.productId,
          l.quantity,
          l.unitPrice,
          l.amount,
          l.taxClassId,
          l.taxRate,
          l.taxIncluded ? 1 : 0,
          m[3 * n],
          m[3 * n + 1],
          m[3 * n + 2],
          l.bcartOrderProductId,
          settingId,
        );
        if (l.inventoryTracked && l.quantity !== 0) stock.run(d.warehouseId, l.productId, -l.quantity, id, d.date, now);
      }
    }
    for (const inv of plan.invoices) {
      const t = inv.money;
      const b = inv.buyer;
      const id = invoice.run(
        settingId,
        inv.departmentId,
        inv.customerId,
        inv.date,
        inv.workflowId,
        inv.total,
        t.net,
        t.tax,
        t.gross,
        inv.bcartOrderId,
        inv.bcartOrderCode,
        b.memberId,
        b.extId,
        b.company,
        runId,
        now,
        now,
      ).lastInsertRowid;
      for (let n = 0; n < inv.lines.length; n++) {
        const l = inv.lines[n]!;
        const m = inv.money.byLine;
        invLine.run(
          id,
          n + 1,
          l.kind,
          l.productId,
          l.quantity,
          l.unitPrice,
          l.amount,
          l.taxClassId,
          l.taxRate,
          l.taxIncluded ? 1 : 0,
          m[3 * n],
          m[3 * n + 1],
          m[3 * n + 2],
        );
      }
      for (const r of inv.byRate) tax.run(id, r.rate, r.net, r.tax, r.gross, r.appTax);
    }
  }).immediate();
}


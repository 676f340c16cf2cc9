/**
 * Who uses a master (docs/import-rules.md#masters-in-use): the EC連携設定 that name it (its fields,
 * 決済方法ごとの得意先, EC連携商品) and the confirmed slips that reference it. A master in use
 * cannot be 確定取消'd, and the fields its users depend on cannot change; the refusal names the
 * users, so the clerk knows where to look.
 */
import type { Db } from '../db/db-handle';

export type MasterKind = 'departments' | 'taxClasses' | 'workflows' | 'partners' | 'products' | 'bankAccounts';

/** ec_settings columns per master kind, with their label on the EC連携設定 screen. */
const SETTING_FIELDS: Record<MasterKind, [column: string, label: string][]> = {
  departments: [['department_id', '連携部門']],
  taxClasses: [
    ['standard_tax_class_id', '標準税区分'],
    ['reduced_tax_class_id', '軽減税区分'],
    ['exempt_tax_class_id', '非課税税区分'],
  ],
  workflows: [
    ['shipment_workflow_id', '出荷ワークフロー'],
    ['invoice_workflow_id', '請求ワークフロー'],
  ],
  partners: [
    ['warehouse_id', '連携倉庫'],
    ['default_customer_id', '既定の得意先'],
  ],
  products: [
    ['shipping_fee_product_id', '送料・手数料'],
    ['discount_product_id', '値引・ポイント'],
  ],
  bankAccounts: [['bank_account_id', '入金口座']],
};

/** Confirmed slips referencing a master: [label, SQL counting them for @id]. */
const SLIP_COUNTS: Record<MasterKind, [label: string, sql: string][]> = {
  departments: [
    ['出荷伝票', 'select count(*) from shipments where confirmed = 1 and department_id = @id'],
    ['請求伝票', 'select count(*) from invoices where confirmed = 1 and department_id = @id'],
    ['入荷・在庫移動伝票', 'select count(*) from stock_slips where confirmed = 1 and department_id = @id'],
  ],
  taxClasses: [
    ['出荷伝票', 'select count(distinct s.id) from shipments s join shipment_lines l on l.shipment_id = s.id where s.confirmed = 1 and l.tax_class_id = @id'],
    ['請求伝票', 'select count(distinct i.id) from invoices i join invoice_lines l on l.invoice_id = i.id where i.confirmed = 1 and l.tax_class_id = @id'],
  ],
  workflows: [
    ['出荷伝票', 'select count(*) from shipments where confirmed = 1 and workflow_id = @id'],
    ['請求伝票', 'select count(*) from invoices where confirmed = 1 and workflow_id = @id'],
    ['入荷・在庫移動伝票', 'select count(*) from stock_slips where confirmed = 1 and workflow_id = @id'],
  ],
  partners: [
    ['出荷伝票', 'select count(*) from shipments where confirmed = 1 and (customer_id = @id or warehouse_id = @id)'],
    ['請求伝票', 'select count(*) from invoices where confirmed = 1 and customer_id = @id'],
    ['入荷・在庫移動伝票', 'select count(*) from stock_slips where confirmed = 1 and (warehouse_id = @id or to_warehouse_id = @id or supplier_id = @id)'],
  ],
  products: [
    ['出荷伝票', 'select count(distinct s.id) from shipments s join shipment_lines l on l.shipment_id = s.id where s.confirmed = 1 and l.product_id = @id'],
    ['請求伝票', 'select count(distinct i.id) from invoices i join invoice_lines l on l.invoice_id = i.id where i.confirmed = 1 and l.product_id = @id'],
    ['入荷・在庫移動伝票', 'select count(distinct s.id) from stock_slips s join stock_slip_lines l on l.slip_id = s.id where s.confirmed = 1 and l.product_id = @id'],
  ],
  bankAccounts: [],
};

export function createMasterUsageRepository(db: Db) {
  const { sqlite } = db;
  return {
    /** Japanese descriptions of every user of master `id` of `kind`; empty when unused. */
    usersOf(kind: MasterKind, id: number): string[] {
      const users: string[] = [];
      for (const [column, label] of SETTING_FIELDS[kind]) {
        const rows = sqlite.prepare(`select name from ec_settings where ${column} = ? order by id`).pluck().all(id) as string[];
        for (const name of rows) users.push(`EC連携設定「${name}」の${label}`);
      }
      if (kind === 'partners') {
        const rules = sqlite
          .prepare(
            `select e.name as setting, r.payment_name as payment from payment_rules r join ec_settings e on e.id = r.ec_setting_id
             join partners p on p.code = r.customer_code where r.rule_kind = 'customer' and p.id = ? order by e.id, r.id`,
          )
          .all(id) as { setting: string; payment: string }[];
        for (const r of rules) users.push(`EC連携設定「${r.setting}」の決済方法ごとの得意先（${r.payment}）`);
      }
      if (kind === 'products') {
        const links = sqlite
          .prepare(`select e.name as setting, count(*) as n from product_links l join ec_settings e on e.id = l.ec_setting_id where l.product_id = ? group by e.id order by e.id`)
          .all(id) as { setting: string; n: number }[];
        for (const l of links) users.push(`EC連携設定「${l.setting}」のEC連携商品`);
      }
      for (const [label, sql] of SLIP_COUNTS[kind]) {
        const n = sqlite.prepare(sql).pluck().get({ id }) as number;
        if (n > 0) users.push(`確定済みの${label} ${n.toLocaleString('en-US')} 件`);
      }
      return users;
    },
  };
}

export type MasterUsageRepository = ReturnType<typeof createMasterUsageRepository>;

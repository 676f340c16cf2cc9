/**
 * 売上分析 in SQL (bench/sales-analysis.bench.ts): one pass over the goods lines of both channels —
 * BCart 出荷伝票 lines (tax backed out per line when BCart sent them tax-included) and confirmed
 * 売上伝票 lines (their stored tax-excluded line amount) — grouped by the chosen dimension. Raw
 * prepared statements: the 100,000-slip views are a hot path measured against a bare aggregate.
 * Read only.
 */
import type { AnalysisDimension, SalesChannel } from '../../../src-shared/analysis/sales-analysis';
import type { Db } from '../db/db-handle';

export interface GoodsFilter {
  from: string;
  to: string;
  channel?: SalesChannel | undefined;
  customerId?: number | undefined;
  productId?: number | undefined;
  departmentId?: number | undefined;
}

export interface GroupRow {
  key: string;
  label: string;
  channel: SalesChannel;
  net: number;
  quantity: number;
  /** Σ quantity × the product's 原価; null when a line of the group has a product without 原価 */
  cost: number | null;
}

/**
 * Tax-excluded amount of a BCart line: tax-included lines back the tax out, rounded half away from
 * zero (SQLite's integer division truncates toward zero, so the sign is taken out first). The
 * invoice's tax stays BCart's own; this is only the analysis' split of a line.
 */
export const BCART_LINE_NET = `case when l.tax_included = 1 then
    case when l.amount >= 0 then (l.amount * 200 + 100 + l.tax_rate) / (200 + 2 * l.tax_rate)
         else -((-l.amount * 200 + 100 + l.tax_rate) / (200 + 2 * l.tax_rate)) end
  else l.amount end`;

/**
 * 原価 of a line: quantity × the product's current 原価 (the 商品 master keeps one 原価, not its
 * history), null when the product has none — a group shows 粗利 only when no line is null.
 */
const LINE_COST = '(select l.quantity * c.cost_price from products c where c.id = l.product_id)';

/**
 * Each view first sums the lines per raw id (date month, customer_id, product_id, department_id,
 * channel) — the one pass over 100,000s of lines — and only then joins the few resulting groups to
 * the masters for the key and the label, regrouping where several ids share a key (product
 * variations without their own SKU share the product code).
 */
const KEY: Record<AnalysisDimension, { raw: string; key: string; label: string; join: string }> = {
  month: { raw: 'substr(g.date, 1, 7)', key: 'a.k', label: 'a.k', join: '' },
  // BCart sales go to the buyer (会員), not to the 得意先 billed per 決済方法; a buyer whose
  // 貴社独自会員ID is a 得意先コード shares that 得意先's row with its 卸 sales
  customer: {
    raw: 'g.customer_id',
    key: 'coalesce(a.bc, m.code)',
    label: 'min(coalesce((select p.name from partners p where p.code = a.bc), a.bn, m.name))',
    join: 'join partners m on m.id = a.k',
  },
  product: { raw: 'g.product_id', key: 'coalesce(m.sku_code, m.code)', label: 'min(m.name)', join: 'join products m on m.id = a.k' },
  department: { raw: 'g.department_id', key: 'm.code', label: 'min(m.name)', join: 'join departments m on m.id = a.k' },
  channel: { raw: 'g.channel', key: 'a.k', label: "case a.k when 'bcart' then 'Bカート' else '卸' end", join: '' },
};

/** The goods lines of both channels in a date range, filtered (the CTE every view reads). */
function goodsCte(f: GoodsFilter): { sql: string; args: unknown[] } {
  const extra = (alias: string): { sql: string; args: unknown[] } => {
    const parts: string[] = [];
    const args: unknown[] = [];
    const add = (clause: string, value: number | undefined) => {
      if (value === undefined) return;
      parts.push(clause);
      args.push(value);
    };
    add(`${alias}.customer_id = ?`, f.customerId);
    add(`${alias}.department_id = ?`, f.departmentId);
    add('l.product_id = ?', f.productId);
    return { sql: parts.map((p) => ` and ${p}`).join(''), args };
  };
  const parts: string[] = [];
  const args: unknown[] = [];
  if (f.channel !== 'wholesale') {
    const e = extra('s');
    parts.push(`select s.id as slip_id, s.date, 'bcart' as channel, s.customer_id, s.buyer_code, s.buyer_name, l.product_id, s.department_id, ${BCART_LINE_NET} as net, l.quantity, ${LINE_COST} as cost
      from shipments s join shipment_lines l on l.shipment_id = s.id
      where s.date between ? and ? and s.confirmed = 1${e.sql}`);
    args.push(f.from, f.to, ...e.args);
  }
  if (f.channel !== 'bcart') {
    const e = extra('h');
    parts.push(`select h.id as slip_id, h.date, 'wholesale' as channel, h.customer_id, null as buyer_code, null as buyer_name, l.product_id, h.department_id, l.net_amount as net, l.quantity, ${LINE_COST} as cost
      from sales_slips h join sales_slip_lines l on l.slip_id = h.id
      where h.date between ? and ? and h.status = 'confirmed'${e.sql}`);
    args.push(f.from, f.to, ...e.args);
  }
  return { sql: `with g as (${parts.join(' union all ')})`, args };
}

export function createAnalysisRepository(db: Db) {
  const { sqlite } = db;
  return {
    /** Goods net and quantity per (key, channel), ordered by key then channel. */
    groups(by: AnalysisDimension, f: GoodsFilter): GroupRow[] {
      const k = KEY[by];
      const cte = goodsCte(f);
      return sqlite
        .prepare(
          `${cte.sql}, a as (select ${k.raw} as k, ${by === 'customer' ? 'g.buyer_code' : 'null'} as bc, max(g.buyer_name) as bn, g.channel as channel,
             sum(g.net) as net, sum(g.quantity) as quantity, sum(g.cost) as cost, sum(g.cost is null) as uncosted from g group by 1, 2, 4)
           select ${k.key} as key, ${k.label} as label, a.channel as channel, sum(a.net) as net, sum(a.quantity) as quantity,
             case when sum(a.uncosted) = 0 then sum(a.cost) end as cost
           from a ${k.join} group by ${k.key}, a.channel order by key, channel`,
        )
        .all(...cte.args) as GroupRow[];
    },

    /**
     * BCart 請求伝票 lines that are not goods, tax-excluded per line like the goods: 送料, 決済手数料,
     * 利用ポイント (negative amounts), dated by the invoice (the order's last 発送日).
     */
    extras(f: GoodsFilter): { shipping: number; fees: number; points: number } {
      if (f.channel === 'wholesale' || f.productId !== undefined) return { shipping: 0, fees: 0, points: 0 };
      const args: unknown[] = [f.from, f.to];
      let where = '';
      if (f.customerId !== undefined) {
        where += ' and i.customer_id = ?';
        args.push(f.customerId);
      }
      if (f.departmentId !== undefined) {
        where += ' and i.department_id = ?';
        args.push(f.departmentId);
      }
      const rows = sqlite
        .prepare(
          `select l.kind as kind, sum(${BCART_LINE_NET}) as net from invoices i join invoice_lines l on l.invoice_id = i.id
           where i.ec_setting_id is not null and i.date between ? and ? and l.kind in ('shipping', 'payment-fee', 'point')${where}
           group by l.kind`,
        )
        .all(...args) as { kind: string; net: number }[];
      const by = new Map(rows.map((r) => [r.kind, r.net]));
      return { shipping: by.get('shipping') ?? 0, fees: by.get('payment-fee') ?? 0, points: -(by.get('point') ?? 0) };
    },

    /** The slips behind one group (drill-down), newest first. */
    slips(by: AnalysisDimension, key: string, channel: SalesChannel, from: string, to: string, limit: number) {
      const k = KEY[by];
      const cte = goodsCte({ from, to, channel });
      const number =
        channel === 'bcart'
          ? "(select coalesce(s.bcart_order_code, '') from shipments s where s.id = g.slip_id)"
          : "(select coalesce(h.slip_no, '') from sales_slips h where h.id = g.slip_id)";
      return sqlite
        .prepare(
          `${cte.sql}, a as (select g.*, ${k.raw} as k, ${by === 'customer' ? 'g.buyer_code' : 'null'} as bc, g.buyer_name as bn from g)
           select a.slip_id as id, a.channel as channel, min(a.date) as date, ${number.replaceAll('g.slip_id', 'a.slip_id')} as number, min(cc.code) as customerCode,
             min(cc.name) as customerName, sum(a.net) as net, sum(a.quantity) as quantity
           from a ${k.join} join partners cc on cc.id = a.customer_id
           where ${k.key} = ? group by a.slip_id order by date desc, a.slip_id desc limit ?`,
        )
        .all(...cte.args, key, limit) as { id: number; channel: SalesChannel; date: string; number: string; customerCode: string; customerName: string; net: number; quantity: number }[];
    },
  };
}

export type AnalysisRepository = ReturnType<typeof createAnalysisRepository>;

/**
 * The buyer reaches the books and the screens' channels (docs/import-rules.md#shipped-shipments-and-slips):
 * after an import against the simulator every 出荷伝票 / 請求伝票 of a card-paid order names its
 * BCart member, the detail shows it, and the list search finds slips by the buyer's 会社名.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceDetailView, ShipmentRowView } from '../../../src-shared/slips/slips';
import { startImportHarness, type ImportHarness } from './import-harness';

let h: ImportHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('BCart buyer on slips', () => {
  it('every imported slip carries the member of its order; lists search by 会社名', async () => {
    h = await startImportHarness({ seed: 9, orders: 40, fromDate: '2025-04-24', toDate: '2025-04-30', mode: 'test' }, '2025-04-24');
    expect((await h.catchUp()).at(-1)!.status).toBe('succeeded');
    const { rows } = await h.t.call<{ rows: ShipmentRowView[] }>('shipments:list', {});
    expect(rows.length).toBeGreaterThan(5);
    // oracle: the simulator's own orders and members
    for (const r of rows) {
      const stored = h.sim.state.getOrder(r.bcartOrderId!)!;
      const member = h.sim.state.getCustomer(stored.order.customer_id)!;
      expect([r.buyerMemberId, r.buyerExtId, r.buyerCompany]).toEqual([member.id, member.ext_id.trim(), member.comp_name.trim()]);
    }
    const card = rows.find((r) => r.customerCode === 'BC_CreditCard' || r.customerCode === 'BC_PayPal');
    expect(card).toBeDefined();
    expect(card!.buyerCompany).not.toBe('');
    const found = await h.t.call<{ rows: ShipmentRowView[] }>('shipments:list', { search: card!.buyerCompany! });
    expect(found.rows.map((r) => r.id)).toContain(card!.id);
    expect(found.rows.every((r) => r.buyerCompany === card!.buyerCompany || r.customerName.includes(card!.buyerCompany!) || (r.bcartOrderCode ?? '').includes(card!.buyerCompany!))).toBe(true);

    const invoices = await h.t.call<{ rows: { id: number; bcartOrderId: number }[] }>('invoices:list', {});
    const inv = await h.t.call<InvoiceDetailView>('invoices:get', { id: invoices.rows[0]!.id });
    const member = h.sim.state.getCustomer(h.sim.state.getOrder(inv.bcartOrderId!)!.order.customer_id)!;
    expect(inv).toMatchObject({ buyerMemberId: member.id, buyerCompany: member.comp_name.trim() });
  });

  it('the import writes one money basis: every line and slip has 税抜 + 消費税 = 税込, lines add up to their slip, an invoice to BCart’s per-rate totals', async () => {
    h = await startImportHarness({ seed: 10, orders: 40, fromDate: '2025-04-24', toDate: '2025-04-30', mode: 'test' }, '2025-04-24');
    expect((await h.catchUp()).at(-1)!.status).toBe('succeeded');
    const db = h.t.core.db;
    for (const [head, line, key] of [
      ['shipments', 'shipment_lines', 'shipment_id'],
      ['invoices', 'invoice_lines', 'invoice_id'],
    ] as const) {
      expect(db.prepare(`select count(*) from ${head}`).pluck().get()).toBeGreaterThan(5);
      expect(db.prepare(`select count(*) from ${line} where net_amount is null or gross_amount <> net_amount + tax_amount`).pluck().get()).toBe(0);
      const off = db
        .prepare(
          `select h.id from ${head} h left join (select ${key} as id, sum(net_amount) n, sum(tax_amount) t, sum(gross_amount) g from ${line} group by ${key}) l on l.id = h.id
           where h.net_amount <> coalesce(l.n, 0) or h.tax_amount <> coalesce(l.t, 0) or h.gross_amount <> coalesce(l.g, 0)`,
        )
        .all();
      expect(off).toEqual([]);
    }
    // an invoice's gross is what BCart charged (final_price = Σ order_totals 税込)
    expect(db.prepare('select count(*) from invoices where gross_amount <> total').pluck().get()).toBe(0);
    // goods are tax-excluded in the simulator: a 出荷伝票's 税抜 is its amount
    expect(db.prepare('select count(*) from shipments where net_amount <> amount').pluck().get()).toBe(0);
  });
});

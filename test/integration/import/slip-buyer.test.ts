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
});

/**
 * The worked examples, end to end through the IPC handlers on a real SQLite file. Every
 * expected figure is worked out by hand in the comments (tax = ⌊net × rate⌋ per invoice as BCart
 * charged it), not taken from the code under test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BalancesResult, ScheduleResult } from '../../../src-shared/receivables/balances';
import type { OpenItemsResult, PaymentRecordResult } from '../../../src-shared/receivables/payments';
import type { ClosingResult, StatementDetail } from '../../../src-shared/receivables/statements';
import { makeBooks, type Books } from './receivables-fixture';

let b: Books;
beforeEach(async () => {
  b = await makeBooks('2025-03-01');
});
afterEach(() => b.close());

const close = (date: string, customer?: string) => b.t.call<ClosingResult>('billing:close', customer ? { date, customer } : { date });
const pay = (customerId: number, date: string, lines: { kind: string; amount: number }[], allocations?: { debitKind: string; debitId: number; amount: number }[]) =>
  b.t.call<PaymentRecordResult>('payments:record', { customerId, date, lines, ...(allocations ? { allocations } : {}) });
const failure = async (channel: string, input: unknown) => {
  const r = await b.t.core.dispatch(channel, input, { via: 'test' });
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
};

describe('worked examples', () => {
  it('末日 closing across a month with a partial receipt', async () => {
    const c = await b.customer('C001');
    const h1 = b.invoice(c, 'H0001', '2025-01-10', [{ product: 'std', amount: 10_000 }]); // 10,000 + 1,000 = 11,000
    b.invoice(c, 'H0002', '2025-01-25', [{ product: 'reduced', amount: 5_000 }]); // 5,000 + 400 = 5,400
    b.invoice(c, 'H0003', '2025-02-05', [{ product: 'std', amount: 20_000 }]); // 22,000 (February)

    const jan = await close('2025-01-31');
    expect(jan.statements).toHaveLength(1);
    expect(jan.statements[0]).toMatchObject({
      customer: 'C001',
      previous: 0,
      received: 0,
      carriedOver: 0,
      sales: [
        { rate: 10, net: 10_000, tax: 1_000 },
        { rate: 8, net: 5_000, tax: 400 },
      ],
      salesTotal: 16_400,
      total: 16_400,
      dueDate: '2025-02-28', // 翌月末, a Friday
      periodFrom: '2025-01-01',
    });

    // a partial receipt: ¥10,000 of ¥16,400 → the oldest invoice (H0001, ¥11,000) first
    const r = await pay(c, '2025-02-20', [{ kind: '振込', amount: 10_000 }]);
    expect(r.allocations).toEqual([{ debitKind: 'invoice', debitId: h1, name: 'H0001', date: '2025-01-10', amount: 10_000 }]);
    expect(r.unallocated).toBe(0);

    const feb = await close('2025-02-28');
    expect(feb.statements[0]).toMatchObject({
      previous: 16_400,
      received: 10_000,
      carriedOver: 6_400,
      sales: [{ rate: 10, net: 20_000, tax: 2_000 }],
      salesTotal: 22_000,
      total: 28_400,
      dueDate: '2025-03-31',
      periodFrom: '2025-02-01',
    });

    const balances = await b.t.call<BalancesResult>('receivables:balances', { asOf: '2025-02-28' });
    expect(balances.rows).toEqual([
      expect.objectContaining({ customer: 'C001', invoiced: 38_400, received: 10_000, balance: 28_400, unallocated: 0 }),
    ]);
    // open: H0001 1,000 + H0002 5,400 due 2/28 (billed in January), H0003 22,000 due 3/31
    const open = await b.t.call<OpenItemsResult>('receivables:openItems', { customerId: c });
    expect(open.items.map((i) => [i.name, i.open, i.dueDate])).toEqual([
      ['H0001', 1_000, '2025-02-28'],
      ['H0002', 5_400, '2025-02-28'],
      ['H0003', 22_000, '2025-03-31'],
    ]);
  });

  it('20日 closing with 翌月10日 and a 相殺 receipt; 末日 is not its closing day', async () => {
    const c = await b.customer('C020', { closingDay: 20, collectMonths: 1, collectDay: 10 });
    b.invoice(c, 'H2001', '2025-01-15', [{ product: 'std', amount: 8_000 }]); // 8,800
    b.invoice(c, 'H2002', '2025-01-21', [{ product: 'std', amount: 3_000 }]); // 3,300, next period
    await pay(c, '2025-01-20', [{ kind: '相殺', amount: 800 }]);

    const jan20 = await close('2025-01-20');
    expect(jan20.statements[0]).toMatchObject({
      previous: 0,
      received: 800,
      carriedOver: -800,
      salesTotal: 8_800,
      total: 8_000,
      dueDate: '2025-02-10', // 翌月10日, a Monday
      periodFrom: '2024-12-21',
    });
    // the batch on 1/31 leaves it out and says why; naming it is an error
    const batch = await close('2025-01-31');
    expect(batch.statements).toEqual([]);
    expect(batch.skipped).toEqual([expect.objectContaining({ customer: 'C020', reason: expect.stringContaining('締日(20日)ではありません') })]);
    expect((await failure('billing:close', { date: '2025-01-31', customer: 'C020' })).message).toContain('2025-02-20');

    const feb20 = await close('2025-02-20');
    expect(feb20.statements[0]).toMatchObject({ previous: 8_000, received: 0, carriedOver: 8_000, salesTotal: 3_300, total: 11_300, dueDate: '2025-03-10' });
  });

  it('請求単位 vs 伝票単位 on the same slips: the difference is the 消費税調整 and still adds up', async () => {
    const slip = await b.customer('SLIP');
    const stmt = await b.customer('STMT', { taxUnit: '請求単位', taxRounding: '切り捨て' });
    for (const c of [slip, stmt]) {
      for (const n of [1, 2, 3]) b.invoice(c, `${c}-${n}`, `2025-01-1${n}`, [{ product: 'std', amount: 1_005 }]); // 1,005 + ⌊100.5⌋ = 1,105 each
    }
    const r = await close('2025-01-31');
    const bySlip = r.statements.find((s) => s.customer === 'SLIP')!;
    const byStmt = r.statements.find((s) => s.customer === 'STMT')!;
    // 伝票単位: 100 + 100 + 100 = 300; 請求単位: ⌊3,015 × 10%⌋ = 301
    expect(bySlip).toMatchObject({ sales: [{ rate: 10, net: 3_015, tax: 300 }], salesTotal: 3_315, taxAdjustment: 0, total: 3_315 });
    expect(byStmt).toMatchObject({ sales: [{ rate: 10, net: 3_015, tax: 301 }], salesTotal: 3_316, taxAdjustment: 1, total: 3_316 });
    const detail = await b.t.call<StatementDetail>('billing:get', { id: byStmt.statementId });
    expect(detail.salesByRate).toEqual([{ rate: 10, net: 3_015, tax: 301, invoiceTax: 300 }]);

    // paying exactly the statement clears every invoice and the adjustment
    const paid = await pay(stmt, '2025-02-27', [{ kind: '振込', amount: 3_316 }]);
    expect(paid.unallocated).toBe(0);
    expect(paid.allocations.map((a) => [a.debitKind, a.amount])).toEqual([
      ['invoice', 1_105],
      ['invoice', 1_105],
      ['invoice', 1_105],
      ['adjustment', 1],
    ]);
    expect((await b.t.call<OpenItemsResult>('receivables:openItems', { customerId: stmt })).items).toEqual([]);
    const bal = await b.t.call<BalancesResult>('receivables:balances', { asOf: '2025-02-28' });
    expect(bal.rows.find((x) => x.customer === 'STMT')).toMatchObject({ invoiced: 3_316, received: 3_316, balance: 0 });
  });

  it("請求単位 below the invoices' tax: a negative 消費税調整 is a credit applied at once", async () => {
    const c = await b.customer('CEIL', { taxUnit: '請求単位', taxRounding: '切り捨て' });
    for (const n of [1, 2, 3]) b.invoice(c, `CEIL-${n}`, `2025-01-1${n}`, [{ product: 'std', amount: 1_005 }], 'ceil'); // 1,005 + ⌈100.5⌉ = 1,106
    const [s] = (await close('2025-01-31')).statements;
    // 303 charged on the slips, ⌊3,015 × 10%⌋ = 301 on the statement → −2
    expect(s).toMatchObject({ sales: [{ rate: 10, net: 3_015, tax: 301 }], taxAdjustment: -2, salesTotal: 3_316, total: 3_316 });
    const open = await b.t.call<OpenItemsResult>('receivables:openItems', { customerId: c });
    expect(open.items.map((i) => i.open)).toEqual([1_104, 1_106, 1_106]);
    expect(open.items.reduce((x, i) => x + i.open, 0) - open.unallocated).toBe(3_316);
  });

  it('締め取消: only the latest closing of a customer; undoing frees its receipts and re-closing gives the same figures', async () => {
    const c = await b.customer('C300');
    b.invoice(c, 'U1', '2025-01-05', [{ product: 'std', amount: 1_000 }]);
    b.invoice(c, 'U2', '2025-02-05', [{ product: 'std', amount: 2_000 }]);
    await pay(c, '2025-02-10', [{ kind: '現金', amount: 500 }]);
    const jan = (await close('2025-01-31')).statements[0]!;
    const feb = (await close('2025-02-28')).statements[0]!;
    expect(feb).toMatchObject({ previous: 1_100, received: 500, total: 2_800 });

    const refused = await failure('billing:undo', { id: jan.statementId });
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('後の締め');

    await b.t.call('billing:undo', { id: feb.statementId });
    // the receipt is free again: its 確定取消 is allowed now (it was on the February statement)
    const again = (await close('2025-02-28')).statements[0]!;
    expect(again).toMatchObject({ previous: 1_100, received: 500, carriedOver: 600, salesTotal: 2_200, total: 2_800 });
    await b.t.call('billing:undo', { id: again.statementId });
    await b.t.call('billing:undo', { id: jan.statementId });
    expect((await b.t.call<{ rows: unknown[] }>('billing:list', {})).rows).toEqual([]);
  });

  it('over-payment is kept unallocated and applied to the next invoice', async () => {
    const c = await b.customer('C400');
    const h1 = b.invoice(c, 'O1', '2025-01-10', [{ product: 'std', amount: 10_000 }]); // 11,000
    const first = await pay(c, '2025-01-15', [{ kind: '振込', amount: 15_000 }]);
    expect(first.allocations).toEqual([expect.objectContaining({ debitId: h1, amount: 11_000 })]);
    expect(first.unallocated).toBe(4_000);

    const jan = (await close('2025-01-31')).statements[0]!;
    expect(jan).toMatchObject({ previous: 0, received: 15_000, carriedOver: -15_000, salesTotal: 11_000, total: -4_000 });

    const h2 = b.invoice(c, 'O2', '2025-02-03', [{ product: 'std', amount: 8_000 }]); // 8,800
    // the next receipt first applies the ¥4,000 left over, then itself
    const second = await pay(c, '2025-02-10', [{ kind: '振込', amount: 1_000 }]);
    expect(second.allocations).toEqual([expect.objectContaining({ debitId: h2, amount: 1_000 })]);
    const open = await b.t.call<OpenItemsResult>('receivables:openItems', { customerId: c });
    expect(open.items.map((i) => [i.name, i.open])).toEqual([['O2', 3_800]]); // 8,800 − 4,000 − 1,000
    expect(open.unallocated).toBe(0);
    const feb = (await close('2025-02-28')).statements[0]!;
    expect(feb).toMatchObject({ previous: -4_000, received: 1_000, carriedOver: -5_000, salesTotal: 8_800, total: 3_800 });
  });

  it('a card deposit with the fee deducted pays many invoices at once; the card customer gets no statement', async () => {
    const card = await b.customer('BC_CreditCard', { billingType: '締', closingDay: 31, collectMonths: 1, collectDay: 15 });
    const ids = [
      b.invoice(card, 'K1', '2025-01-05', [{ product: 'std', amount: 10_000 }]), // 11,000
      b.invoice(card, 'K2', '2025-01-12', [{ product: 'reduced', amount: 5_000 }]), // 5,400
      b.invoice(card, 'K3', '2025-01-20', [{ product: 'std', amount: 3_000 }]), // 3,300
    ];
    // 入金予定 before the deposit: 末日締め翌月15日 → 2025-02-15 is a Saturday → 前営業日 2/14
    const before = await b.t.call<ScheduleResult>('receivables:schedule', { asOf: '2025-02-01' });
    expect(before.rows).toEqual([expect.objectContaining({ customer: 'BC_CreditCard', dueDate: '2025-02-14', amount: 19_700, overdue: false, basis: '予定' })]);

    // the card company deposits 19,700 − 3.2 % fee (630) = 19,070
    const r = await pay(card, '2025-02-14', [{ kind: '振込', amount: 19_070 }, { kind: '手数料', amount: 630 }], [
      { debitKind: 'invoice', debitId: ids[0]!, amount: 11_000 },
      { debitKind: 'invoice', debitId: ids[1]!, amount: 5_400 },
      { debitKind: 'invoice', debitId: ids[2]!, amount: 3_300 },
    ]);
    expect(r.unallocated).toBe(0);
    expect(r.allocations.map((a) => a.name)).toEqual(['K1', 'K2', 'K3']);
    const bal = await b.t.call<BalancesResult>('receivables:balances', { asOf: '2025-02-14' });
    expect(bal.rows).toEqual([expect.objectContaining({ customer: 'BC_CreditCard', invoiced: 19_700, received: 19_700, balance: 0 })]);
    expect((await b.t.call<ScheduleResult>('receivables:schedule', { asOf: '2025-02-14' })).rows).toEqual([]);

    const closing = await close('2025-01-31');
    expect(closing.statements).toEqual([]);
    expect(closing.skipped).toEqual([]); // 入金管理のみ customers are not candidates at all
    expect((await failure('billing:close', { date: '2025-01-31', customer: 'BC_CreditCard' })).message).toContain('請求書を発行しない');
  });
});

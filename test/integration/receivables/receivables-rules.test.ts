/**
 * 売掛管理 rules through the IPC handlers on a real SQLite file: late imports billed with 要確認,
 * the closed-period refusals, 確定取消 of a receipt reopening its invoices, 個別請求, a change of 締日
 * from the next period, partner edits refused once billed (form and CSV取込), aging / 入金予定 as of a date, the CSV
 * export, and the once-only billing-term defaults of existing customers.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { lateInvoices, assertSlipEditable } from '../../../src-main/core/receivables/closed-period-check';
import type { BalancesResult, ScheduleResult } from '../../../src-shared/receivables/balances';
import type { OpenItemsResult, PaymentRecordResult, PaymentRow } from '../../../src-shared/receivables/payments';
import type { ClosingResult, StatementDetail } from '../../../src-shared/receivables/statements';
import { makeTestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeBooks, type Books } from './receivables-fixture';

let b: Books;
beforeEach(async () => {
  b = await makeBooks('2025-03-01');
});
afterEach(() => b.close());

const close = (date: string, customer?: string) => b.t.call<ClosingResult>('billing:close', customer ? { date, customer } : { date });
const failure = async (channel: string, input: unknown) => {
  const r = await b.t.core.dispatch(channel, input, { via: 'test' });
  if (r.ok) throw new Error(`${channel} succeeded`);
  return r.error;
};

describe('closed periods', () => {
  it('an invoice imported later with a date inside a closed period is billed on the next 請求書 with 要確認', async () => {
    const c = await b.customer('C1');
    b.invoice(c, 'A1', '2025-01-10', [{ product: 'std', amount: 1_000 }]);
    await close('2025-01-31');
    const late = b.invoice(c, 'LATE', '2025-01-28', [{ product: 'std', amount: 2_000 }]); // arrives after the closing
    // what the import logs for it, inside its write
    expect(lateInvoices(b.t.core.services.receivables.statements, [{ customerId: c, date: '2025-01-28', bcartOrderCode: 'LATE' }, { customerId: c, date: '2025-02-01', bcartOrderCode: 'NEW' }])).toEqual([
      { orderCode: 'LATE', message: expect.stringContaining('次回の請求書に「要確認」として載ります') },
    ]);
    b.invoice(c, 'B1', '2025-02-10', [{ product: 'std', amount: 3_000 }]);
    const [feb] = (await close('2025-02-28')).statements;
    expect(feb).toMatchObject({ needsReview: true, previous: 1_100, salesTotal: 2_200 + 3_300, total: 1_100 + 5_500 });
    const detail = await b.t.call<StatementDetail>('billing:get', { id: feb!.statementId });
    expect(detail.invoices.map((i) => [i.name, i.late])).toEqual([
      ['LATE', true],
      ['B1', false],
    ]);
    expect(detail.invoices.find((i) => i.invoiceId === late)?.date).toBe('2025-01-28');
  });

  it('manual slips dated in a closed period are refused: a new receipt, and assertSlipEditable for slip edits', async () => {
    const c = await b.customer('C2');
    b.invoice(c, 'A1', '2025-01-10', [{ product: 'std', amount: 1_000 }]);
    await close('2025-01-31');
    const e = await failure('payments:record', { customerId: c, date: '2025-01-31', lines: [{ kind: '振込', amount: 100 }] });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('請求締め済みの期間(2025-01-31まで)');
    expect(e.fields?.[0]?.path).toBe('date');
    await b.t.call('payments:record', { customerId: c, date: '2025-02-01', lines: [{ kind: '振込', amount: 100 }] });
    expect(() => assertSlipEditable(b.t.core.services.receivables.statements, c, '2025-01-15')).toThrow(/締め取消/);
    expect(() => assertSlipEditable(b.t.core.services.receivables.statements, c, '2025-02-15')).not.toThrow();
  });

  it('確定取消 of a receipt reopens its invoices; one on a 請求書 is locked until 締め取消', async () => {
    const c = await b.customer('C3');
    const a = b.invoice(c, 'A1', '2025-01-10', [{ product: 'std', amount: 10_000 }]); // 11,000
    const r = await b.t.call<PaymentRecordResult>('payments:record', { customerId: c, date: '2025-01-20', lines: [{ kind: '振込', amount: 11_000 }] });
    expect((await b.t.call<OpenItemsResult>('receivables:openItems', { customerId: c })).items).toEqual([]);
    const [jan] = (await close('2025-01-31')).statements;
    const locked = await failure('payments:unconfirm', { id: r.paymentId });
    expect(locked.code).toBe('CONFIRMED_LOCKED');
    expect(locked.message).toContain(`請求書 No.${jan!.statementId}`);

    await b.t.call('billing:undo', { id: jan!.statementId });
    const row = await b.t.call<PaymentRow>('payments:unconfirm', { id: r.paymentId });
    expect(row).toMatchObject({ confirmed: false, allocated: 0, unallocated: 0 });
    const open = await b.t.call<OpenItemsResult>('receivables:openItems', { customerId: c });
    expect(open.items).toEqual([expect.objectContaining({ debitId: a, open: 11_000 })]);
    // an unconfirmed receipt does not count and can be deleted; a confirmed one cannot
    const [again] = (await close('2025-01-31')).statements;
    expect(again).toMatchObject({ received: 0, total: 11_000 });
    expect((await failure('payments:delete', { id: 999 })).code).toBe('NOT_FOUND');
    await b.t.call('billing:undo', { id: again!.statementId });
    const confirmed = await b.t.call<PaymentRecordResult>('payments:confirm', { id: r.paymentId });
    expect(confirmed.allocations).toEqual([expect.objectContaining({ name: 'A1', amount: 11_000 })]);
    expect((await failure('payments:delete', { id: r.paymentId })).code).toBe('CONFIRMED_LOCKED');
    await b.t.call('payments:unconfirm', { id: r.paymentId });
    await b.t.call('payments:delete', { id: r.paymentId });
    expect((await b.t.call<{ rows: unknown[] }>('payments:list', {})).rows).toEqual([]);
  });
});

describe('billing terms', () => {
  it('個別請求: one 請求書 per invoice, due by the 回収サイト from the invoice date', async () => {
    const c = await b.customer('K1', { billingType: '個別', closingDay: '', collectMonths: 1, collectDay: 31 });
    b.invoice(c, 'I1', '2025-01-10', [{ product: 'std', amount: 1_000 }]);
    b.invoice(c, 'I2', '2025-01-20', [{ product: 'reduced', amount: 2_000 }]);
    b.invoice(c, 'I3', '2025-02-05', [{ product: 'std', amount: 3_000 }]);
    // the batch closing of 締請求 customers does not touch it
    expect((await close('2025-01-31')).statements).toEqual([]);
    const r = await b.t.call<ClosingResult>('billing:issue', { date: '2025-01-31' });
    expect(r.statements.map((s) => [s.kind, s.closingDate, s.total, s.dueDate])).toEqual([
      ['個別', '2025-01-10', 1_100, '2025-02-28'],
      ['個別', '2025-01-20', 2_160, '2025-02-28'],
    ]);
    // named on billing:close, a 個別請求 customer gets its 個別 請求書
    const named = await close('2025-02-28', 'K1');
    expect(named.statements.map((s) => [s.kind, s.total])).toEqual([['個別', 3_300]]);
    expect((await b.t.call<ClosingResult>('billing:issue', { date: '2025-02-28' })).statements).toEqual([]);
  });

  it('changing 締日 takes effect from the next period', async () => {
    const c = await b.customer('D1', { closingDay: 20 });
    b.invoice(c, 'E1', '2025-01-15', [{ product: 'std', amount: 1_000 }]);
    await close('2025-01-20');
    const partner = await b.t.call<Record<string, unknown>>('partners:get', { id: c });
    // a 得意先 on a confirmed 請求伝票 is in use: it stays 確定 and its billing terms change without
    // 確定取消 (docs/import-rules.md#masters-in-use)
    const { id: _id, confirmed: _c, createdAt: _a, updatedAt: _u, ...values } = partner;
    await b.t.call('partners:update', { id: c, values: { ...values, closingDay: 31 } });
    b.invoice(c, 'E2', '2025-02-10', [{ product: 'std', amount: 2_000 }]);
    b.invoice(c, 'E3', '2025-02-25', [{ product: 'std', amount: 3_000 }]);
    // the open period (1/21 – ) still ends on the 20th
    expect((await close('2025-01-31')).skipped).toEqual([expect.objectContaining({ customer: 'D1', reason: expect.stringContaining('2025-02-20') })]);
    const [feb20] = (await close('2025-02-20')).statements;
    expect(feb20).toMatchObject({ periodFrom: '2025-01-21', salesTotal: 2_200 });
    // then 末日: 2/21 – 2/28
    const [feb28] = (await close('2025-02-28')).statements;
    expect(feb28).toMatchObject({ periodFrom: '2025-02-21', salesTotal: 3_300 });
  });

  it('once billed, 請求区分 and 期首売掛金残高 of the 得意先 cannot change (each on its field)', async () => {
    const c = await b.customer('G1', { openingBalance: 5_000 });
    await close('2025-01-31');
    const partner = await b.t.call<Record<string, unknown>>('partners:get', { id: c });
    await b.t.call('partners:unconfirm', { id: c });
    const { id: _id, confirmed: _c, createdAt: _a, updatedAt: _u, ...values } = partner;
    const e = await failure('partners:update', { id: c, values: { ...values, billingType: '個別', closingDay: '', openingBalance: 0 } });
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.map((f) => f.path).sort()).toEqual(['billingType', 'openingBalance']);
    expect(e.fields?.[0]?.message).toContain('締め取消');
    // other fields still save
    await b.t.call('partners:update', { id: c, values: { ...values, name: 'G1 商事 本店', postalCode: '100-0001' } });
  });

  it('a 取引先 CSV取込 is held to the same rule: the billed 得意先 row is refused on its cells and nothing is written', async () => {
    const c = await b.customer('G2', { openingBalance: 5_000 });
    await b.customer('G3');
    await close('2025-01-31');
    await b.t.call('partners:unconfirm', { id: c });
    // the app's own export, edited the way a clerk would: G2 becomes 個別 with no 期首残高, G3 gets a new name
    const exported = await b.t.call<{ contentBase64: string }>('csv:export', { master: 'partners', encoding: 'utf-8' });
    const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = text.split('\r\n').filter((l) => l !== '');
    const cols = header!.split(',');
    const edit = (row: string, changes: Record<string, string>) => {
      const cells = row.split(',');
      for (const [h, v] of Object.entries(changes)) cells[cols.indexOf(h)] = v;
      return cells.join(',');
    };
    const edited = rows.map((r) =>
      r.startsWith('G2,') ? edit(r, { 請求区分: '個別', 締日: '', 期首売掛金残高: '0' }) : r.startsWith('G3,') ? edit(r, { 取引先名: 'G3 商事 本店' }) : r,
    );
    const csv = Buffer.from(`${header}\r\n${edited.join('\r\n')}\r\n`).toString('base64');
    await b.t.call('partners:unconfirm', { id: (await b.t.call<{ rows: { id: number; code: string }[] }>('partners:list', {})).rows.find((p) => p.code === 'G3')!.id });
    const e = await failure('csv:import', { master: 'partners', fileName: 'partners.csv', contentBase64: csv });
    expect(e.code).toBe('CSV_INVALID');
    const g2Row = rows.findIndex((r) => r.startsWith('G2,')) + 2;
    expect(e.fields?.map((f) => [f.row, f.column]).sort()).toEqual([
      [g2Row, '期首売掛金残高'],
      [g2Row, '請求区分'],
    ]);
    expect(e.fields?.[0]?.message).toContain('締め取消');
    // all or nothing: G3's new name was not written either, and G2 is as billed
    const after = (await b.t.call<{ rows: { code: string; name: string; billingType: string; openingBalance: number }[] }>('partners:list', {})).rows;
    expect(after.find((p) => p.code === 'G3')?.name).toBe('G3 商事');
    expect(after.find((p) => p.code === 'G2')).toMatchObject({ billingType: '締', openingBalance: 5_000 });
  });

  it('payment-service customers that existed before the terms get 入金管理のみ once; a later choice is kept', async () => {
    const dir = makeTempDir('bcart-upgrade-');
    try {
      const first = await makeTestCore({}, dir.dir);
      first.close();
      // a database as the first release left it: customers without billing terms, the upgrade not yet run
      const raw = new Database(join(dir.dir, DB_FILE_NAME));
      const stamp = '2025-01-01T00:00:00+09:00';
      for (const code of ['BC_CreditCard', 'BC_NP-kakebarai', 'M001']) {
        raw.prepare(`insert into partners (code, name, kind, billing_type, tax_display, confirmed, created_at, updated_at) values (?, ?, '得意先', '個別', '税込', 1, ?, ?)`).run(code, code, stamp, stamp);
      }
      raw.prepare(`delete from app_state where key = 'receivables.billing-terms.v1'`).run();
      raw.close();
      const second = await makeTestCore({}, dir.dir);
      const rows = second.core.db.prepare(`select code, no_statement as ns, collect_months as m, collect_day as d, tax_unit as u from partners order by code`).all();
      expect(rows).toEqual([
        { code: 'BC_CreditCard', ns: 1, m: 1, d: 31, u: '伝票単位' },
        { code: 'BC_NP-kakebarai', ns: 1, m: 1, d: 31, u: '伝票単位' },
        { code: 'M001', ns: 0, m: 1, d: 31, u: '伝票単位' },
      ]);
      second.core.db.prepare(`update partners set no_statement = 0 where code = 'BC_CreditCard'`).run();
      second.close();
      const third = await makeTestCore({}, dir.dir);
      expect(third.core.db.prepare(`select no_statement as ns from partners where code = 'BC_CreditCard'`).get()).toEqual({ ns: 0 });
      third.close();
    } finally {
      dir.cleanup();
    }
  });
});

describe('balances, aging and 入金予定', () => {
  it('aging by due date as of a date; overdue 入金予定; unallocated money counts as received', async () => {
    const c = await b.customer('AG');
    b.invoice(c, 'J1', '2024-11-10', [{ product: 'std', amount: 10_000 }]); // 11,000, due 2024-12-30 (12/31 closed → 前営業日)
    b.invoice(c, 'J2', '2025-01-10', [{ product: 'std', amount: 20_000 }]); // 22,000, due 2025-02-28
    b.invoice(c, 'J3', '2025-02-10', [{ product: 'std', amount: 5_000 }]); // 5,500, due 2025-03-31
    await b.t.call('payments:record', { customerId: c, date: '2025-02-15', lines: [{ kind: '振込', amount: 1_000 }] });
    const bal = await b.t.call<BalancesResult>('receivables:balances', { asOf: '2025-03-15' });
    // the ¥1,000 paid J1 (oldest): J1 10,000 open, 75 days late → 61〜90日; J2 15 days → 1〜30日; J3 not due
    expect(bal.rows).toEqual([
      expect.objectContaining({ customer: 'AG', invoiced: 38_500, received: 1_000, balance: 37_500, unallocated: 0, aging: { current: 5_500, d30: 22_000, d60: 0, d90: 10_000, over90: 0 } }),
    ]);
    const sch = await b.t.call<ScheduleResult>('receivables:schedule', { asOf: '2025-03-15' });
    expect(sch.rows.map((r) => [r.dueDate, r.amount, r.overdue, r.basis])).toEqual([
      ['2024-12-30', 10_000, true, '予定'],
      ['2025-02-28', 22_000, true, '予定'],
      ['2025-03-31', 5_500, false, '予定'],
    ]);
    // an over-payment that nothing could take yet: counted as received and shown as unallocated
    const d = await b.customer('PRE');
    await b.t.call('payments:record', { customerId: d, date: '2025-02-01', lines: [{ kind: '振込', amount: 3_000 }] });
    const pre = (await b.t.call<BalancesResult>('receivables:balances', { asOf: '2025-03-15' })).rows.find((r) => r.customer === 'PRE');
    expect(pre).toMatchObject({ invoiced: 0, received: 3_000, balance: -3_000, unallocated: 3_000 });
  });

  it('CSV export of the balance list (UTF-8 BOM and Shift_JIS)', async () => {
    const c = await b.customer('CSV1', { name: '①㈱髙島屋～' });
    b.invoice(c, 'Q1', '2025-01-10', [{ product: 'std', amount: 1_000 }]);
    const utf = await b.t.call<{ fileName: string; contentBase64: string; rows: number }>('receivables:exportCsv', { asOf: '2025-01-31', encoding: 'utf-8' });
    const text = Buffer.from(utf.contentBase64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('基準日,得意先コード,得意先名,請求額累計,入金額累計,売掛金残高,未消込入金,期日前,1〜30日,31〜60日,61〜90日,91日以上\r\n');
    expect(text).toContain('2025-01-31,CSV1,①㈱髙島屋～,1100,0,1100,0,1100,0,0,0,0\r\n');
    expect(utf.fileName).toBe('売掛金残高一覧_20250131.csv');
    const sjis = await b.t.call<{ fileName: string; contentBase64: string }>('receivables:exportCsv', { asOf: '2025-01-31', encoding: 'cp932' });
    expect(sjis.fileName).toBe('売掛金残高一覧_20250131_SJIS.csv');
    expect(Buffer.from(sjis.contentBase64, 'base64').includes(Buffer.from([0x87, 0x40]))).toBe(true); // ① in CP932
  });
});

describe('自社情報', () => {
  it('saves, reads back with the 振込先 in order, and names a bad 登録番号 on its field', async () => {
    const bank = (code: string, no: string) =>
      b.t.call<{ id: number }>('bankAccounts:create', { code, bankName: '三井住友銀行', branchName: '本店営業部', accountType: '当座', accountNumber: no, holder: 'カ）テスト' });
    const a1 = await bank('B1', '1111111');
    const a2 = await bank('B2', '2222222');
    const saved = await b.t.call<{ saved: boolean; bankAccounts: { id: number }[]; postalCode: string }>('company:save', {
      name: '株式会社テスト',
      postalCode: '1000001',
      registrationNumber: 'T9234567890123',
      bankAccountIds: [a2.id, a1.id],
    });
    expect(saved).toMatchObject({ saved: true, postalCode: '100-0001' });
    expect(saved.bankAccounts.map((x) => x.id)).toEqual([a2.id, a1.id]);
    const e = await failure('company:save', { name: '株式会社テスト', registrationNumber: 'T8234567890123' });
    expect(e.fields).toEqual([expect.objectContaining({ path: 'registrationNumber', message: expect.stringContaining('チェックディジット') })]);
    expect((await failure('company:save', { name: 'X', bankAccountIds: [9999] })).fields?.[0]?.path).toBe('bankAccountIds');
  });
});

describe('the first 請求書', () => {
  it('bills everything dated before it and shows the period from the oldest slip', async () => {
    const c = await b.customer('F1', { openingBalance: 1_000 });
    b.invoice(c, 'OLD', '2024-11-20', [{ product: 'std', amount: 1_000 }]);
    b.invoice(c, 'NEW', '2025-01-05', [{ product: 'std', amount: 2_000 }]);
    const [s] = (await close('2025-01-31')).statements;
    expect(s).toMatchObject({ periodFrom: '2024-11-20', previous: 1_000, salesTotal: 3_300, total: 4_300, needsReview: false });
  });
});

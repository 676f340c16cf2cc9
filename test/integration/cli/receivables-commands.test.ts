/**
 * The 売掛管理 CLI on a real data folder, with the command names and JSON shapes of the issue's
 * contract: company:set (登録番号 check digit), partner:billing, payment:record (--invoice by hand),
 * billing:close --json, billing:pdf (read back with pdftotext), receivables:list / :schedule --json.
 * Figures are worked out by hand (tax = ⌊net × 10%⌋ per invoice).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli';
import { expandInvoiceArgs } from '../../../src-main/cli/receivables-commands';
import { makeBooks, type Books } from '../receivables/receivables-fixture';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('売掛管理 CLI', () => {
  let b: Books;
  let dir: string;
  beforeAll(async () => {
    b = await makeBooks('2025-02-01');
    dir = b.t.dataDir;
    await b.t.call('partners:create', { code: 'C001', name: '株式会社テスト', kind: '得意先', billingType: '個別', taxDisplay: '税込' });
  });
  afterAll(() => b.close());

  it('company:set refuses a wrong check digit and saves a valid 登録番号', async () => {
    const bad = await cli('company:set', '--data-dir', dir, '--name', '株式会社ビーカート商事', '--registration-number', 'T8234567890123');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('チェックディジット');
    const ok = await cli('company:set', '--data-dir', dir, '--name', '株式会社ビーカート商事', '--registration-number', 'T9234567890123', '--address', '東京都渋谷区渋谷2-1-1', '--phone', '03-1234-5678');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('T9234567890123');
  });

  it('partner:billing sets 締請求 末日, 翌月末 and 請求単位', async () => {
    const r = await cli('partner:billing', '--data-dir', dir, '--code', 'C001', '--billing', '締請求', '--closing-day', '末日', '--collect-months', '1', '--collect-day', '末日', '--tax-unit', 'statement');
    expect(r.code).toBe(0);
    expect(r.out).toContain('締請求 (締日 末日)');
    expect(r.out).toContain('請求単位');
    const bad = await cli('partner:billing', '--data-dir', dir, '--code', 'C001', '--billing', '月締');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('締請求');
  });

  it('payment:record by hand, billing:close, billing:pdf, receivables:list and :schedule', async () => {
    const id = (b.t.core.db.prepare("select id from partners where code = 'C001'").get() as { id: number }).id;
    b.invoice(id, 'H0001', '2025-01-10', [{ product: 'std', amount: 1_005 }]); // 1,105
    b.invoice(id, 'H0002', '2025-01-20', [{ product: 'std', amount: 10_005 }]); // 10,005 + 1,000 = 11,005

    const pay = await cli('payment:record', '--data-dir', dir, '--customer', 'C001', '--date', '2025-01-25', '--amount', '5000', '--invoice', 'H0002:5000', '--json');
    expect(pay.code).toBe(0);
    expect(JSON.parse(pay.out)).toEqual({ paymentId: 1, allocations: [{ invoice: 'H0002', amount: 5000 }], unallocated: 0 });

    const close = await cli('billing:close', '--data-dir', dir, '--date', '2025-01-31', '--json');
    expect(close.code).toBe(0);
    // 請求単位: ⌊11,010 × 10%⌋ = 1,101 vs the invoices' 100 + 1,000 = 1,100 → 消費税調整 +1
    expect(JSON.parse(close.out)).toEqual([
      {
        customer: 'C001',
        statementId: 1,
        previous: 0,
        received: 5000,
        carriedOver: -5000,
        sales: [{ rate: 10, net: 11_010, tax: 1_101 }],
        salesTotal: 12_111,
        total: 7_111,
        dueDate: '2025-02-28',
      },
    ]);

    const out = join(dir, 'invoice-1.pdf');
    const pdf = await cli('billing:pdf', '--data-dir', dir, '--statement', '1', '--out', out);
    expect(pdf.code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('T9234567890123');
    expect(text).toContain('¥7,111');
    expect(text).toMatch(/10%対象\s+税抜 ¥11,010\s+消費税 ¥1,101/);

    const list = await cli('receivables:list', '--data-dir', dir, '--as-of', '2025-01-31', '--json');
    expect(JSON.parse(list.out)).toEqual([{ customer: 'C001', invoiced: 12_111, received: 5_000, balance: 7_111 }]);
    const before = await cli('receivables:list', '--data-dir', dir, '--as-of', '2025-01-15', '--json');
    expect(JSON.parse(before.out)).toEqual([{ customer: 'C001', invoiced: 1_105, received: 0, balance: 1_105 }]);

    const schedule = await cli('receivables:schedule', '--data-dir', dir, '--json');
    // H0001 1,105 + H0002 6,005 + 消費税調整 1, all billed on the statement due 2/28
    expect(JSON.parse(schedule.out)).toEqual([{ customer: 'C001', dueDate: '2025-02-28', amount: 7_111 }]);
  });

  it('usage errors exit 2 with the usage line; unknown invoices are named', async () => {
    const r = await cli('billing:close', '--data-dir', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--date');
    expect(r.err).toContain('billing:close --data-dir DIR --date YYYY-MM-DD');
    const u = await cli('payment:record', '--data-dir', dir, '--customer', 'C001', '--date', '2025-02-01', '--amount', '1', '--invoice', 'NOPE:1');
    expect(u.code).toBe(1);
    expect(u.err).toContain('NOPE');
  });

  it('--invoice takes several values after one flag, or comma-separated', () => {
    expect(expandInvoiceArgs(['--invoice', 'A:1', 'B:2', '--json'])).toEqual(['--invoice', 'A:1', '--invoice', 'B:2', '--json']);
    expect(expandInvoiceArgs(['--invoice', 'A:1,B:2'])).toEqual(['--invoice', 'A:1', '--invoice', 'B:2']);
  });
});

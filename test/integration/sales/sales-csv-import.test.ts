/**
 * 売上伝票のCSV取込 through dispatch on a real SQLite file: slips grouped by 伝票キー (Shift_JIS as
 * Excel saves it, or UTF-8), 確定 on import, and all-or-nothing refusals naming row and column —
 * cell mistakes, disagreeing header cells of one slip, and refusals of the service itself (an
 * unconfirmed 商品 in the second slip leaves the first one unwritten too).
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../src-shared/errors';
import type { SalesCsvImportResult } from '../../../src-shared/sales/sales-csv';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeSalesFixture } from '../../helpers/sales-fixture';

const HEADER = '伝票キー,売上日,得意先コード,倉庫コード,部門コード,単価区分,商品コード,数量,単価,税区分コード,備考,確定';
const utf8 = (lines: string[]) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n', 'utf8')]).toString('base64');
const sjis = (lines: string[]) => iconv.encode([HEADER, ...lines].join('\r\n') + '\r\n', 'cp932').toString('base64');

describe('売上伝票のCSV取込', () => {
  let t: TestCore;
  const q = (sql: string) => t.core.db.prepare(sql).all();
  const fail = async (contentBase64: string): Promise<AppErrorData> => {
    const r = await t.core.dispatch('sales:importCsv', { fileName: 'uriage.csv', contentBase64 }, { via: 'test' });
    if (r.ok) throw new Error('import unexpectedly succeeded');
    return r.error;
  };
  beforeEach(async () => {
    t = await makeTestCore();
    await makeSalesFixture(t);
  });
  afterEach(() => t.close());

  it('groups rows by 伝票キー into slips (Shift_JIS from Excel), confirms those marked 確定', async () => {
    const r = await t.call<SalesCsvImportResult>('sales:importCsv', {
      fileName: 'uriage.csv',
      contentBase64: sjis([
        'A,2026/11/5,C001,W01,,,P001,3,,,髙島屋さま分,確定',
        'A,2026/11/5,C001,W01,,,SKU-COF,-1,1200,,髙島屋さま分,確定',
        'A,2026/11/5,C001,W01,,,P002,2,500,RED08,髙島屋さま分,確定',
        'B,2026-11-06,C002,W02,D02,税抜,P001,1,1000,,,',
      ]),
    });
    expect(r).toMatchObject({ slips: 2, lines: 4, confirmed: 1, encoding: 'cp932' });
    expect(q('select slip_no as no, status, date, memo, price_mode as mode, net, tax, total from sales_slips order by id')).toEqual([
      // 10 %: (3 − 1) × 1200 = 2400 → 240; 8 %: 1000 → 80
      { no: 'D01-000001', status: 'confirmed', date: '2026-11-05', memo: '髙島屋さま分', mode: '税抜', net: 3400, tax: 320, total: 3720 },
      { no: null, status: 'draft', date: '2026-11-06', memo: '', mode: '税抜', net: 1000, tax: 100, total: 1100 },
    ]);
    expect(q('select total from invoices')).toEqual([{ total: 3720 }]);
  });

  it('cell mistakes and a slip whose rows disagree are listed by row and column; nothing is written', async () => {
    const e = await fail(
      utf8([
        'A,2026-11-05,NOPE,W01,,,P001,3,,,,', // row 2: unknown customer
        'A,2026-11-05,NOPE,W01,,,P001,0,,,,', // row 3: quantity 0
        'B,2026-11-06,C001,W01,,,P001,1,,,,',
        'B,2026-11-07,C001,W01,,,P001,1,,,,確定', // row 5: 売上日 and 確定 differ from row 4
        'C,2026-02-30,C001,W01,,込み,ZZZ,x,,,,', // row 6: date, 単価区分, product, quantity
      ]),
    );
    expect(e.code).toBe('CSV_INVALID');
    expect(e.message).toContain('何も取り込んでいません');
    const at = (e.fields ?? []).map((f) => `${f.row}:${f.column}`);
    expect(at).toEqual(
      expect.arrayContaining(['2:得意先コード', '3:得意先コード', '3:数量', '6:売上日', '6:単価区分', '6:商品コード', '6:数量']),
    );
    expect(q('select * from sales_slips')).toEqual([]);
    // header disagreements are checked once the cells are readable
    const e2 = await fail(utf8(['B,2026-11-06,C001,W01,,,P001,1,,,,', 'B,2026-11-07,C001,W01,,,P001,1,,,,確定']));
    expect((e2.fields ?? []).map((f) => `${f.row}:${f.column}`)).toEqual(['3:売上日', '3:確定']);
    expect(e2.fields![0]!.message).toContain('2 行目');
  });

  it('a refusal of the service in the second slip (an unconfirmed 商品) leaves the first slip unwritten too', async () => {
    const e = await fail(utf8(['A,2026-11-05,C001,W01,,,P001,3,,,,確定', 'B,2026-11-06,C001,W01,,,P001,1,,,,', 'B,2026-11-06,C001,W01,,,P999,1,,,,']));
    expect(e.code).toBe('CSV_INVALID');
    expect(e.fields).toEqual([expect.objectContaining({ row: 4, column: '商品コード', message: expect.stringContaining('確定されていません') })]);
    expect(q('select * from sales_slips')).toEqual([]);
    expect(q('select * from sales_slip_numbers')).toEqual([]);
    expect(q('select * from invoices')).toEqual([]);
    expect(q('select * from stock_ledger')).toEqual([]);
  });
});

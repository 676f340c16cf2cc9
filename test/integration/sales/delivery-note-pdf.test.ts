/**
 * The 納品書 PDF of a 売上伝票 read back with poppler (pdftotext): title, 伝票番号 and 納品日, the
 * 得意先 御中 and 自社情報 with 登録番号, every line with ※ on the 軽減税率 one, the per-rate totals
 * and the total worked out by hand; a 税込 customer's note shows 内消費税; a draft is refused with a
 * message and no PDF; the same slip gives the same bytes; a 120-line slip runs to 3 pages with the
 * header repeated. Page 1 goes to test-output/screenshots/sales-delivery-note-pdf.png.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfFile } from '../../../src-shared/receivables/statements';
import type { SalesWriteResult } from '../../../src-shared/sales/sales-slip';
import { saveTestCompany } from '../../helpers/company-fixture';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeSalesFixture, type SalesFixture } from '../../helpers/sales-fixture';
import { makeTempDir } from '../../helpers/temp-dir';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

let t: TestCore;
let f: SalesFixture;
let tmp: { dir: string; cleanup: () => void };
beforeEach(async () => {
  t = await makeTestCore();
  f = await makeSalesFixture(t);
  tmp = makeTempDir('bcart-dn-');
  await saveTestCompany(t);
});
afterEach(() => {
  t.close();
  tmp.cleanup();
});

const confirmed = async (input: Record<string, unknown>) => (await t.call<SalesWriteResult>('sales:saveAndConfirm', { warehouseId: f.warehouse.w01, date: '2026-11-20', ...input })).slip;

async function pdfOf(id: number): Promise<{ file: PdfFile; text: string; path: string }> {
  const file = await t.call<PdfFile>('sales:pdfDeliveryNote', { id });
  const path = join(tmp.dir, `${id}.pdf`);
  writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
  return { file, path, text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }) };
}

describe('納品書 PDF', () => {
  it('shows the slip as confirmed: number, date, recipient, issuer, lines with ※, per-rate totals, total; same bytes twice', async () => {
    const slip = await confirmed({
      customerId: f.customer.net,
      memo: '午前着',
      lines: [
        { productId: f.product.coffee, quantity: 3 },
        { productId: f.product.tea, quantity: 2, unitPrice: 500 },
        { productId: f.product.fee, quantity: 1 },
      ],
    });
    const { file, text, path } = await pdfOf(slip.id);
    expect(file.fileName).toBe('納品書_D01-000001_C001_20261120.pdf');
    expect(file.pages).toBe(1);
    expect(text).toContain('納品書');
    expect(text).toContain('伝票番号 D01-000001');
    expect(text).toContain('納品日 2026年11月20日');
    expect(text).toMatch(/山田商店\s+御中/);
    expect(text).toContain('株式会社ビーカート商事');
    expect(text).toContain('登録番号 T9234567890123');
    // 10 %: 3 × 1,200 + 800 = 4,400 → 440; 8 %: 2 × 500 = 1,000 → 80; total 5,920
    expect(text).toMatch(/P001\s+コーヒー豆\s+3\s+1,200\s+¥3,600\s+10%/);
    expect(text).toMatch(/P002\s+緑茶\s+2\s+500\s+¥1,000\s+8%※/);
    expect(text).toMatch(/FEE\s+送料\s+1\s+800\s+¥800\s+10%/);
    expect(text).toMatch(/10%対象\s+税抜 ¥4,400\s+消費税 ¥440/);
    expect(text).toMatch(/8%対象\(※軽減税率\)\s+税抜 ¥1,000\s+消費税 ¥80/);
    expect(text).toMatch(/合計\(税込\)\s+¥5,920/);
    expect(text).toContain('※は軽減税率(8%)対象です。');
    expect(text).toContain('備考: 午前着');
    expect((await pdfOf(slip.id)).file.contentBase64).toBe(file.contentBase64);
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', path, join(tmp.dir, 'page1')]);
    copyFileSync(join(tmp.dir, 'page1.png'), join(SCREENSHOTS, 'sales-delivery-note-pdf.png'));
  });

  it('a 税込 customer: tax-included amounts with 内消費税 backed out once per rate', async () => {
    const slip = await confirmed({ customerId: f.customer.gross, lines: [{ productId: f.product.coffee, quantity: 3, unitPrice: 1100 }] });
    const { text } = await pdfOf(slip.id);
    // 3,300 tax-included at 10 %: tax ⌊3,300 × 10 / 110⌋ = 300
    expect(text).toContain('金額は税込です');
    expect(text).toMatch(/10%対象\s+税込 ¥3,300\s+内消費税 ¥300/);
    expect(text).toMatch(/合計\(税込\)\s+¥3,300/);
  });

  it('a draft has no 納品書: refused with what to do', async () => {
    const { slip } = await t.call<SalesWriteResult>('sales:save', { customerId: f.customer.net, warehouseId: f.warehouse.w01, date: '2026-11-20', lines: [{ productId: f.product.coffee, quantity: 1 }] });
    const r = await t.core.dispatch('sales:pdfDeliveryNote', { id: slip.id }, { via: 'test' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('確定');
  });

  it('120 lines run to 3 pages, each with the table header and "n / 3"', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => ({ productId: i % 2 === 0 ? f.product.coffee : f.product.tea, quantity: i + 1, unitPrice: 100 }));
    const slip = await confirmed({ customerId: f.customer.net, lines });
    const { file, text } = await pdfOf(slip.id);
    expect(file.pages).toBe(3);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(3);
    pages.forEach((p, i) => {
      expect(p).toContain('商品コード');
      expect(p).toMatch(new RegExp(`納品書 D01-000001\\s+${i + 1}\\s*/\\s*3`));
    });
    // every line once: quantities 1..120 each appear in a row
    const rows = text.split('\n').filter((l) => /^\s*P00[12]\s/.test(l));
    expect(rows).toHaveLength(120);
  });

  it('when the totals do not fit under the last line, they move whole to a continuation page', async () => {
    // lines are added one at a time until the 納品書 needs a second page: at that count the table still
    // ends on page 1 and page 2 holds the totals alone (the table's rows are not split from them)
    let previous: string | null = null;
    for (let n = 20; n <= 45; n++) {
      const lines = Array.from({ length: n }, () => ({ productId: f.product.coffee, quantity: 1, unitPrice: 100 }));
      const slip = await confirmed({ customerId: f.customer.net, memo: '午前着', lines: [...lines, { productId: f.product.tea, quantity: 1, unitPrice: 100 }] });
      const { file, text } = await pdfOf(slip.id);
      if (file.pages === 1) {
        expect(text).toMatch(/合計\(税込\)/);
        previous = text;
        continue;
      }
      expect(previous).not.toBeNull(); // the range starts below the boundary
      const [first, second] = text.split('\f');
      const rowsOf = (page: string) => page.split('\n').filter((l) => /^\s*P00[12]\s/.test(l)).length;
      expect(rowsOf(first!)).toBe(n + 1);
      expect(first).not.toContain('税率別内訳');
      expect(rowsOf(second!)).toBe(0);
      expect(second).toMatch(new RegExp(`納品書\\(続き\\)\\s+${slip.slipNo}`));
      expect(second).toMatch(/税率別内訳[\s\S]*合計\(税込\)[\s\S]*備考: 午前着/);
      expect(second).toMatch(new RegExp(`納品書 ${slip.slipNo}\\s+2\\s*/\\s*2`));
      return;
    }
    throw new Error('no slip of 21 to 46 lines needed a second page');
  });
});

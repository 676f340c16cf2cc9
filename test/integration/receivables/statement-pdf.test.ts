/**
 * The 請求書 PDF read back with poppler: pdftotext finds the 登録番号, the per-rate lines with ※ and
 * 非課税, and the amount due; a 300-line statement paginates with 次頁へ繰越 / 前頁より繰越 whose
 * figures are the running sums (computed here from the fixture, not by the code); without a
 * 登録番号 the PDF says it is not an 適格請求書; the same data gives the same bytes; page 1 of the
 * 適格請求書 is written to test-output/screenshots/receivables-invoice-pdf.png.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClosingResult, PdfFile } from '../../../src-shared/receivables/statements';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeBooks, type Books } from './receivables-fixture';

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

let b: Books;
let tmp: { dir: string; cleanup: () => void };
beforeEach(async () => {
  b = await makeBooks('2025-02-01');
  tmp = makeTempDir('bcart-pdf-');
});
afterEach(() => {
  b.close();
  tmp.cleanup();
});

async function company(registrationNumber: string | null) {
  const bank = await b.t.call<{ id: number }>('bankAccounts:create', {
    code: 'B1',
    bankName: 'みずほ銀行',
    branchName: '渋谷支店',
    accountType: '普通',
    accountNumber: '1234567',
    holder: 'カ）ビーカートシヨウジ',
  });
  await b.t.call('company:save', {
    name: '株式会社ビーカート商事',
    postalCode: '150-0002',
    address1: '東京都渋谷区渋谷2-1-1',
    address2: '渋谷ビル5F',
    phone: '03-1234-5678',
    registrationNumber: registrationNumber ?? '',
    bankAccountIds: [bank.id],
  });
}

async function pdfOf(statementId: number): Promise<{ file: string; bytes: Buffer; pages: number }> {
  const r = await b.t.call<PdfFile>('billing:pdf', { id: statementId });
  const bytes = Buffer.from(r.contentBase64, 'base64');
  const file = join(tmp.dir, r.fileName);
  writeFileSync(file, bytes);
  return { file, bytes, pages: r.pages };
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe('請求書 PDF', () => {
  it('an 適格請求書: 登録番号, per-rate lines with ※ and 非課税, amount due, due date, bank; same bytes twice', async () => {
    await company('T9234567890123');
    const c = await b.customer('C001', { postalCode: '530-0001', address1: '大阪府大阪市北区梅田1-1', contactName: '経理部 山田' });
    b.invoice(c, 'H0001', '2025-01-10', [
      { product: 'std', amount: 12_345 },
      { product: 'reduced', amount: 5_555 },
    ]); // 10 %: 12,345 + 1,234; 8 %: 5,555 + 444
    b.invoice(c, 'H0002', '2025-01-20', [
      { product: 'std', amount: 800 },
      { product: 'exempt', amount: 3_000 },
    ]); // 10 %: 800 + 80; 非課税 3,000
    const [s] = (await b.t.call<ClosingResult>('billing:close', { date: '2025-01-31' })).statements;
    expect(s!.total).toBe(12_345 + 1_234 + 5_555 + 444 + 800 + 80 + 3_000);
    const pdf = await pdfOf(s!.statementId);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const t = text(pdf.file);
    expect(t).toContain('T9234567890123');
    expect(t).toContain('株式会社ビーカート商事');
    expect(t).toMatch(/C001 商事\s+御中/);
    expect(t).toContain('¥23,458'); // amount due
    expect(t).toMatch(/10%対象\s+税抜 ¥13,145\s+消費税 ¥1,314/);
    expect(t).toMatch(/8%対象\(※軽減税率\)\s+税抜 ¥5,555\s+消費税 ¥444/);
    expect(t).toMatch(/非課税\s+¥3,000/);
    expect(t).toContain('8%※');
    expect(t).toContain('※は軽減税率(8%)対象です。');
    expect(t).toContain('2025年2月28日'); // お支払期限 翌月末
    expect(t).toContain('みずほ銀行 渋谷支店 普通 1234567');
    // per slip with 伝票単位
    expect(t).toMatch(/伝票 H0001 10%対象\s+税抜 ¥12,345 消費税 ¥1,234/);
    expect(t).not.toContain('適格請求書ではありません');
    const fonts = execFileSync('pdffonts', [pdf.file], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+BIZUDPGothic-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // A4: 210 × 297 mm = 595.28 × 841.89 pt
    expect(execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);

    const again = await pdfOf(s!.statementId);
    expect(again.bytes.equals(pdf.bytes)).toBe(true);

    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf.file, join(tmp.dir, 'page1')]);
    copyFileSync(join(tmp.dir, 'page1.png'), join(SCREENSHOTS, 'receivables-invoice-pdf.png'));
    expect(existsSync(join(SCREENSHOTS, 'receivables-invoice-pdf.png'))).toBe(true);
  });

  it('without a 登録番号 it is a plain 請求書 and says so', async () => {
    await company(null);
    const c = await b.customer('C002');
    b.invoice(c, 'P1', '2025-01-10', [{ product: 'std', amount: 1_000 }]);
    const [s] = (await b.t.call<ClosingResult>('billing:close', { date: '2025-01-31' })).statements;
    const t = text((await pdfOf(s!.statementId)).file);
    expect(t).toContain('適格請求書ではありません');
    expect(t).toContain('登録番号 なし');
  });

  it('a 300-line statement paginates; each page carries the running total (繰越)', async () => {
    await company('T9234567890123');
    const c = await b.customer('C300');
    const amounts: number[] = [];
    for (let i = 0; i < 100; i++) {
      const lines = [0, 1, 2].map((k) => ({ product: 'std' as const, amount: 100 + i * 3 + k }));
      amounts.push(...lines.map((l) => l.amount));
      b.invoice(c, `L${String(i).padStart(4, '0')}`, `2025-01-${String(1 + (i % 28)).padStart(2, '0')}`, lines);
    }
    const [s] = (await b.t.call<ClosingResult>('billing:close', { date: '2025-01-31' })).statements;
    const pdf = await pdfOf(s!.statementId);
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    const t = text(pdf.file);
    const pages = t.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(pdf.pages);
    const yen = (m: string) => Number(m.replace(/[¥,]/g, ''));
    // items in print order: by invoice date then id; the running sum at each page break is the
    // sum of the item amounts printed so far (recomputed here from the page text itself)
    let printed = 0;
    pages.forEach((page, i) => {
      expect(page).toMatch(new RegExp(`${i + 1}\\s*/\\s*${pdf.pages}\\s*$`, 'm'));
      const carriedIn = /前頁より繰越\s+(¥[\d,]+)/.exec(page);
      const carriedOut = /次頁へ繰越\s+(¥[\d,]+)/.exec(page);
      if (i === 0) expect(carriedIn).toBeNull();
      else expect(yen(carriedIn![1]!)).toBe(printed);
      for (const m of page.matchAll(/^\s*2025\/01\/\d\d\s+L\d{4}\s+.+?\s(¥[\d,]+)\s+10%\s*$/gm)) printed += yen(m[1]!);
      if (i < pages.length - 1) expect(yen(carriedOut![1]!)).toBe(printed);
    });
    expect(printed).toBe(amounts.reduce((a, x) => a + x, 0));
    expect(t).toMatch(/10%対象\s+税抜 ¥[\d,]+\s+消費税 ¥[\d,]+/);
  });

  it('batch: every 請求書 of a closing date in one file, each numbered on its own', async () => {
    await company('T9234567890123');
    for (const code of ['A1', 'A2', 'A3']) {
      const c = await b.customer(code);
      b.invoice(c, `${code}-1`, '2025-01-15', [{ product: 'std', amount: 1_000 }]);
    }
    await b.t.call('billing:close', { date: '2025-01-31' });
    const r = await b.t.call<PdfFile>('billing:pdfBatch', { closingDate: '2025-01-31' });
    expect(r.pages).toBe(3);
    const file = join(tmp.dir, r.fileName);
    writeFileSync(file, Buffer.from(r.contentBase64, 'base64'));
    const pages = text(file).split('\f').filter((p) => p.trim() !== '');
    expect(pages.map((p) => /(A\d) 商事\s+御中/.exec(p)?.[1])).toEqual(['A1', 'A2', 'A3']);
    for (const p of pages) expect(p).toMatch(/1\s*\/\s*1\s*$/m);
  });

  it('without 自社情報 the PDF is refused with what to do', async () => {
    const c = await b.customer('C009');
    b.invoice(c, 'Z1', '2025-01-10', [{ product: 'std', amount: 1_000 }]);
    const [s] = (await b.t.call<ClosingResult>('billing:close', { date: '2025-01-31' })).statements;
    const r = await b.t.core.dispatch('billing:pdf', { id: s!.statementId }, { via: 'test' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('自社情報') } });
  });
});

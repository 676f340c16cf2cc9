/**
 * 売掛管理 end to end in Chromium through the harness: 自社情報 (a wrong 登録番号 check digit shown
 * beside the field), 請求締め of a month, the 請求書 PDF downloaded and read back with pdftotext,
 * a receipt recorded oldest first and a card deposit with its fee by hand, and the balance and
 * aging changing on 売掛金残高; 入金予定 with the overdue row. Screenshots receivables-*.png (the
 * downloaded PDF's page 1 as receivables-billing-pdf.png).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInvoice, seedInvoiceMasters } from '../helpers/receivable-invoices';
import { SCREENSHOT_DIR, startE2E, type E2E } from './helpers/harness';

describe('売掛管理 (e2e)', () => {
  let e: E2E;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    e = await startE2E();
    e.page.on('dialog', (d) => void d.accept());
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await e.core.dispatch(channel, input, { via: 'test' });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    await call('bankAccounts:create', { code: 'B1', bankName: 'みずほ銀行', branchName: '渋谷支店', accountType: '普通', accountNumber: '1234567', holder: 'カ）ビーカートシヨウジ' });
    for (const [code, name, extra] of [
      ['C001', '株式会社さくら商店', { billingType: '締', closingDay: 31, postalCode: '530-0001', address1: '大阪府大阪市北区梅田1-1', contactName: '経理部 山田' }],
      ['BC_CreditCard', 'クレジットカード決済', { billingType: '締', closingDay: 31, collectMonths: 1, collectDay: 15 }],
    ] as const) {
      const row = await call<{ id: number }>('partners:create', { code, name, kind: '得意先', taxDisplay: '税込', ...extra });
      await call('partners:confirm', { id: row.id });
      ids[code] = row.id;
    }
    const m = seedInvoiceMasters(e.core.db);
    insertInvoice(e.core.db, m, { customerId: ids.C001!, code: 'H0001', date: '2025-01-10', lines: [{ product: 'std', amount: 10_000 }, { product: 'reduced', amount: 5_000 }] }); // 11,000 + 5,400
    insertInvoice(e.core.db, m, { customerId: ids.C001!, code: 'H0002', date: '2025-01-25', lines: [{ product: 'std', amount: 20_000 }] }); // 22,000
    insertInvoice(e.core.db, m, { customerId: ids.C001!, code: 'H0003', date: '2025-02-05', lines: [{ product: 'exempt', amount: 3_000 }] }); // 3,000
    insertInvoice(e.core.db, m, { customerId: ids.BC_CreditCard!, code: 'K0001', date: '2025-02-03', lines: [{ product: 'std', amount: 10_000 }] }); // 11,000
    insertInvoice(e.core.db, m, { customerId: ids.BC_CreditCard!, code: 'K0002', date: '2025-02-12', lines: [{ product: 'reduced', amount: 5_000 }] }); // 5,400
  });
  afterAll(async () => {
    await e?.close();
  });

  it('自社情報: a wrong check digit is shown beside 登録番号; a valid one saves', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '自社情報' }).click();
    await page.getByLabel('会社名').fill('株式会社ビーカート商事');
    await page.getByLabel('郵便番号').fill('1500002');
    await page.getByLabel('住所1').fill('東京都渋谷区渋谷2-1-1');
    await page.getByLabel('電話番号').fill('03-1234-5678');
    await page.getByLabel('登録番号').fill('T8234567890123');
    await page.getByRole('checkbox', { name: /みずほ銀行 渋谷支店/ }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#company-registrationNumber-error').textContent()).toContain('チェックディジット');
    await page.getByLabel('登録番号').fill('T9234567890123');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('自社情報を保存しました');
    await e.screenshot('receivables-company');
    const c = await e.core.dispatch('company:get', {});
    expect(c.ok && c.value).toMatchObject({ registrationNumber: 'T9234567890123', postalCode: '150-0002', bankAccounts: [expect.objectContaining({ accountNumber: '1234567' })] });
  });

  it('請求締め of January: preview, close, the statement, and its PDF', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '請求締め' }).click();
    await page.getByLabel('締日').fill('2025-01-31');
    await page.getByRole('button', { name: '締め対象を確認' }).click();
    const preview = page.getByRole('region', { name: '締め対象(まだ締めていません)' });
    await expect.poll(() => preview.textContent()).toContain('C001');
    expect(await preview.textContent()).toContain('¥38,400');
    expect(await preview.textContent()).not.toContain('BC_CreditCard'); // 入金管理のみ
    await page.getByRole('button', { name: '請求締めを実行' }).click();
    const result = page.getByRole('region', { name: '請求締めの結果' });
    await expect.poll(() => result.textContent()).toContain('2025-02-28');
    await page.getByRole('table', { name: '請求書' }).getByRole('button', { name: '1', exact: true }).click();
    const panel = page.getByRole('article', { name: '請求書 No.1' });
    await expect.poll(() => panel.textContent()).toContain('¥38,400');
    expect(await panel.textContent()).toContain('2025-01-01 〜 2025-01-31');
    await e.screenshot('receivables-billing');

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'PDFを保存' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^請求書_No1_C001_20250131\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', (await file.path())!, '-'], { encoding: 'utf8' });
    expect(text).toContain('T9234567890123');
    expect(text).toContain('¥38,400');
    expect(text).toMatch(/8%対象\(※軽減税率\)\s+税抜 ¥5,000\s+消費税 ¥400/);
    // the downloaded file as a picture of its first page, beside the screen it came from
    const picture = join(SCREENSHOT_DIR, 'receivables-billing-pdf');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', (await file.path())!, picture]);
    expect(statSync(`${picture}.png`).size).toBeGreaterThan(10_000);
  });

  it('a receipt and a card deposit with its fee change the balance and the aging', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '売掛金残高' }).click();
    await page.getByLabel('基準日').fill('2025-03-15');
    const row = page.getByRole('table', { name: '売掛金残高' }).getByRole('row', { name: /C001/ });
    // C001: January's ¥38,400 is 15 days past 2/28 (1〜30日); H0003 ¥3,000 is not due yet
    await expect.poll(() => row.textContent()).toContain('¥41,400');
    expect(await row.textContent()).toContain('¥38,400');
    await e.screenshot('receivables-balances-before');

    await page.getByRole('link', { name: '入金処理' }).click();
    await page.getByLabel('得意先').selectOption({ label: 'C001 株式会社さくら商店' });
    await page.getByLabel('入金日').fill('2025-03-10');
    await page.getByLabel('1行目の金額').fill('20000');
    await expect.poll(() => page.getByRole('table', { name: '未入金の請求' }).textContent()).toContain('H0002');
    await page.getByRole('button', { name: '入金を登録' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('消込: H0001 ¥16,400、H0002 ¥3,600');
    await e.screenshot('receivables-payment');

    // the card company: one deposit of ¥16,400 − fee ¥525, paying both card invoices
    await page.getByLabel('得意先').selectOption({ label: 'BC_CreditCard クレジットカード決済' });
    await page.getByLabel('入金日').fill('2025-03-14');
    await page.getByLabel('1行目の金額').fill('15875');
    await page.getByRole('button', { name: '明細を追加' }).click();
    await page.getByLabel('2行目の種別').selectOption('手数料');
    await page.getByLabel('2行目の金額').fill('525');
    await page.getByLabel(/消込する請求を指定/).check();
    await page.getByRole('checkbox', { name: 'K0001を消込' }).check();
    await page.getByRole('checkbox', { name: 'K0002を消込' }).check();
    await expect.poll(() => page.getByText(/消込金額合計 ¥16,400 \/ 入金額合計 ¥16,400/).count()).toBe(1);
    await page.getByRole('button', { name: '入金を登録' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('消込: K0001 ¥11,000、K0002 ¥5,400');
    await e.screenshot('receivables-card-deposit');

    await page.getByRole('link', { name: '売掛金残高' }).click();
    await page.getByLabel('基準日').fill('2025-03-15');
    const after = page.getByRole('table', { name: '売掛金残高' });
    await expect.poll(() => after.getByRole('row', { name: /C001/ }).textContent()).toContain('¥21,400'); // 41,400 − 20,000
    const c001 = (await after.getByRole('row', { name: /C001/ }).textContent()) ?? '';
    expect(c001).toContain('¥18,400'); // 1〜30日: what is left of January
    expect(await after.getByRole('row', { name: /BC_CreditCard/ }).textContent()).toMatch(/¥16,400.*¥16,400.*¥0/);
    await e.screenshot('receivables-balances');

    await page.getByRole('link', { name: '入金予定' }).click();
    await page.getByLabel('基準日').fill('2025-03-15');
    const overdue = page.locator('tr.overdue');
    await expect.poll(() => overdue.count()).toBe(1);
    expect(await overdue.textContent()).toContain('2025-02-28');
    expect(await overdue.textContent()).toContain('¥18,400');
    expect(await overdue.textContent()).toContain('期日超過');
    await e.screenshot('receivables-schedule');
  });
});

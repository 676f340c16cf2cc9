/**
 * バックアップ end to end in Chromium through the harness: the list with sizes and the total, a
 * stricter rule shows what it would delete before it is saved, 保存 deletes exactly that, and an
 * invalid number is refused beside its field.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { startE2E, type E2E } from './helpers/harness';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-01T03:00:00Z');
const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

describe('バックアップ (e2e)', () => {
  let e: E2E;
  const tmp = makeTempDir('bcart-e2e-');
  const backups = join(tmp.dir, 'backups');
  beforeAll(async () => {
    mkdirSync(backups, { recursive: true });
    // three backups: today, 5 days and 20 days ago, 1.5 MB each
    for (const d of [0, 5, 20]) writeFileSync(join(backups, `pre-migration-${stamp(NOW - d * DAY)}.sqlite3`), Buffer.alloc(1536 * 1024));
    e = await startE2E({ dataDir: tmp.dir, coreOptions: { clock: { now: () => NOW } } });
  });
  afterAll(async () => {
    await e?.close();
    tmp.cleanup();
  });

  it('lists the backups with their sizes and the total', async () => {
    const { page } = e;
    await page.getByRole('link', { name: 'バックアップ', exact: true }).click();
    const table = page.getByRole('table', { name: 'バックアップ一覧' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('tbody tr').first().textContent()).toContain('2026/12/01 12:00');
    expect(await table.locator('tbody tr').first().textContent()).toContain('1.5 MB');
    expect(await page.getByLabel('バックアップの場所').textContent()).toContain('3 件、合計 4.5 MB');
  });

  it('shows what a stricter rule deletes before saving, then deletes exactly that', async () => {
    const { page } = e;
    await page.getByLabel('最新から残す件数').fill('1');
    await page.getByLabel('残す期間 (日)').fill('7');
    await expect.poll(() => page.getByLabel('削除されるバックアップ').textContent()).toContain('1 件（1.5 MB）のバックアップが削除されます');
    expect(readdirSync(backups)).toHaveLength(3); // nothing deleted before 保存
    await page.getByRole('button', { name: '保存' }).click();
    const table = page.getByRole('table', { name: 'バックアップ一覧' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    expect(readdirSync(backups).sort()).toEqual([`pre-migration-${stamp(NOW - 5 * DAY)}.sqlite3`, `pre-migration-${stamp(NOW)}.sqlite3`]);
    await e.screenshot('backups');
  });

  it('refuses a count of 0 beside the field and saves nothing', async () => {
    const { page } = e;
    await page.getByLabel('最新から残す件数').fill('0');
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('残す件数は 1 件以上にしてください。');
    expect(await page.getByRole('button', { name: '保存' }).isDisabled()).toBe(true);
    expect(await e.core.dispatch('backups:list', {}, { via: 'test' })).toMatchObject({ ok: true, value: { retention: { keepLast: 1, keepDays: 7 } } });
  });
});

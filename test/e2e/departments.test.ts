/**
 * 部門 end to end in Chromium through the harness: create, 確定, reload after a restart of the core
 * (still there, still confirmed), Japanese errors beside the fields, and a screenshot of the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './helpers/harness';

describe('部門 (e2e)', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an invalid form shows the Japanese errors beside the fields and writes nothing', async () => {
    const { page } = e;
    await page.getByRole('link', { name: '部門' }).click();
    await page.getByRole('button', { name: '新規' }).click();
    await page.getByLabel('部門コード').fill('コード');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#departments-code-error').textContent()).toContain('半角英数字');
    expect(await page.locator('#departments-name-error').textContent()).toContain('部門名を入力してください');
    const list = await e.core.dispatch('departments:list', {});
    expect(list.ok && list.value).toMatchObject({ total: 0 });
  });

  it('creates a 部門, confirms it, and finds it again after a restart', async () => {
    const { page } = e;
    await page.getByLabel('部門コード').fill('D100');
    await page.getByLabel('部門名').fill('EC事業部');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('row', { name: /D100/ }).count()).toBe(1);
    await page.getByRole('button', { name: '確定', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '確定取消' }).count()).toBe(1);

    await e.restart();
    await page.getByRole('link', { name: '部門' }).click();
    const row = page.getByRole('row', { name: /D100/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('EC事業部');
    expect(await row.textContent()).toContain('確定');
    await row.click();
    await expect.poll(() => page.getByRole('button', { name: '確定取消' }).count()).toBe(1);
    const file = await e.screenshot('departments-list');
    expect(file).toMatch(/departments-list\.png$/);
  });

  it('a duplicate code comes back from main and is shown beside the code field', async () => {
    const { page } = e;
    await page.getByRole('button', { name: '新規' }).click();
    await page.getByLabel('部門コード').fill('D100');
    await page.getByLabel('部門名').fill('重複');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#departments-code-error').textContent()).toContain('すでに使われています');
  });
});

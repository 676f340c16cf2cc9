/**
 * 中止 of a running 出荷取込処理 in Chromium: the simulator answers slowly, the page shows the run in
 * progress with a 中止 button, pressing it ends the run at once as 中止 (neutral, not 失敗) with the
 * 中止 message, in the result heading and the 取込履歴; nothing is imported and the 出荷取込開始日 stays. Screenshot in test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { seedImportBooks } from '../integration/import/import-fixture';
import { startE2E, type E2E } from './helpers/harness';

describe('出荷取込処理 中止 (e2e)', () => {
  let e: E2E;
  let sim: RunningSimulator;
  const today = jstDateOf(Date.now());
  const from = addDays(today, -6);
  beforeAll(async () => {
    sim = await startSimulator({ seed: 4, orders: 20, fromDate: from, toDate: today, rateLimit: false, includeUnsupported: false });
    e = await startE2E();
    await seedImportBooks(e.core.db, e.core.services.bcart, sim, from);
  });
  afterAll(async () => {
    await e?.close();
    await sim?.close();
  });

  it('中止 stops a slow run: shown as 中止 (not 失敗) with the 中止 message, nothing imported', async () => {
    const { page } = e;
    // every BCart answer takes 30 s: only 中止 can end the run within the test
    sim.faults.set([{ kind: 'latency', delayMs: 30_000, count: -1 }]);
    await page.getByRole('link', { name: '出荷取込処理' }).click();
    await expect.poll(() => page.getByLabel('EC連携設定').inputValue()).not.toBe('');
    await expect.poll(() => page.getByText(`出荷取込開始日: ${from}`).count()).toBe(1);
    await page.getByRole('button', { name: '出荷取込処理', exact: true }).click();
    const cancel = page.getByRole('button', { name: '中止', exact: true });
    await expect.poll(() => cancel.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => sim.requestCount(), { timeout: 10_000 }).toBeGreaterThan(0);
    await e.screenshot('import-cancel-running');
    await cancel.click();

    const result = page.locator('section[aria-label="取込結果"]');
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('出荷取込処理を中止しました');
    // the heading says 中止 with a neutral badge in a neutral notice, never 失敗 / the error style
    const heading = result.locator('[role="status"] strong');
    expect(await heading.textContent()).toMatch(/^出荷取込処理 #\d+: 中止（何も取り込んでいません）$/);
    expect(await heading.locator('.badge.badge-neutral').textContent()).toBe('中止');
    expect(await result.locator('.notice-info[role="status"]').count()).toBe(1);
    expect(await result.locator('.notice-error').count()).toBe(0);
    expect(await result.textContent()).not.toContain('失敗');
    // 取込履歴 shows the run as 中止 with the same neutral badge
    const history = page.getByRole('table', { name: '取込履歴' });
    await expect.poll(() => history.locator('.badge-neutral').allTextContents(), { timeout: 10_000 }).toEqual(['中止']);
    expect(await history.locator('.badge-err').count()).toBe(0);
    expect(await cancel.count()).toBe(0);
    await e.screenshot('import-cancelled');

    const shipments = await e.core.dispatch('shipments:list', {});
    if (!shipments.ok) throw new Error(shipments.error.message);
    expect((shipments.value as { total: number }).total).toBe(0);
    // the page still shows the unchanged cursor, and the buttons are usable again
    expect(await page.getByText(`出荷取込開始日: ${from}`).count()).toBe(1);
    expect(await page.getByRole('button', { name: '出荷取込処理', exact: true }).isEnabled()).toBe(true);
    sim.faults.clear();
  });
});

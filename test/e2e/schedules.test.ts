/**
 * バッチスケジュール end to end in Chromium through the harness, with the scheduler started as in
 * the app and a simulated BCart shop: create a schedule (weekday checkboxes, two times), see its
 * next run time, 今すぐ実行, see the result with its counts, open the run's システムログ, and
 * 一時停止 / 再開. Screenshot: schedules.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchedulerService } from '../../src-main/core/schedules/scheduler-service';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { seedImportBooks } from '../integration/import/import-fixture';
import { startE2E, type E2E } from './helpers/harness';

/** Thu 2025-05-01 12:00 JST */
const NOW = Date.parse('2025-05-01T03:00:00Z');

describe('バッチスケジュール (e2e)', () => {
  let e: E2E;
  let sim: RunningSimulator;
  let svc: SchedulerService;
  beforeAll(async () => {
    const clock = { now: () => NOW };
    sim = await startSimulator({ seed: 3, orders: 25, fromDate: '2025-04-28', toDate: '2025-05-01', rateLimit: false, includeUnsupported: false, clock });
    e = await startE2E({ coreOptions: { clock } });
    await seedImportBooks(e.core.db, e.core.services.bcart, sim, '2025-04-28');
    svc = e.core.services.schedules.start();
  });
  afterAll(async () => {
    await svc?.stop();
    await e?.close();
    await sim?.close();
  });

  it('refuses a schedule without weekdays or with a bad time, beside the field', async () => {
    const { page } = e;
    await page.getByRole('link', { name: 'バッチスケジュール' }).click();
    await page.getByRole('button', { name: '新規' }).click();
    for (const d of ['月', '火', '水', '木', '金']) await page.getByRole('group', { name: '実行する曜日' }).getByLabel(d).uncheck();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('実行する曜日を1つ以上選択してください');
    await page.getByRole('group', { name: '実行する曜日' }).getByLabel('土').check();
    await page.getByLabel('実行時刻 1', { exact: true }).fill('7:3');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('HH:MM 形式');
    expect(await e.core.dispatch('schedules:list', {})).toMatchObject({ ok: true, value: { rows: [] } });
    await page.getByRole('group', { name: '実行する曜日' }).getByLabel('土').uncheck();
    await page.getByLabel('実行時刻 1', { exact: true }).fill('07:30');
  });

  it('creates a schedule, shows its next run, runs it now, shows the result and opens its log', async () => {
    const { page } = e;
    await page.getByLabel('ジョブ名').fill('平日の取込');
    for (const d of ['月', '火', '水', '木', '金']) await page.getByRole('group', { name: '実行する曜日' }).getByLabel(d).check();
    await page.getByRole('button', { name: '時刻を追加' }).click();
    await page.getByLabel('実行時刻 2', { exact: true }).fill('19:00');
    expect(await page.getByLabel('祝日は実行しない').isChecked()).toBe(true);
    await page.getByRole('button', { name: '保存' }).click();

    const row = page.locator('tr[data-job-id]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('月・火・水・木・金 07:30, 19:00（祝日は休み）');
    // Thu 12:00 → today 19:00
    expect(await row.locator('.next-run').textContent()).toBe('2025/05/01(木) 19:00');
    expect(await row.textContent()).toContain('未実行');

    await row.getByRole('button', { name: '今すぐ実行' }).click();
    await expect.poll(() => row.locator('.last-run .badge').textContent(), { timeout: 30_000 }).toBe('成功');
    const message = await row.locator('.last-run-message').textContent();
    expect(message).toMatch(/EC連携設定 1 件の出荷取込処理が完了しました（注文 \d+ 件、出荷伝票 \d+ 件/);
    expect(await row.textContent()).toContain('今すぐ実行');
    const history = page.getByRole('region', { name: '実行履歴' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(1);
    expect(await history.locator('tbody tr').textContent()).toMatch(/今すぐ実行成功EC連携設定 1 件/);
    const shot = await e.screenshot('schedules');
    expect(shot).toMatch(/schedules\.png$/);

    const imports = await e.core.dispatch('import:history', {});
    const importRunId = imports.ok ? (imports.value as { rows: { id: number; settingId: number; trigger: string; status: string }[] }).rows[0]! : null;
    expect(importRunId).toMatchObject({ trigger: 'manual', status: 'succeeded' });
    // another run's lines (a 取込プレビュー) that the run's システムログ link must leave out
    const preview = await e.core.dispatch('import:preview', { settingId: importRunId!.settingId });
    if (!preview.ok) throw new Error(`取込プレビューを開始できません: ${preview.error.message}`);
    const previewRunId = (preview.value as { runId: number }).runId;
    await expect.poll(async () => await e.core.dispatch('import:get', { runId: previewRunId })).toMatchObject({ ok: true, value: { run: { status: 'succeeded' } } });

    await row.getByRole('link', { name: 'システムログ' }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/system-log/${importRunId!.id}`);
    // the システムログ screen shows the run's lines, and only them
    const detail = await e.core.dispatch('import:get', { runId: importRunId!.id });
    const runLogs = detail.ok ? (detail.value as { logs: { code: string | null }[] }).logs : [];
    expect(runLogs.some((l) => l.code === 'IMPORTED')).toBe(true);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('システムログ');
    const logTable = page.getByRole('table', { name: 'システムログ' });
    await expect.poll(() => logTable.textContent()).toContain('取り込みました');
    expect(await page.getByLabel('取込No.', { exact: true }).inputValue()).toBe(String(importRunId!.id));
    expect(await page.locator('main .toolbar .count').textContent()).toBe(`${runLogs.length} 件`);
    const runCells = await logTable.locator('[role=row][aria-rowindex] [role=cell]:nth-child(3)').allTextContents();
    expect(runCells.length).toBe(runLogs.length);
    expect(new Set(runCells)).toEqual(new Set([String(importRunId!.id)]));
    expect(await logTable.textContent()).not.toContain('まだ何も取り込んでいません');
    // 絞り込みを解除: every run's lines again, and the route no longer names the run
    await page.getByRole('button', { name: '絞り込みを解除してすべて表示' }).click();
    await expect.poll(() => logTable.textContent()).toContain('まだ何も取り込んでいません');
    expect(new URL(page.url()).hash).toBe('#/system-log');
    expect(await page.getByLabel('取込No.', { exact: true }).inputValue()).toBe('');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/system-log/${importRunId!.id}`);
    await expect.poll(() => page.locator('main .toolbar .count').textContent()).toBe(`${runLogs.length} 件`);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/schedules/);
  });

  it('一時停止 shows the banner and blocks 今すぐ実行; 再開 reports what was skipped', async () => {
    const { page } = e;
    await page.getByRole('link', { name: 'バッチスケジュール' }).click();
    await page.getByRole('button', { name: '一時停止' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '一時停止中のため' }).count()).toBe(1);
    expect(await page.locator('tr[data-job-id]').getByRole('button', { name: '今すぐ実行' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '再開' }).click();
    await expect.poll(() => page.getByLabel('一時停止中に実行されなかった予定').textContent()).toContain('一時停止中に予定されていた実行はありませんでした');
    expect(svc.scheduler.pausedBy()).toEqual([]);
  });
});

/**
 * A scheduled 出荷取込処理 — fired by the scheduler's own timer, no screen involved — refreshes the
 * 請求伝票 and 出荷伝票 lists that are open in Chromium, without a reload: main announces the roots
 * the import changed (data:changed) and the open lists refetch. The clock is fake so the schedule's
 * time arrives on cue; the browser, the harness and the simulator run for real.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchedulerService } from '../../src-main/core/schedules/scheduler-service';
import { startSimulator, type RunningSimulator } from '../../src-main/simulator';
import { seedImportBooks } from '../integration/import/import-fixture';
import { createFakeTime, type FakeTime } from '../unit/schedules/fake-time';
import { startE2E, type E2E } from './helpers/harness';

/** Thu 2025-05-01 11:59 JST, a minute before the schedule */
const START = Date.parse('2025-05-01T02:59:00Z');

async function call<T>(e: E2E, channel: string, input: unknown = {}): Promise<T> {
  const r = await e.core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** Opens a slip list from the menu and waits until it has shown its (empty) count. */
async function openList(page: Page, menu: '請求伝票' | '出荷伝票'): Promise<void> {
  await page.getByRole('link', { name: menu }).click();
  await expect.poll(() => page.locator('main h1').textContent()).toBe(menu);
  await expect.poll(() => page.locator('main .toolbar .count').textContent()).toBe('0 件');
}

describe('a scheduled import refreshes the open slip lists (e2e)', () => {
  let time: FakeTime;
  let sim: RunningSimulator;
  let e: E2E;
  let svc: SchedulerService;
  let shipmentsPage: Page;
  beforeAll(async () => {
    time = createFakeTime(START);
    sim = await startSimulator({ seed: 3, orders: 25, fromDate: '2025-04-28', toDate: '2025-05-01', rateLimit: false, includeUnsupported: false, clock: time.clock });
    e = await startE2E({ coreOptions: { clock: time.clock, timers: time.timers } });
    await seedImportBooks(e.core.db, e.core.services.bcart, sim, '2025-04-28');
    svc = e.core.services.schedules.start();
    await call(e, 'schedules:create', { name: '昼の取込', type: 'EC・売上取込処理', weekdays: ['thu'], times: ['12:00'], skipHolidays: false, enabled: true });
    shipmentsPage = await e.page.context().newPage();
    await shipmentsPage.goto(e.harness.url);
  });
  afterAll(async () => {
    await svc?.stop();
    await e?.close();
    await sim?.close();
  });

  it('shows the new 請求伝票 and 出荷伝票 when the 12:00 run has committed', async () => {
    await openList(e.page, '請求伝票');
    await openList(shipmentsPage, '出荷伝票');

    // 12:00 JST: the scheduler's timer fires and the import runs in the background
    await time.advance(60_000);
    await svc.scheduler.whenIdle();
    const job = (await call<{ rows: { id: number }[] }>(e, 'schedules:list')).rows[0]!;
    const runs = await call<{ rows: { trigger: string; status: string }[] }>(e, 'schedules:runs', { id: job.id });
    expect(runs.rows.map((r) => [r.trigger, r.status])).toEqual([['schedule', 'succeeded']]);

    const invoices = await call<{ total: number; rows: { bcartOrderCode: string | null }[] }>(e, 'invoices:list', {});
    const shipments = await call<{ total: number; rows: { bcartOrderCode: string | null }[] }>(e, 'shipments:list', {});
    expect(invoices.total).toBeGreaterThan(0);
    expect(shipments.total).toBeGreaterThan(0);

    // no reload, no click: the open lists follow main's data:changed
    await expect.poll(() => e.page.locator('main .toolbar .count').textContent()).toBe(`${invoices.total} 件`);
    await expect.poll(() => e.page.getByRole('table', { name: '請求伝票一覧' }).textContent()).toContain(invoices.rows[0]!.bcartOrderCode!);
    await expect.poll(() => shipmentsPage.locator('main .toolbar .count').textContent()).toBe(`${shipments.total} 件`);
    await expect.poll(() => shipmentsPage.getByRole('table', { name: '出荷伝票一覧' }).textContent()).toContain(shipments.rows[0]!.bcartOrderCode!);
  });
});

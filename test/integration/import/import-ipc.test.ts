/**
 * The import over IPC: run ids returned at once, progress and finished events, one run at a time
 * per setting, refused while 受付停止, history / システムログ / 出荷伝票 / 請求伝票 channels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAllSettings } from '../../../src-main/core/import/import-all';
import { setStoreClosed } from '../../helpers/store-mode';
import type { EventName } from '../../../src-shared/ipc/events';
import { startImportHarness, type ImportHarness } from './import-harness';

let h: ImportHarness;
const events: { event: EventName; payload: Record<string, unknown> }[] = [];

function finished(runId: number): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const check = () => events.find((e) => e.event === 'import:finished' && e.payload['runId'] === runId);
    const found = check();
    if (found) return resolve(found.payload);
    const off = h.t.core.events.subscribe(() => {
      const f = check();
      if (f) {
        off();
        resolve(f.payload);
      }
    });
  });
}

beforeAll(async () => {
  h = await startImportHarness({ seed: 11, orders: 40, fromDate: '2025-04-25', toDate: '2025-05-01' });
  h.t.core.events.subscribe((event, payload) => events.push({ event, payload: payload as Record<string, unknown> }));
});
afterAll(() => h.close());

describe('import over IPC', () => {
  it('preview then run: run ids at once, progress and finished events, plan of the preview, one run at a time', async () => {
    const settingId = h.books.settingId;
    const targets = await h.t.call<{ rows: { id: number; importStartDate: string; running: boolean }[] }>('import:targets');
    expect(targets.rows).toEqual([expect.objectContaining({ id: settingId, importStartDate: '2025-04-25', running: false })]);

    const { runId: previewId } = await h.t.call<{ runId: number }>('import:preview', { settingId });
    const p = await finished(previewId);
    expect(p).toMatchObject({ status: 'succeeded', dryRun: true, committed: false });
    const detail = await h.t.call<{ run: { dryRun: boolean; status: string }; plan: { shipments: unknown[] } | null; logs: { code: string }[] }>('import:get', { runId: previewId });
    expect(detail.run).toMatchObject({ dryRun: true, status: 'succeeded' });
    expect(detail.plan!.shipments.length).toBe((p['counts'] as { shipments: number }).shipments);
    expect(detail.logs.some((l) => l.code === 'PREVIEW')).toBe(true);
    expect(events.some((e) => e.event === 'import:progressed' && e.payload['runId'] === previewId && (e.payload['pages'] as number) > 0)).toBe(true);

    const { runId } = await h.t.call<{ runId: number }>('import:run', { settingId });
    await expect(h.t.call('import:run', { settingId })).rejects.toMatchObject({ data: { code: 'ALREADY_RUNNING' } });
    const r = await finished(runId);
    expect(r).toMatchObject({ status: 'succeeded', committed: true, counts: p['counts'] });
    const history = await h.t.call<{ rows: { id: number }[] }>('import:history', { settingId });
    expect(history.rows.map((x) => x.id)).toEqual([runId, previewId]);
  });

  it('lists and opens 出荷伝票 and 請求伝票 with their BCart ids and per-rate totals', async () => {
    const list = await h.t.call<{ rows: { id: number; bcartLogisticsId: number; bcartOrderId: number }[]; total: number }>('shipments:list', {});
    expect(list.total).toBeGreaterThan(0);
    const invoices = await h.t.call<{ rows: { id: number; bcartOrderId: number; bcartOrderCode: string; total: number }[] }>('invoices:list', {});
    const inv = invoices.rows[0]!;
    const detail = await h.t.call<{ taxTotals: { gross: number }[]; shipments: { id: number; bcartLogisticsId: number }[]; lines: unknown[] }>('invoices:get', { id: inv.id });
    expect(detail.taxTotals.reduce((n, t) => n + t.gross, 0)).toBe(inv.total);
    expect(detail.shipments.length).toBeGreaterThan(0);
    const ship = await h.t.call<{ bcartOrderId: number; bcartOrderCode: string; invoiceId: number; lines: { amount: number }[]; amount: number }>('shipments:get', {
      id: detail.shipments[0]!.id,
    });
    expect(ship).toMatchObject({ bcartOrderId: inv.bcartOrderId, bcartOrderCode: inv.bcartOrderCode, invoiceId: inv.id });
    expect(ship.lines.reduce((n, l) => n + l.amount, 0)).toBe(ship.amount);
    const search = await h.t.call<{ rows: { bcartOrderCode: string }[] }>('invoices:list', { search: inv.bcartOrderCode });
    expect(search.rows.map((r) => r.bcartOrderCode)).toEqual([inv.bcartOrderCode]);
    await expect(h.t.call('shipments:get', { id: 999999 })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });

  it('システムログ filters by level and run', async () => {
    const all = await h.t.call<{ rows: { level: string; runId: number }[]; total: number }>('systemLog:list', {});
    expect(all.total).toBeGreaterThan(0);
    const info = await h.t.call<{ rows: { level: string }[] }>('systemLog:list', { level: 'info' });
    expect(info.rows.every((r) => r.level === 'info')).toBe(true);
    const runId = all.rows[0]!.runId;
    const one = await h.t.call<{ rows: { runId: number }[] }>('systemLog:list', { runId });
    expect(one.rows.length).toBeGreaterThan(0);
    expect(one.rows.every((r) => r.runId === runId)).toBe(true);
  });

  it('importAllSettings runs every setting (the schedule / tray entry point) and reports one that cannot start', async () => {
    const results = await importAllSettings(h.t.core.services, 'schedule');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ settingId: h.books.settingId, outcome: { status: 'succeeded', committed: true } });
    setStoreClosed(h.t.core, true);
    try {
      const refused = await importAllSettings(h.t.core.services, 'schedule');
      expect(refused[0]).toMatchObject({ notStarted: { code: 'STORE_CLOSED' } });
    } finally {
      setStoreClosed(h.t.core, false);
    }
  });

  it('is refused while 受付停止 and for an unknown setting', async () => {
    setStoreClosed(h.t.core, true);
    try {
      await expect(h.t.call('import:run', { settingId: h.books.settingId })).rejects.toMatchObject({ data: { code: 'STORE_CLOSED' } });
    } finally {
      setStoreClosed(h.t.core, false);
    }
    await expect(h.t.call('import:preview', { settingId: 999 })).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });
});

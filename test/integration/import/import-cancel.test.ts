/**
 * 中止 of a running 出荷取込処理: with the simulator answering slowly, import:cancel (and a caller's
 * abort signal) stops the pending BCart call at once; the run ends cancelled (中止, not failed) with
 * the 中止 message and its 注意 system log line (import:finished says cancelled too), nothing is written and the cursor stays; the next run imports normally. An abort
 * that arrives once the write transaction has begun leaves a succeeded run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src-main/core/import/run-import';
import { stopBackgroundWork } from '../../../src-main/shell/shutdown';
import { startImportHarness, type ImportHarness } from './import-harness';

let h: ImportHarness;

beforeAll(async () => {
  h = await startImportHarness({ seed: 11, orders: 20, fromDate: '2025-04-28', toDate: '2025-05-01' });
});
afterAll(() => h.close());

const count = (table: string): number => (h.t.core.db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/** Resolves once the simulator has received `n` requests. */
async function untilRequests(n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (h.sim.requestCount() < n) {
    if (Date.now() > deadline) throw new Error('the simulator got no request');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('出荷取込処理 中止', () => {
  it('import:cancel mid-fetch: cancelled run with the 中止 message, nothing written, cursor unchanged; the next run succeeds', async () => {
    const cursor = h.cursor();
    const finished: Record<string, unknown>[] = [];
    const off = h.t.core.events.subscribe((event, payload) => {
      if (event === 'import:finished') finished.push(payload as Record<string, unknown>);
    });
    h.sim.faults.set([{ kind: 'latency', delayMs: 4_000, count: -1 }]);
    const before = h.sim.requestCount();
    const started = await h.t.call<{ runId: number }>('import:run', { settingId: h.books.settingId });
    await untilRequests(before + 1);
    const t0 = Date.now();
    expect(await h.t.call('import:cancel', { runId: started.runId })).toEqual({ cancelled: true });
    // a second 中止 of the same run asks nothing more
    expect(await h.t.call('import:cancel', { runId: started.runId })).toEqual({ cancelled: false });
    const service = h.t.core.services.imports;
    while (service.isRunning(h.books.settingId)) await new Promise((r) => setTimeout(r, 10));
    // the pending request was cancelled, not waited out (the simulator answers after 4 s)
    expect(Date.now() - t0).toBeLessThan(3_000);
    h.sim.faults.clear();

    const detail = await h.t.call<{ run: { status: string; message: string; shipmentsCreated: number; errorCount: number; warningCount: number }; logs: { level: string; code: string | null; message: string }[] }>(
      'import:get',
      { runId: started.runId },
    );
    expect(detail.run.status).toBe('cancelled');
    // the system log line stays at 注意 level (warn), not エラー
    expect(detail.logs.map((l) => l.level)).toEqual(['warn']);
    await expect.poll(() => finished.length).toBe(1);
    off();
    expect(finished[0]).toMatchObject({ runId: started.runId, status: 'cancelled', committed: false });
    const history = await h.t.call<{ rows: { id: number; status: string }[] }>('import:history', { settingId: h.books.settingId });
    expect(history.rows.find((r) => r.id === started.runId)?.status).toBe('cancelled');
    expect(detail.run.message).toMatch(/^出荷取込処理を中止しました.*何も取り込んでいません（出荷取込開始日は変わりません）。.*もう一度/);
    expect(detail.run.shipmentsCreated).toBe(0);
    expect(detail.run).toMatchObject({ errorCount: 0, warningCount: 1 });
    expect(detail.logs.map((l) => l.code)).toEqual(['IMPORT_FAILED']);
    expect(count('shipments')).toBe(0);
    expect(count('invoices')).toBe(0);
    expect(count('stock_ledger')).toBe(0);
    expect(h.cursor()).toBe(cursor);

    const next = await h.run();
    expect(next.status).toBe('succeeded');
    expect(next.counts.shipments).toBeGreaterThan(0);
    expect(count('shipments')).toBe(next.counts.shipments);
    expect(h.cursor()).not.toBe(cursor);
  });

  it('a caller signal aborted mid-fetch ends a preview and a run alike, marked aborted', async () => {
    h.sim.faults.set([{ kind: 'latency', delayMs: 4_000, count: -1 }]);
    const shipments = count('shipments');
    const cursor = h.cursor();
    for (const dryRun of [true, false]) {
      const ac = new AbortController();
      const before = h.sim.requestCount();
      const pending = h.run({ dryRun, signal: ac.signal });
      await untilRequests(before + 1);
      ac.abort();
      const o = await pending;
      expect(o).toMatchObject({ status: 'cancelled', committed: false, aborted: true, plan: null });
      expect(o.errors).toEqual([expect.objectContaining({ code: 'IMPORT_FAILED', message: expect.stringMatching(dryRun ? /^取込プレビューを中止しました/ : /^出荷取込処理を中止しました/) })]);
    }
    h.sim.faults.clear();
    expect(count('shipments')).toBe(shipments);
    expect(h.cursor()).toBe(cursor);
  });

  it('an already aborted signal makes no BCart call at all', async () => {
    const ac = new AbortController();
    ac.abort();
    const before = h.sim.requestCount();
    const o = await h.run({ signal: ac.signal });
    expect(o).toMatchObject({ status: 'cancelled', aborted: true, apiCalls: 0 });
    expect(h.sim.requestCount()).toBe(before);
  });

  it('an abort once the write has begun leaves a succeeded, fully written run', async () => {
    h.setCursor('2025-04-28');
    const ac = new AbortController();
    const phases: string[] = [];
    const o = await h.run({
      signal: ac.signal,
      onProgress: (p: ImportProgress) => {
        phases.push(p.phase);
        if (p.phase === 'writing') ac.abort();
      },
    });
    expect(phases).toContain('writing');
    expect(ac.signal.aborted).toBe(true);
    expect(o.status).toBe('succeeded');
    expect(o.committed).toBe(true);
    expect(o.aborted).toBeUndefined();
  });

  it("quitting (the shell's stopBackgroundWork) ends a run started from the screen as a clean rolled-back run", async () => {
    const shipments = count('shipments');
    const cursor = h.cursor();
    h.sim.faults.set([{ kind: 'latency', delayMs: 4_000, count: -1 }]);
    const before = h.sim.requestCount();
    const started = await h.t.call<{ runId: number }>('import:run', { settingId: h.books.settingId });
    await untilRequests(before + 1);
    const warnings: string[] = [];
    const logger = { ...h.t.core.services.ports.logger, warn: (m: string) => void warnings.push(m) };
    const t0 = Date.now();
    await stopBackgroundWork(h.t.core.services, logger, 3_000);
    expect(Date.now() - t0).toBeLessThan(2_500);
    h.sim.faults.clear();
    expect(warnings).toEqual([]);
    expect(h.t.core.services.imports.isRunning(h.books.settingId)).toBe(false);
    const detail = await h.t.call<{ run: { status: string; message: string } }>('import:get', { runId: started.runId });
    expect(detail.run).toMatchObject({ status: 'cancelled', message: expect.stringMatching(/^出荷取込処理を中止しました/) });
    expect(count('shipments')).toBe(shipments);
    expect(h.cursor()).toBe(cursor);
  });

  it('import:cancel of a run that is not running answers cancelled=false', async () => {
    expect(await h.t.call('import:cancel', { runId: 999_999 })).toEqual({ cancelled: false });
  });
});

/**
 * Large CSV取込 through dispatch on a real SQLite file: while main reads the file other calls are
 * answered, csv:progressed reports the job the renderer named, csv:cancel (中止) stops it with
 * nothing written, and a store closed (受付停止) while the file was read refuses the write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-shared/ipc/events';
import type { AppErrorData } from '../../../src-shared/errors';
import type { IpcResult } from '../../../src-shared/ipc/result';
import { serialiseSubscriptionCsv } from '../../../src-main/core/subscriptions/subscription-csv';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { dumpSubscriptions, makeDataset } from '../tax-update/tax-update-fixture';

const PRODUCT_HEADER = '商品コード,枝番(横),枝番(縦),SKUコード,商品名,計上単位,棚卸対象,税区分コード,単価,JANコード\r\n';

/** n valid 商品 rows as base64 (about 60 bytes a row) */
function productsBase64(n: number): string {
  let text = PRODUCT_HEADER;
  for (let i = 0; i < n; i++) text += `P${String(i).padStart(6, '0')},,,,大きなファイルの商品${i},1,対象,STD10,${i % 5000},\r\n`;
  return Buffer.from(text).toString('base64');
}

type Progress = EventPayload<'csv:progressed'>;

describe('CSV取込 jobs: progress, a free main process, 中止', () => {
  let t: TestCore;
  let events: Progress[];
  let onProgress: ((p: Progress) => void) | undefined;
  beforeEach(async () => {
    t = await makeTestCore();
    events = [];
    onProgress = undefined;
    t.core.events.subscribe((event, payload) => {
      if (event !== 'csv:progressed') return;
      events.push(payload as Progress);
      onProgress?.(payload as Progress);
    });
  });
  afterEach(() => t.close());

  const productCount = async () => (await t.call<{ total: number }>('products:list', {})).total;
  const errorOf = (r: IpcResult<unknown>): AppErrorData => {
    if (r.ok) throw new Error('expected a failure');
    return r.error;
  };

  it('a 40,000-row import reports progress for its job id, and other calls are answered while it is read', async () => {
    let settled = false;
    const answered: boolean[] = [];
    onProgress = (p) => {
      // an IPC call made while the file is read gets its answer before the import ends
      if (p.phase === 'reading' && answered.length === 0) {
        answered.push(false);
        void t.core.dispatch('app:info', {}).then((r) => answered.splice(0, 1, r.ok && !settled));
      }
    };
    const run = t.core.dispatch('csv:import', { master: 'products', fileName: 'big.csv', contentBase64: productsBase64(40_000), jobId: 'job-products-1' }, { via: 'test' });
    const r = await run.finally(() => (settled = true));
    expect(r).toEqual({ ok: true, value: { created: 40_000, updated: 0, unchanged: 0, encoding: 'utf-8' } });
    expect(answered).toEqual([true]);
    expect(await productCount()).toBe(40_000);

    expect(events.every((e) => e.jobId === 'job-products-1')).toBe(true);
    const reading = events.filter((e) => e.phase === 'reading');
    expect(reading.length).toBeGreaterThan(5);
    expect(reading.length).toBeLessThanOrEqual(101);
    for (let i = 1; i < reading.length; i++) expect(reading[i]!.bytesRead).toBeGreaterThan(reading[i - 1]!.bytesRead);
    // one last event: the file is read, writing (no longer cancellable) begins
    expect(events.at(-1)).toMatchObject({ phase: 'writing', bytesRead: events.at(-1)!.bytesTotal });
    expect(events.filter((e) => e.phase === 'writing')).toHaveLength(1);
    // too late for 中止
    expect(await t.call('csv:cancel', { jobId: 'job-products-1' })).toEqual({ cancelled: false });
  });

  it('中止 while the file is read: CSV_CANCELLED and nothing written', async () => {
    const cancels: Promise<unknown>[] = [];
    onProgress = (p) => {
      if (cancels.length === 0) cancels.push(t.call('csv:cancel', { jobId: p.jobId }));
    };
    const r = await t.core.dispatch('csv:import', { master: 'products', fileName: 'big.csv', contentBase64: productsBase64(40_000), jobId: 'job-products-2' }, { via: 'test' });
    expect(await Promise.all(cancels)).toEqual([{ cancelled: true }]);
    expect(errorOf(r)).toMatchObject({ code: 'CSV_CANCELLED', message: expect.stringContaining('何も取り込んでいません') });
    expect(events.some((e) => e.phase === 'writing')).toBe(false);
    expect(await productCount()).toBe(0);
    // the id is free again, and unknown ids are simply not running
    expect(await t.call('csv:cancel', { jobId: 'job-products-2' })).toEqual({ cancelled: false });
    await expect(t.call('csv:import', { master: 'departments', fileName: 'd.csv', contentBase64: Buffer.from('部門コード,部門名\r\nD1,営業部\r\n').toString('base64'), jobId: 'job-products-2' })).resolves.toMatchObject({ created: 1 });
  });

  it('one job id runs once at a time', async () => {
    const input = { master: 'products', fileName: 'big.csv', contentBase64: productsBase64(20_000), jobId: 'job-twice' };
    const [a, b] = await Promise.all([t.core.dispatch('csv:import', input, { via: 'test' }), t.core.dispatch('csv:import', input, { via: 'test' })]);
    expect(a.ok).toBe(true);
    expect(errorOf(b).code).toBe('ALREADY_RUNNING');
  });

  it('受付停止 while a 商品 file is read refuses the write (STORE_CLOSED, nothing written)', async () => {
    onProgress = () => {
      if (events.length === 1) void t.call('store:close', {});
    };
    const r = await t.core.dispatch('csv:import', { master: 'products', fileName: 'big.csv', contentBase64: productsBase64(20_000), jobId: 'job-store' }, { via: 'test' });
    expect(errorOf(r).code).toBe('STORE_CLOSED');
    expect(await productCount()).toBe(0);
  });

  it('定期申込: progress and 中止 follow the same job id; 受付停止 during the read writes nothing', async () => {
    const data = makeDataset(5, 600);
    const file = serialiseSubscriptionCsv(data.apps, { encoding: 'cp932' });
    if (!file.ok) throw new Error('fixture');
    const contentBase64 = Buffer.from(file.bytes).toString('base64');
    const before = dumpSubscriptions(t.core.db);

    onProgress = (p) => {
      if (events.length === 1) void t.call('csv:cancel', { jobId: p.jobId });
    };
    const cancelled = await t.core.dispatch('subscriptions:import', { fileName: 's.csv', contentBase64, jobId: 'job-subs-1' }, { via: 'test' });
    expect(errorOf(cancelled).code).toBe('CSV_CANCELLED');

    events.length = 0;
    onProgress = () => {
      if (events.length === 1) void t.call('store:close', {});
    };
    const closed = await t.core.dispatch('subscriptions:import', { fileName: 's.csv', contentBase64, jobId: 'job-subs-2' }, { via: 'test' });
    expect(errorOf(closed).code).toBe('STORE_CLOSED');
    expect(dumpSubscriptions(t.core.db)).toBe(before);

    await t.call('store:open', {});
    events.length = 0;
    onProgress = undefined;
    const done = await t.call<{ applications: number; encoding: string }>('subscriptions:import', { fileName: 's.csv', contentBase64, jobId: 'job-subs-3' });
    expect(done).toMatchObject({ applications: 600, encoding: 'cp932' });
    expect(events.map((e) => e.phase)).toContain('reading');
    expect(events.at(-1)?.phase).toBe('writing');
  });
});

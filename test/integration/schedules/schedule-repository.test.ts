/**
 * The schedule repository (the scheduler's ScheduleStore) on a real database file: jobs round-trip, runs record start / end /
 * skip with their import run ids, lastCheckedAt persists across a reopen, deleting a job removes
 * its runs, and a corrupt row reads back harmlessly (the scheduler then ignores it).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobDraft } from '../../../src-main/core/schedules/schedule-repository';
import { INTERRUPTED_OUTCOME } from '../../../src-main/core/schedules/run-error';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';

const T0 = Date.parse('2026-11-30T07:00:00+09:00');
const draft: JobDraft = {
  name: '平日の取込',
  type: 'EC・売上取込処理',
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  times: ['07:30', '19:00'],
  skipHolidays: true,
  enabled: true,
};

describe('schedule repository (ScheduleStore on SQLite)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let t: TestCore;
  beforeEach(async () => {
    tmp = makeTempDir();
    t = await makeTestCore({}, tmp.dir);
  });
  afterEach(() => {
    t.close();
    tmp.cleanup();
  });

  it('creates, lists, updates and deletes jobs; lastCheckedAt starts at creation', () => {
    const store = t.core.services.repos.schedules;
    const id = store.createJob(draft, T0);
    expect(store.listJobs()).toEqual([
      { id, name: '平日の取込', type: 'EC・売上取込処理', rule: { weekdays: draft.weekdays, times: ['07:30', '19:00'], skipHolidays: true }, enabled: true },
    ]);
    expect(store.getLastCheckedAt(id)).toBe(T0);
    store.updateJob(id, { ...draft, name: '土曜', weekdays: ['sat'], times: ['09:15'], skipHolidays: false, enabled: false }, T0 + 1000);
    expect(store.getJob(id)).toMatchObject({ name: '土曜', rule: { weekdays: ['sat'], times: ['09:15'], skipHolidays: false }, enabled: false });
    expect(store.getLastCheckedAt(id)).toBe(T0 + 1000);
    store.deleteJob(id);
    expect(store.listJobs()).toEqual([]);
    expect(() => store.deleteJob(id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => store.updateJob(id, draft, T0)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('records runs with their outcome and import run ids, newest first', () => {
    const store = t.core.services.repos.schedules;
    const id = store.createJob(draft, T0);
    expect(store.getLastRun(id)).toBeNull();
    const r1 = store.recordRunStart(id, 'schedule', T0 + 60_000);
    expect(store.getLastRun(id)).toEqual({ runId: r1, trigger: 'schedule', startedAtMs: T0 + 60_000, finishedAtMs: null, outcome: null });
    store.recordRunEnd(r1, { ok: true, summary: '取り込みました', details: { importRunIds: [4, 5] } }, T0 + 120_000);
    const r2 = store.recordRunStart(id, 'manual', T0 + 180_000);
    store.recordRunEnd(r2, { ok: false, error: { code: 'NETWORK', message: 'つながりません', retryable: true } }, T0 + 240_000);
    const r3 = store.recordSkipped(id, 'schedule', T0 + 300_000, '前回の実行が終わっていなかったためスキップしました。');
    expect(store.listRuns(id, 10).map((r) => [r.runId, r.status, r.trigger, r.message, r.importRunIds])).toEqual([
      [r3, 'skipped', 'schedule', '前回の実行が終わっていなかったためスキップしました。', []],
      [r2, 'failed', 'manual', 'つながりません', []],
      [r1, 'succeeded', 'schedule', '取り込みました', [4, 5]],
    ]);
    // a skipped slot is history, not the last result (nor a run to close after a crash)
    expect(store.lastRunRow(id)?.runId).toBe(r2);
    expect(store.getLastRun(id)?.runId).toBe(r2);
    expect(store.listRuns(id, 1)).toHaveLength(1);
    expect(store.listRuns(id, 10)[2]).toMatchObject({ startedAt: '2026-11-30T07:01:00+09:00', finishedAt: '2026-11-30T07:02:00+09:00' });
    expect(() => store.recordRunEnd(9999, { ok: true, summary: 'x' }, T0)).toThrow();
  });

  it('reads an interrupted run back as the interrupted outcome', () => {
    const store = t.core.services.repos.schedules;
    const id = store.createJob(draft, T0);
    const r = store.recordRunStart(id, 'schedule', T0);
    store.recordRunEnd(r, INTERRUPTED_OUTCOME, T0 + 1);
    expect(store.getLastRun(id)?.outcome).toEqual(INTERRUPTED_OUTCOME);
  });

  it('keeps lastCheckedAt and runs across a reopen; deleting a job deletes its runs', async () => {
    let store = t.core.services.repos.schedules;
    const id = store.createJob(draft, T0);
    store.setLastCheckedAt(id, T0 + 5_000);
    store.recordRunStart(id, 'catch-up', T0 + 5_000);
    t.core.close();
    t = await makeTestCore({}, tmp.dir);
    store = t.core.services.repos.schedules;
    expect(store.getLastCheckedAt(id)).toBe(T0 + 5_000);
    expect(store.getLastRun(id)).toMatchObject({ trigger: 'catch-up', finishedAtMs: null });
    store.deleteJob(id);
    expect((t.core.db.prepare('select count(*) as n from schedule_runs').get() as { n: number }).n).toBe(0);
  });

  it('reads a corrupt rule as an empty one instead of throwing', () => {
    const store = t.core.services.repos.schedules;
    const id = store.createJob(draft, T0);
    t.core.db.prepare("update schedule_jobs set weekdays = 'not json', times = '{}' where id = ?").run(id);
    expect(store.getJob(id)?.rule).toEqual({ weekdays: [], times: [], skipHolidays: true });
  });
});

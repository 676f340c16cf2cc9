/**
 * The scheduler service on a real SQLite file under the fake clock, with a fake job runner:
 * scheduled runs are recorded in schedule_runs, a restart after the app was closed runs ONE
 * catch-up from the persisted lastCheckedAt, 受付停止 pauses and 受付再開 returns the skipped
 * slots, the 一時停止 button survives a restart, and push events reach the event bus.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SchedulerService } from '../../../src-main/core/schedules/scheduler-service';
import type { JobOutcome, RunTrigger } from '../../../src-main/core/schedules/scheduler-types';
import { setStoreClosed } from '../../helpers/store-mode';
import type { EventName } from '../../../src-shared/ipc/events';
import { makeTestCore, type TestCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { createFakeTime, type FakeTime } from '../../unit/schedules/fake-time';
import { DAY, HOUR, jst } from '../../unit/schedules/jst';

interface Booted {
  t: TestCore;
  time: FakeTime;
  svc: SchedulerService;
  calls: { jobId: number; trigger: RunTrigger }[];
  events: { event: EventName; payload: unknown }[];
}

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

async function boot(startAt: number, opts: { start?: boolean; outcome?: JobOutcome; hold?: Promise<void> } = {}): Promise<Booted> {
  const time = createFakeTime(startAt);
  const calls: Booted['calls'] = [];
  const events: Booted['events'] = [];
  const options = {
    runJob: async (job: { id: number }, trigger: RunTrigger) => {
      calls.push({ jobId: job.id, trigger });
      await opts.hold;
      return opts.outcome ?? { ok: true as const, summary: '出荷伝票 2 件を取り込みました', details: { importRunIds: [7] } };
    },
  };
  const t = await makeTestCore({ clock: time.clock, timers: time.timers, scheduler: options }, tmp.dir);
  t.core.events.subscribe((event, payload) => events.push({ event, payload }));
  const svc = opts.start === false ? t.core.services.schedules : t.core.services.schedules.start();
  return { t, time, svc, calls, events };
}

async function shutdown(b: Booted): Promise<void> {
  await b.svc.stop();
  b.t.core.close();
}

const weekdays0730 = { name: '朝の取込', type: 'EC・売上取込処理', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

describe('scheduler service on SQLite (fake clock)', () => {
  it('runs on schedule, records the run, and catches up ONCE after the app was closed for two days', async () => {
    // Mon 2026-11-30 07:00 JST
    let b = await boot(jst('2026-11-30T07:00'));
    const job = await b.t.call<{ id: number; nextRunAt: string }>('schedules:create', weekdays0730);
    expect(job.nextRunAt).toBe('2026-11-30T07:30:00+09:00');
    await b.time.advance(31 * 60_000);
    await b.svc.scheduler.whenIdle();
    expect(b.calls).toEqual([{ jobId: job.id, trigger: 'schedule' }]);
    const ran = b.events.filter((e) => e.event === 'schedule:ran').map((e) => e.payload);
    expect(ran).toEqual([
      { jobId: job.id, jobName: '朝の取込', runId: 1, trigger: 'schedule', status: 'succeeded', message: '出荷伝票 2 件を取り込みました', importRunIds: [7] },
    ]);
    const list = await b.t.call<{ rows: { nextRunAt: string; lastRun: { status: string; importRunIds: number[] } }[] }>('schedules:list');
    expect(list.rows[0]).toMatchObject({ nextRunAt: '2026-12-01T07:30:00+09:00', lastRun: { status: 'succeeded', importRunIds: [7] } });
    await shutdown(b);

    // the app stays closed Tue and Wed morning; started again Wed 12:00
    b = await boot(jst('2026-12-02T12:00'));
    await b.svc.scheduler.whenIdle();
    expect(b.calls).toEqual([{ jobId: job.id, trigger: 'catch-up' }]);
    const runs = await b.t.call<{ rows: { trigger: string; status: string }[] }>('schedules:runs', { id: job.id });
    expect(runs.rows.map((r) => [r.trigger, r.status])).toEqual([
      ['catch-up', 'succeeded'],
      ['schedule', 'succeeded'],
    ]);
    // and nothing more until Thursday 07:30
    await b.time.advance(19 * HOUR + 29 * 60_000);
    expect(b.calls).toHaveLength(1);
    await b.time.advance(2 * 60_000);
    await b.svc.scheduler.whenIdle();
    expect(b.calls.map((c) => c.trigger)).toEqual(['catch-up', 'schedule']);
    await shutdown(b);
  });

  it('受付停止 pauses the schedule; 受付再開 returns what was skipped and runs nothing of it', async () => {
    const b = await boot(jst('2026-12-01T07:00'));
    const job = await b.t.call<{ id: number }>('schedules:create', weekdays0730);
    setStoreClosed(b.t.core, true);
    expect(b.t.core.services.schedules.onStoreModeChanged(true)).toEqual([]);
    expect((await b.t.call<{ pausedBy: string[] }>('schedules:state')).pausedBy).toEqual(['store-closed']);
    await expect(b.t.call('schedules:runNow', { id: job.id })).rejects.toMatchObject({ data: { code: 'STORE_CLOSED' } });
    await b.time.advance(DAY); // Tue 07:30 passes while closed
    expect(b.calls).toEqual([]);
    setStoreClosed(b.t.core, false);
    const skipped = b.t.core.services.schedules.onStoreModeChanged(false);
    expect(skipped).toEqual([{ jobId: job.id, jobName: '朝の取込', atMs: jst('2026-12-01T07:30'), at: '2026-12-01T07:30:00+09:00' }]);
    expect(b.calls).toEqual([]);
    const state = await b.t.call<{ pausedBy: string[]; lastResume: unknown }>('schedules:state');
    expect(state.pausedBy).toEqual([]);
    // the screen shows the list although 受付再開 happened elsewhere
    expect(state.lastResume).toEqual({ reason: 'store-closed', at: '2026-12-02T07:00:00+09:00', skipped });
    await shutdown(b);
  });

  it('follows 受付停止 / 受付再開 switched over IPC (store:close / store:open) at once', async () => {
    const b = await boot(jst('2026-12-01T07:00'));
    const job = await b.t.call<{ id: number }>('schedules:create', weekdays0730);
    await b.t.call('store:close');
    expect(b.svc.scheduler.pausedBy()).toEqual(['store-closed']);
    await b.time.advance(31 * 60_000);
    expect(b.calls).toEqual([]);
    await b.t.call('store:open');
    expect(b.svc.scheduler.pausedBy()).toEqual([]);
    expect(b.svc.state().lastResume).toMatchObject({ reason: 'store-closed', skipped: [{ jobId: job.id, at: '2026-12-01T07:30:00+09:00' }] });
    await shutdown(b);
  });

  it('notices 受付停止 switched without the hook (the database is the truth)', async () => {
    const b = await boot(jst('2026-12-01T07:00'));
    setStoreClosed(b.t.core, true);
    expect((await b.t.call<{ pausedBy: string[] }>('schedules:state')).pausedBy).toEqual(['store-closed']);
    setStoreClosed(b.t.core, false);
    expect((await b.t.call<{ pausedBy: string[] }>('schedules:state')).pausedBy).toEqual([]);
    await shutdown(b);
  });

  it('一時停止 persists across a restart; 再開 lists the skipped slots', async () => {
    let b = await boot(jst('2026-12-01T07:00'));
    const job = await b.t.call<{ id: number }>('schedules:create', weekdays0730);
    expect((await b.t.call<{ pausedBy: string[] }>('schedules:pause')).pausedBy).toEqual(['user']);
    await expect(b.t.call('schedules:runNow', { id: job.id })).rejects.toMatchObject({ data: { code: 'VALIDATION' } });
    await shutdown(b);
    b = await boot(jst('2026-12-02T08:00'));
    expect(b.svc.scheduler.pausedBy()).toEqual(['user']);
    expect(b.calls).toEqual([]);
    await b.time.advance(DAY);
    const r = await b.t.call<{ skipped: { at: string }[]; state: { pausedBy: string[] } }>('schedules:resume');
    // Tue 07:30 passed while the app was closed and paused, Thu 07:30 while running paused
    expect(r.skipped.map((s) => s.at)).toEqual(['2026-12-01T07:30:00+09:00', '2026-12-02T07:30:00+09:00', '2026-12-03T07:30:00+09:00']);
    expect(r.state.pausedBy).toEqual([]);
    expect(b.calls).toEqual([]);
    await shutdown(b);
  });

  it('a due slot while the previous run still goes is skipped and recorded', async () => {
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const b = await boot(jst('2026-12-01T07:00'), { hold });
    const job = await b.t.call<{ id: number }>('schedules:create', { ...weekdays0730, times: ['07:30', '07:40'] });
    await b.time.advance(45 * 60_000);
    expect(b.calls).toHaveLength(1);
    const runs = await b.t.call<{ rows: { status: string; message: string | null }[] }>('schedules:runs', { id: job.id });
    expect(runs.rows[0]).toMatchObject({ status: 'skipped', message: expect.stringContaining('07:40 の予定は、前回の実行が終わっていなかった') });
    expect(runs.rows[1]).toMatchObject({ status: 'running' });
    await expect(b.t.call('schedules:delete', { id: job.id })).rejects.toMatchObject({ data: { code: 'ALREADY_RUNNING' } });
    release();
    await b.svc.scheduler.whenIdle();
    expect((await b.t.call<{ rows: { status: string }[] }>('schedules:runs', { id: job.id })).rows[1]!.status).toBe('succeeded');
    const list = await b.t.call<{ rows: { lastRun: { status: string } }[] }>('schedules:list');
    expect(list.rows[0]!.lastRun.status).toBe('succeeded');
    await shutdown(b);
  });

  it('without a started scheduler nothing fires by itself, but 今すぐ実行 runs the job', async () => {
    const b = await boot(jst('2026-12-01T07:00'), { start: false, outcome: { ok: false, error: { code: 'NETWORK', message: 'Bカートにつながりません。', retryable: true } } });
    const job = await b.t.call<{ id: number }>('schedules:create', weekdays0730);
    await b.time.advance(HOUR);
    expect(b.calls).toEqual([]);
    expect((await b.t.call<{ active: boolean }>('schedules:state')).active).toBe(false);
    const { runId } = await b.t.call<{ runId: number }>('schedules:runNow', { id: job.id });
    await b.svc.scheduler.whenIdle();
    expect(b.calls).toEqual([{ jobId: job.id, trigger: 'manual' }]);
    const list = await b.t.call<{ rows: { lastRun: unknown }[] }>('schedules:list');
    expect(list.rows[0]!.lastRun).toMatchObject({ runId, status: 'failed', trigger: 'manual', message: 'Bカートにつながりません。' });
    await shutdown(b);
  });
});

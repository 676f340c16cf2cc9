import { afterEach, describe, expect, it } from 'vitest';
import { formatJst } from '../../../src-shared/schedules/format-jst';
import { AppError } from '../../../src-shared/errors';
import { MAX_TIMER_DELAY_MS as MAX_WAKE } from '../../../src-main/core/schedules/scheduler';
import { DAY, HOUR, jst } from './jst';
import { job, setup, type Setup } from './scheduler-setup';

let current: Setup | undefined;
const use = (s: Setup): Setup => (current = s);
afterEach(() => current?.scheduler.stop());

describe('scheduler: pause and resume', () => {
  it('runs nothing while paused; resume lists the skipped slots and does not run them', async () => {
    const s = use(
      setup({
        startAt: jst('2026-11-30T06:00'),
        jobs: [job(1), job(2, { rule: { weekdays: ['mon'], times: ['12:00'], skipHolidays: false } })],
      }),
    );
    s.scheduler.start();
    s.scheduler.pause('user');
    expect(s.scheduler.isPausedBy('user')).toBe(true);
    await s.time.advance(15 * HOUR); // Monday 21:00
    expect(s.calls).toHaveLength(0);
    expect(s.events.filter((e) => e.type === 'skipped' && e.reason === 'paused')).toHaveLength(3);

    const skipped = s.scheduler.resume('user');
    expect(skipped.map((x) => `${x.jobName} ${x.at}`)).toEqual([
      '取込1 2026-11-30T07:30:00+09:00',
      '取込2 2026-11-30T12:00:00+09:00',
      '取込1 2026-11-30T19:00:00+09:00',
    ]);
    expect(s.events.at(-1)).toMatchObject({ type: 'resumed', reason: 'user', stillPausedBy: [], skipped });
    await s.time.advance(HOUR);
    expect(s.calls).toHaveLength(0); // not run after resume
    await s.time.advance(DAY);
    expect(s.calls.map((c) => `${c.jobId} ${formatJst(c.atMs)} ${c.trigger}`)).toEqual([
      '1 2026-12-01T07:30:00+09:00 schedule',
      '1 2026-12-01T19:00:00+09:00 schedule',
    ]);
    expect(s.scheduler.resume('user')).toEqual([]); // not paused any more
  });

  it('resume with catchUp runs each job that missed slots once', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T06:00'), jobs: [job(1), job(2)] }));
    s.scheduler.start();
    s.scheduler.pause('user');
    await s.time.advance(2 * DAY); // four slots per job
    expect(s.scheduler.resume('user', { catchUp: true })).toHaveLength(8);
    await s.time.advance(0);
    expect(s.calls.map((c) => `${c.jobId} ${c.trigger}`)).toEqual(['1 catch-up', '2 catch-up']);
  });

  it('slots that fell due while paused are listed even if no timer fired before resume', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T06:00'), jobs: [job(1)] }));
    s.scheduler.start();
    s.scheduler.pause('user');
    await s.time.sleepPc(2 * HOUR); // 08:00, the timers have not fired yet
    expect(s.scheduler.resume('user').map((x) => x.at)).toEqual(['2026-11-30T07:30:00+09:00']);
    await s.time.advance(MAX_WAKE);
    expect(s.calls).toHaveLength(0);
  });

  it('受付停止 and the user pause are separate reasons; manual runs are refused while paused', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T06:00'), jobs: [job(1)] }));
    s.scheduler.start();
    s.scheduler.pause('store-closed');
    s.scheduler.pause('user');
    expect(() => s.scheduler.runNow(1)).toThrow(
      expect.objectContaining({ code: 'STORE_CLOSED', message: expect.stringContaining('受付停止中') }),
    );
    await s.time.advance(2 * HOUR);
    expect(s.scheduler.resume('store-closed')).toEqual([]); // still paused by the user
    expect(s.scheduler.pausedBy()).toEqual(['user']);
    expect(() => s.scheduler.runNow(1)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('一時停止中') }),
    );
    await s.time.advance(12 * HOUR);
    expect(s.calls).toHaveLength(0);
    expect(s.scheduler.resume('user').map((x) => x.at)).toEqual(['2026-11-30T07:30:00+09:00', '2026-11-30T19:00:00+09:00']);
    expect(s.events.filter((e) => e.type === 'paused' || e.type === 'resumed').map((e) => `${e.type} ${e.reason}`)).toEqual([
      'paused store-closed',
      'paused user',
      'resumed store-closed',
      'resumed user',
    ]);
  });

  it('a pause restored before start() also covers slots missed while the app was closed, listed in time order', async () => {
    const evening = job(2, { rule: { weekdays: ['mon'], times: ['20:00'], skipHolidays: false } });
    const closedAt = jst('2026-11-30T10:00');
    const s = use(setup({ startAt: jst('2026-12-01T10:00'), jobs: [job(1), evening], lastChecked: { 1: closedAt, 2: closedAt } }));
    s.scheduler.pause('store-closed');
    s.scheduler.start();
    await s.time.advance(0);
    expect(s.calls).toHaveLength(0);
    expect(s.scheduler.resume('store-closed').map((x) => `${x.jobId} ${x.at}`)).toEqual([
      '1 2026-11-30T19:00:00+09:00',
      '2 2026-11-30T20:00:00+09:00',
      '1 2026-12-01T07:30:00+09:00',
    ]);
  });
});

describe('scheduler: failures', () => {
  it('a job that throws or returns an error does not stop the others and is recorded', async () => {
    const s = use(
      setup({
        startAt: jst('2026-11-30T07:00'),
        jobs: [job(1), job(2), job(3)],
        behaviour: async (call) => {
          if (call.jobId === 1) throw new Error('boom');
          if (call.jobId === 2) throw new AppError('BCART_UNAVAILABLE', 'Bカートに接続できません。', { retryable: true });
          if (call.jobId === 3) return { ok: false, error: { code: 'REAUTH_REQUIRED', message: '再認証が必要です。', retryable: false } };
          return { ok: true, summary: 'ok' };
        },
      }),
    );
    s.store.putJob(job(4));
    s.store.setLastCheckedAt(4, jst('2026-11-30T07:00'));
    s.scheduler.start();
    await s.time.advance(HOUR);
    const outcomes = s.store.runs().map((r) => `${r.jobId} ${r.outcome?.ok ? 'ok' : r.outcome?.error.code}`);
    expect(outcomes).toEqual(['1 INTERNAL', '2 BCART_UNAVAILABLE', '3 REAUTH_REQUIRED', '4 ok']);
    expect(s.events.filter((e) => e.type === 'failed').map((e) => e.jobId)).toEqual([1, 2, 3]);
    expect(s.events.filter((e) => e.type === 'finished').map((e) => e.jobId)).toEqual([4]);
    const internal = s.store.runs()[0]?.outcome;
    expect(internal?.ok === false && internal.error.message).toContain('予期しないエラー');
    await s.time.advance(12 * HOUR); // the failing jobs are still scheduled
    expect(s.store.runs()).toHaveLength(8);
  });

  it('a job that throws synchronously is cleaned up, recorded, and can run again', async () => {
    let n = 0;
    const s = use(
      setup({
        startAt: jst('2026-11-30T07:00'),
        jobs: [job(1)],
        behaviour: ((): never => {
          n += 1;
          throw new Error('sync');
        }) as never,
      }),
    );
    s.scheduler.start();
    s.scheduler.runNow(1);
    await s.time.advance(0);
    expect(s.scheduler.runningJobIds()).toEqual([]);
    expect(s.store.runs()[0]?.outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    s.scheduler.runNow(1);
    await s.time.advance(0);
    expect(n).toBe(2);
  });

  it('a job that resolves something other than an outcome is recorded as a failure', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T07:00'), jobs: [job(1)], behaviour: async () => undefined as never }));
    s.scheduler.start();
    s.scheduler.runNow(1);
    await s.time.advance(0);
    expect(s.store.runs()[0]?.outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(s.events.at(-1)).toMatchObject({ type: 'failed', runId: 1, trigger: 'manual' });
  });

  it('a store that fails while listing jobs is logged and the timer keeps going', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T07:00'), jobs: [job(1)] }));
    const list = s.store.listJobs;
    let broken = true;
    s.store.listJobs = () => {
      if (broken) throw new Error('SQLITE_BUSY');
      return list();
    };
    s.scheduler.start();
    await s.time.advance(10 * 60_000);
    expect(s.logger.lines.some((l) => l.level === 'error')).toBe(true);
    expect(s.time.pending()).toBe(1);
    broken = false;
    await s.time.advance(HOUR);
    expect(s.calls).toHaveLength(1);
  });

  it('a job with a corrupt rule is ignored (logged once) and the others still run', async () => {
    const broken = job(1, { rule: { weekdays: ['mon'], times: ['25:00'], skipHolidays: false } });
    const s = use(setup({ startAt: jst('2026-11-30T07:00'), jobs: [broken, job(2)] }));
    s.scheduler.start();
    await s.time.advance(HOUR);
    expect(s.calls.map((c) => c.jobId)).toEqual([2]);
    expect(s.logger.lines.filter((l) => l.msg.includes('実行条件が不正'))).toHaveLength(1);
    expect(s.scheduler.nextRun(1)).toBeNull();
  });

  it('a listener that calls runNow on the started event cannot start an overlapping run', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T07:00'), jobs: [job(1)] }));
    const errors: unknown[] = [];
    s.events.push = (e) => {
      if (e.type === 'started') {
        try {
          s.scheduler.runNow(1);
        } catch (err) {
          errors.push(err);
        }
      }
      return 0;
    };
    s.scheduler.start();
    await s.time.advance(HOUR);
    expect(s.calls).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ code: 'ALREADY_RUNNING' })]);
  });

  it('an onEvent listener that throws does not break the scheduler', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T07:00'), jobs: [job(1)] }));
    const scheduler = s.scheduler;
    s.events.push = () => {
      throw new Error('listener');
    };
    scheduler.start();
    await s.time.advance(13 * HOUR);
    expect(s.store.runs().map((r) => r.outcome?.ok)).toEqual([true, true]);
  });
});

describe('scheduler: stop', () => {
  it('clears its timer, aborts running jobs and starts nothing afterwards', async () => {
    const s = use(
      setup({
        startAt: jst('2026-11-30T07:00'),
        jobs: [job(1)],
        behaviour: async (c, t) => (await t.timers.sleep(DAY, c.signal), { ok: true, summary: 'ok' }),
      }),
    );
    s.scheduler.start();
    await s.time.advance(HOUR);
    expect(s.calls).toHaveLength(1);
    s.scheduler.stop();
    expect(s.calls[0]?.signal.aborted).toBe(true);
    await s.scheduler.whenIdle();
    expect(s.store.runs()[0]?.outcome).toMatchObject({ ok: false, error: { message: expect.stringContaining('中断') } });
    expect(s.time.pending()).toBe(0);
    await s.time.advance(2 * DAY);
    expect(s.calls).toHaveLength(1);
  });
});

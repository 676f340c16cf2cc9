import { afterEach, describe, expect, it } from 'vitest';
import { formatJst } from '../../../src-shared/schedules/format-jst';
import { AppError } from '../../../src-shared/errors';
import { MAX_TIMER_DELAY_MS } from '../../../src-main/core/schedules/scheduler';
import { DAY, HOUR, jst } from './jst';
import { job, setup, type Setup } from './scheduler-setup';

let current: Setup | undefined;
const use = (s: Setup): Setup => (current = s);
afterEach(() => current?.scheduler.stop());

const runTimes = (s: Setup): string[] => s.calls.map((c) => `${formatJst(c.atMs)} ${c.trigger}`);

describe('scheduler: on-time runs', () => {
  it('runs Mon–Fri at 07:30 and 19:00 exactly, and nothing at the weekend', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T06:00'), jobs: [job(1)] }));
    s.scheduler.start();
    await s.time.advance(7 * DAY);
    expect(runTimes(s)).toEqual(
      ['11-30', '12-01', '12-02', '12-03', '12-04'].flatMap((d) => [
        `2026-${d}T07:30:00+09:00 schedule`,
        `2026-${d}T19:00:00+09:00 schedule`,
      ]),
    );
    const runs = s.store.runs();
    expect(runs).toHaveLength(10);
    expect(runs.every((r) => r.outcome?.ok === true && r.finishedAtMs !== null)).toBe(true);
    expect(s.events.filter((e) => e.type === 'finished')).toHaveLength(10);
  });

  it('skips a public holiday when the rule says so (2026-11-23 勤労感謝の日)', async () => {
    const s = use(
      setup({
        startAt: jst('2026-11-22T12:00'),
        jobs: [job(1), job(2, { rule: { weekdays: ['mon'], times: ['07:30'], skipHolidays: false } })],
      }),
    );
    s.scheduler.start();
    await s.time.advance(1 * DAY);
    expect(s.calls.map((c) => `${c.jobId} ${formatJst(c.atMs)}`)).toEqual(['2 2026-11-23T07:30:00+09:00']);
  });

  it('never arms a timer longer than the wake-up check interval', async () => {
    const s = use(setup({ startAt: jst('2026-11-28T06:00'), jobs: [job(1)] })); // Saturday: next run is Monday
    const delays: number[] = [];
    const orig = s.time.timers.setTimeout;
    s.time.timers.setTimeout = (fn, ms) => (delays.push(ms), orig(fn, ms));
    s.scheduler.start();
    await s.time.advance(2 * DAY);
    expect(delays.length).toBeGreaterThan(2 * 24 * 60 - 5);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    expect(s.time.pending()).toBe(1);
  });

  it('shows the next runs for display', () => {
    const s = use(
      setup({
        startAt: jst('2026-11-27T20:00'),
        jobs: [job(1), job(2, { rule: { weekdays: ['sat'], times: ['09:00'], skipHolidays: false } }), job(3, { enabled: false })],
      }),
    );
    expect(s.scheduler.nextRun(1)).toEqual({ jobId: 1, jobName: '取込1', atMs: jst('2026-11-30T07:30'), at: '2026-11-30T07:30:00+09:00' });
    expect(s.scheduler.nextRun(3)).toBeNull();
    expect(s.scheduler.nextRun(99)).toBeNull();
    expect(s.scheduler.nextRuns(3).map((r) => `${r.jobId} ${r.at}`)).toEqual([
      '2 2026-11-28T09:00:00+09:00',
      '1 2026-11-30T07:30:00+09:00',
      '1 2026-11-30T19:00:00+09:00',
    ]);
  });
});

describe('scheduler: no overlap', () => {
  it('skips a slot while the previous run of the same job is still going, and logs it', async () => {
    // the 07:30 run takes 12 hours, so it is still running at 19:00
    const s = use(
      setup({
        startAt: jst('2026-11-30T06:00'),
        jobs: [job(1)],
        behaviour: async (call, time) => {
          if (call.atMs === jst('2026-11-30T07:30')) await time.timers.sleep(12 * HOUR);
          return { ok: true, summary: 'ok' };
        },
      }),
    );
    s.scheduler.start();
    await s.time.advance(HOUR + 31 * 60_000); // 07:31
    expect(() => s.scheduler.runNow(1)).toThrow(expect.objectContaining({ code: 'ALREADY_RUNNING' }));
    await s.time.advance(DAY);
    expect(runTimes(s)).toEqual(['2026-11-30T07:30:00+09:00 schedule', '2026-12-01T07:30:00+09:00 schedule']);
    const skipped = s.events.filter((e) => e.type === 'skipped');
    expect(skipped).toEqual([expect.objectContaining({ jobId: 1, slotMs: jst('2026-11-30T19:00'), reason: 'already-running' })]);
    expect(s.logger.lines.some((l) => l.level === 'warn' && l.msg.includes('スキップ'))).toBe(true);
    expect(s.store.runs()).toHaveLength(2);
  });

  it('runNow starts a manual run and returns its id; a second runNow while it runs is refused', async () => {
    const s = use(
      setup({
        startAt: jst('2026-11-28T10:00'),
        jobs: [job(1)],
        behaviour: async (_c, t) => (await t.timers.sleep(5 * 60_000), { ok: true, summary: 'ok' }),
      }),
    );
    s.scheduler.start();
    const runId = s.scheduler.runNow(1);
    expect(s.store.runs()[runId - 1]).toMatchObject({ jobId: 1, trigger: 'manual', finishedAtMs: null });
    expect(s.scheduler.runningJobIds()).toEqual([1]);
    expect(() => s.scheduler.runNow(1)).toThrow(AppError);
    await s.time.advance(5 * 60_000);
    expect(s.scheduler.runningJobIds()).toEqual([]);
    expect(s.scheduler.runNow(1)).toBe(runId + 1);
    expect(() => s.scheduler.runNow(42)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('runNow tells the job where it was asked for (screen by default, or the tray); scheduled runs carry no source', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T07:00'), jobs: [job(1)] }));
    s.scheduler.start();
    s.scheduler.runNow(1);
    await s.time.advance(1);
    s.scheduler.runNow(1, 'tray');
    await s.time.advance(60 * 60_000); // past 07:30
    expect(s.calls.map((c) => [c.trigger, c.source])).toEqual([
      ['manual', 'screen'],
      ['manual', 'tray'],
      ['schedule', undefined],
    ]);
    // the schedule history does not tell them apart: both are 今すぐ実行
    expect(s.store.runs().map((r) => r.trigger)).toEqual(['manual', 'manual', 'schedule']);
  });
});

describe('scheduler: missed runs', () => {
  it('runs once after the PC slept for 3 days, not once per missed slot', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T06:00'), jobs: [job(1)] }));
    s.scheduler.start();
    await s.time.advance(HOUR); // Monday 07:00, then the lid closes
    await s.time.sleepPc(3 * DAY); // wakes Thursday 07:00; six slots were slept through
    expect(s.calls).toHaveLength(0);
    await s.time.advance(MAX_TIMER_DELAY_MS);
    expect(runTimes(s)).toEqual(['2026-12-03T07:01:00+09:00 catch-up']);
    expect(s.events.find((e) => e.type === 'started')).toMatchObject({ trigger: 'catch-up', missedSlots: 6 });
    await s.time.advance(HOUR); // past Thursday 07:30
    expect(runTimes(s)).toEqual(['2026-12-03T07:01:00+09:00 catch-up', '2026-12-03T07:30:00+09:00 schedule']);
  });

  it('the app closed over a weekday and started later: one catch-up at start', async () => {
    const s = use(setup({ startAt: jst('2026-12-01T21:00'), jobs: [job(1)], lastChecked: { 1: jst('2026-11-27T20:00') } }));
    s.scheduler.start();
    await s.time.advance(0);
    expect(runTimes(s)).toEqual(['2026-12-01T21:00:00+09:00 catch-up']);
    await s.time.advance(10 * HOUR); // to Wednesday 07:00: nothing more
    expect(s.calls).toHaveLength(1);
  });

  it('closed over the weekend only (no slot missed): nothing runs at start', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T07:00'), jobs: [job(1)], lastChecked: { 1: jst('2026-11-27T20:00') } }));
    s.scheduler.start();
    await s.time.advance(0);
    expect(s.calls).toHaveLength(0);
  });

  it('a new job (never checked) does not catch up, and a disabled job never runs', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T10:00'), jobs: [job(1), job(2, { enabled: false })], lastChecked: {} }));
    s.scheduler.start();
    await s.time.advance(0);
    expect(s.calls).toHaveLength(0);
    expect(s.store.getLastCheckedAt(1)).toBe(jst('2026-11-30T10:00'));
    await s.time.advance(DAY);
    expect(s.calls.map((c) => c.jobId)).toEqual([1, 1]);
  });

  it('enabling a job that was off for days does not run its old slots', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T06:00'), jobs: [job(1, { enabled: false })] }));
    s.scheduler.start();
    await s.time.advance(3 * DAY);
    s.store.putJob(job(1));
    s.scheduler.refresh();
    await s.time.advance(0);
    expect(s.calls).toHaveLength(0);
    expect(s.scheduler.nextRun(1)?.at).toBe('2026-12-03T07:30:00+09:00');
  });

  it('a run left unfinished by a crash is recorded as interrupted at start', () => {
    const s = use(setup({ startAt: jst('2026-11-30T10:00'), jobs: [job(1)] }));
    const runId = s.store.recordRunStart(1, 'schedule', jst('2026-11-30T07:30'));
    s.scheduler.start();
    const run = s.store.runs()[runId - 1];
    expect(run?.finishedAtMs).toBe(jst('2026-11-30T10:00'));
    expect(run?.outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('中断') } });
  });

  it('a clock set back does not stop the schedule', async () => {
    const s = use(setup({ startAt: jst('2026-11-30T10:00'), jobs: [job(1)], lastChecked: { 1: jst('2026-11-30T18:00') } }));
    s.scheduler.start();
    await s.time.advance(9 * HOUR + 1);
    expect(runTimes(s)).toEqual(['2026-11-30T19:00:00+09:00 schedule']);
    expect(s.logger.lines.some((l) => l.msg.includes('時計が戻った'))).toBe(true);
  });
});

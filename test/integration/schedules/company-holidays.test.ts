/**
 * 会社の休日 through the real core: saved in SQLite (they survive a restart), skipped by jobs with
 * 「祝日は実行しない」 (their next run moves past them), and listed by schedules:upcoming with the
 * holidays' names — public holidays (元日) and company ones (年末年始) alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../helpers/core';

/** 2026-12-28 (月) 08:00 JST */
const NOW = Date.parse('2026-12-28T08:00:00+09:00');
const clock = { now: () => NOW };
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('会社の休日 and the next ten runs', () => {
  let t: TestCore | undefined;
  afterEach(() => t?.close());

  it('skips 年末年始 and 元日, names them, keeps them after a restart', async () => {
    t = await makeTestCore({ clock });
    const rule = { weekdays: WEEKDAYS, times: ['09:00'], skipHolidays: true };
    // no company holidays yet: only 元日 (2027-01-01, a Friday) is skipped
    const before = await t.call<{ runs: string[]; skipped: { date: string; name: string }[] }>('schedules:upcoming', rule);
    expect(before.runs.slice(0, 4)).toEqual(['2026-12-28T09:00:00+09:00', '2026-12-29T09:00:00+09:00', '2026-12-30T09:00:00+09:00', '2026-12-31T09:00:00+09:00']);
    // (the tenth run is 2027-01-12: 成人の日 on the 11th is skipped too)
    expect(before.skipped).toEqual([
      { date: '2027-01-01', name: '元日' },
      { date: '2027-01-11', name: '成人の日' },
    ]);

    await t.call('schedules:setHolidays', { holidays: [{ name: '年末年始', from: '12/29', to: '1/3' }] });
    const after = await t.call<{ runs: string[]; skipped: { date: string; name: string }[] }>('schedules:upcoming', rule);
    expect(after.runs).toHaveLength(10);
    expect(after.runs[0]).toBe('2026-12-28T09:00:00+09:00');
    expect(after.runs[1]).toBe('2027-01-04T09:00:00+09:00');
    // weekdays only: 12/29, 12/30, 12/31 and 1/1 (Tue–Fri); the company name wins on 1/1
    expect(after.skipped.map((s) => `${s.date} ${s.name}`)).toEqual([
      '2026-12-29 年末年始',
      '2026-12-30 年末年始',
      '2026-12-31 年末年始',
      '2027-01-01 年末年始',
      '2027-01-11 成人の日',
    ]);

    // a job's next run follows the same calendar
    const job = await t.call<{ id: number; nextRunAt: string }>('schedules:create', { name: '朝の取込', type: 'EC・売上取込処理', ...rule, times: ['07:00'], enabled: true });
    expect(job.nextRunAt).toBe('2027-01-04T07:00:00+09:00');
    const dir = t.dataDir;
    t.core.close();
    t = await makeTestCore({ clock }, dir);
    expect(await t.call('schedules:holidays')).toEqual({ holidays: [{ name: '年末年始', from: '12-29', to: '01-03' }] });
  });

  it('a job that runs on holidays ignores them; a bad month/day is refused with its message', async () => {
    t = await makeTestCore({ clock });
    await t.call('schedules:setHolidays', { holidays: [{ name: '年末年始', from: '12-29', to: '01-03' }] });
    const r = await t.call<{ runs: string[]; skipped: unknown[] }>('schedules:upcoming', { weekdays: WEEKDAYS, times: ['09:00'], skipHolidays: false });
    expect(r.skipped).toEqual([]);
    expect(r.runs[1]).toBe('2026-12-29T09:00:00+09:00');
    const bad = await t.core.dispatch('schedules:setHolidays', { holidays: [{ name: 'お盆', from: '8/40', to: '8/16' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.error.fields)).toContain('開始日を「12/29」のように月/日で');
    expect(await t.call('schedules:holidays')).toEqual({ holidays: [{ name: '年末年始', from: '12-29', to: '01-03' }] });
  });
});

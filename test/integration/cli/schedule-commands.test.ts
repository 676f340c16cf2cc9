/**
 * CLI schedule:add / schedule:next on a real data folder: the next N run times of all enabled
 * jobs as a sorted JSON array of ISO-8601 +09:00 strings (holidays skipped when asked, weekends,
 * month and year ends), and Japanese usage errors with exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');

describe('schedule:add / schedule:next', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('lists the next run times of all enabled jobs, merged and sorted, skipping holidays where asked', async () => {
    const dir = tmp.dir;
    const a = await cli('schedule:add', '--data-dir', dir, '--days', 'mon,tue,wed,thu,fri', '--time', '19:00', '--time', '07:30', '--skip-holidays');
    expect(a.code).toBe(0);
    expect(a.out).toContain('月・火・水・木・金 07:30, 19:00（祝日は休み）');
    const b = await cli('schedule:add', '--data-dir', dir, '--days', 'sat', '--time', '09:00', '--json');
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out)).toMatchObject({ id: 2, description: '土 09:00' });

    // Thu 2026-12-31 08:00 JST: New Year's Day (Fri, holiday) is skipped, Sat job runs on 1/2
    const r = await cli('schedule:next', '--data-dir', dir, '--from', '2026-12-30T23:00:00Z', '--count', '6', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      '2026-12-31T19:00:00+09:00',
      '2027-01-02T09:00:00+09:00',
      '2027-01-04T07:30:00+09:00',
      '2027-01-04T19:00:00+09:00',
      '2027-01-05T07:30:00+09:00',
      '2027-01-05T19:00:00+09:00',
    ]);
    // strictly after --from, month end of a 30-day month
    const s = await cli('schedule:next', '--data-dir', dir, '--from', '2026-11-30T19:00:00+09:00', '--count', '2', '--json');
    expect(JSON.parse(s.out)).toEqual(['2026-12-01T07:30:00+09:00', '2026-12-01T19:00:00+09:00']);
  });

  it('prints an empty array when no job is enabled', async () => {
    const r = await cli('schedule:next', '--data-dir', tmp.dir, '--from', '2026-12-01T00:00:00+09:00', '--count', '3', '--json');
    expect(r).toMatchObject({ code: 0, out: '[]' });
  });

  it.each([
    [['schedule:add', '--data-dir', 'X', '--days', 'mon,funday', '--time', '07:30'], '曜日'],
    [['schedule:add', '--data-dir', 'X', '--days', 'mon', '--time', '7:30'], 'HH:MM'],
    [['schedule:add', '--data-dir', 'X', '--days', 'mon', '--time', '24:00'], 'HH:MM'],
    [['schedule:add', '--data-dir', 'X', '--days', 'mon'], '実行時刻を1つ以上'],
    [['schedule:add', '--data-dir', 'X', '--time', '07:30'], '--days'],
    [['schedule:add', '--data-dir', 'X', '--days', 'mon,mon', '--time', '07:30'], '重複'],
    [['schedule:next', '--data-dir', 'X', '--from', '2026-12-01T07:00:00', '--count', '3'], 'タイムゾーン付き'],
    [['schedule:next', '--data-dir', 'X', '--from', 'tomorrow', '--count', '3'], 'タイムゾーン付き'],
    [['schedule:next', '--data-dir', 'X', '--from', '2026-12-01T07:00:00+09:00', '--count', '0'], '--count'],
    [['schedule:next', '--data-dir', 'X', '--from', '2026-12-01T07:00:00+09:00', '--count', 'abc'], '--count'],
    [['schedule:next', '--data-dir', 'X', '--from', '2026-12-01T07:00:00+09:00'], '--count'],
    [['schedule:next', '--data-dir', 'X', '--from', '2026-12-01T07:00:00+09:00', '--count', '3', '--bogus'], '引数が正しくありません'],
  ])('%j → exit 2 with a Japanese message', async (argv, fragment) => {
    const r = await cli(...argv.map((a) => (a === 'X' ? tmp.dir : a)));
    expect(r.code).toBe(2);
    expect(r.err).toContain(fragment);
    expect(r.err).toContain('使い方: npm run cli -- schedule:');
  });

  it('runs as a process: npx tsx src-main/cli.ts schedule:next --json prints only the JSON array', () => {
    const add = spawnSync('npx', ['tsx', 'src-main/cli.ts', 'schedule:add', '--data-dir', tmp.dir, '--days', 'wed', '--time', '12:00'], { cwd: ROOT, encoding: 'utf8' });
    expect(add.status).toBe(0);
    const next = spawnSync('npx', ['tsx', 'src-main/cli.ts', 'schedule:next', '--data-dir', tmp.dir, '--from', '2026-12-01T00:00:00+09:00', '--count', '2', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout)).toEqual(['2026-12-02T12:00:00+09:00', '2026-12-09T12:00:00+09:00']);
    const bad = spawnSync('npx', ['tsx', 'src-main/cli.ts', 'schedule:add', '--data-dir', tmp.dir, '--days', 'wed', '--time', '25:00'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('HH:MM');
    // three cold `npx tsx` starts (each transpiles the CLI): on a machine with a load of 20 on 2
    // cores they took 36 s together, past the 30 s this test had; the project's 120 s covers them
  }, 120_000);
});

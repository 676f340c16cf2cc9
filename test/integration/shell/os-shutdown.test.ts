/**
 * Issue: on a Windows shutdown or sign-out (and on a macOS / Linux shutdown) Electron emits neither
 * before-quit nor will-quit: Windows sends `session-end` to each window, macOS / Linux
 * powerMonitor `shutdown`, and the process is killed right after. The fake emits only those and
 * treats the process as gone once the handlers return, so only what the shell does synchronously
 * counts: the running 出荷取込処理 (started by a schedule, against the simulator answering
 * slowly) must be recorded as 中止 — import run and schedule run — and the database closed.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../../src-main/core/create-core';
import { startSimulator, type RunningSimulator } from '../../../src-main/simulator';
import { startTestShell, type TestShell } from '../../helpers/shell';
import { seedImportBooks } from '../import/import-fixture';

const JOB = { name: '平日の取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

let started: TestShell | null = null;
let sim: RunningSimulator | null = null;
afterEach(async () => {
  await started?.cleanup();
  await sim?.close();
  started = null;
  sim = null;
});

async function untilRequests(n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (sim!.requestCount() < n) {
    if (Date.now() > deadline) throw new Error('the simulator got no request');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each([
  ['win32', 'Windows: session-end on the window (sign-out)', 'Windows のサインアウト'],
  ['darwin', 'macOS: powerMonitor shutdown', 'macOS のシステム終了'],
  ['linux', 'Linux: powerMonitor shutdown', 'システムのシャットダウン'],
] as const)('%s — %s', (platform, _what, words) => {
  it('a running import is recorded as 中止 and the database is closed before the process is killed', async () => {
    sim = await startSimulator({
      mode: 'test',
      orders: 20,
      fromDate: '2025-04-28',
      toDate: '2025-05-01',
      rateLimit: false,
      includeUnsupported: false,
    });
    started = await startTestShell({ fake: { platform } });
    const { shell, fake, dataDir } = started;
    const books = await seedImportBooks(shell.core.db, shell.core.services.bcart, sim, '2025-04-28');
    const job = await shell.core.dispatch('schedules:create', JOB, { via: 'test' });
    if (!job.ok) throw new Error(job.error.message);
    const jobId = (job.value as { id: number }).id;

    sim.faults.set([{ kind: 'latency', delayMs: 20_000, count: -1 }]);
    const before = sim.requestCount();
    await shell.core.dispatch('schedules:runNow', { id: jobId }, { via: 'test' });
    await untilRequests(before + 1);
    expect(shell.core.services.schedules.scheduler.runningJobIds()).toEqual([jobId]);

    fake.osShutdown(platform === 'win32' ? ['logoff'] : ['shutdown']);
    // the process is gone now: only what happened synchronously is on disk
    expect(shell.core.db.open, 'database closed').toBe(false);
    const db = new Database(`${dataDir}/${DB_FILE_NAME}`, { readonly: true });
    try {
      const imp = db
        .prepare('select status, finished_at as finishedAt, message from import_runs where ec_setting_id = ? order by id desc')
        .get(books.settingId) as {
        status: string;
        finishedAt: string | null;
        message: string;
      };
      expect(imp).toMatchObject({ status: 'cancelled', finishedAt: expect.stringMatching(/\+09:00$/) });
      expect(imp.message).toContain(`中止しました（${words}による）。何も取り込んでいません`);
      const line = db.prepare('select level, code, message from system_logs where run_id = (select max(id) from import_runs)').all();
      expect(line).toEqual([{ level: 'warn', code: 'IMPORT_FAILED', message: imp.message }]);
      const run = db.prepare('select status, finished_at as finishedAt, message from schedule_runs where job_id = ?').get(jobId) as {
        status: string;
        finishedAt: string | null;
        message: string;
      };
      expect(run).toMatchObject({ status: 'cancelled', finishedAt: expect.stringMatching(/\+09:00$/) });
      expect(run.message).toContain('中止');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('select count(*) as n from shipments').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });
});

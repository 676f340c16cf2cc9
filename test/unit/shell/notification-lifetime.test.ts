/**
 * Issue: a Notification nobody keeps a reference to is garbage-collected and its click (which
 * opens the run's result) does nothing. The fake holds only a WeakRef to each notification, as
 * the OS holds none to the JS object, and runs V8's collector between the toast and the click.
 * The shell must keep each notification until it is clicked, closed or failed — and then let go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../src-main/core/create-core';
import { FakeBrowserWindow, FakeNotification, FakeTray } from '../../helpers/fake-electron';
import { startTestShell, type TestShell } from '../../helpers/shell';
import { MAX_LIVE_NOTIFICATIONS } from '../../../src-main/shell/schedule-tray';

const JOB = { name: '平日の取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

let started: TestShell | null = null;
afterEach(async () => {
  await started?.cleanup();
  started = null;
});

async function startWithJob(): Promise<{ s: TestShell; jobId: number }> {
  const create = async (o: CoreOptions) => {
    return createCore({ ...o, scheduler: { runJob: async () => ({ ok: true, summary: '出荷伝票 3 件を取り込みました。' }) } });
  };
  const s = await startTestShell({ createCore: create });
  const r = await s.shell.core.dispatch('schedules:create', JOB, { via: 'test' });
  if (!r.ok) throw new Error(r.error.message);
  return { s, jobId: (r.value as { id: number }).id };
}

/** 今すぐ取込 from the tray and wait for its notification. */
async function runFromTray(s: TestShell): Promise<void> {
  const before = FakeNotification.records.length;
  expect(FakeTray.instances[0]!.clickItem('今すぐ取込')).toBe(true);
  await s.shell.core.services.schedules.scheduler.whenIdle();
  await expect.poll(() => FakeNotification.records.length).toBe(before + 1);
}

describe('notifications survive garbage collection until the user acts on them', () => {
  it('a completion notification clicked after a GC still opens the job’s result', async () => {
    const { s, jobId } = await startWithJob();
    started = s;
    await runFromTray(s);
    const win = FakeBrowserWindow.instances[0]!;
    win.hide();
    await s.fake.collectGarbage();
    expect(s.fake.clickNotification(0)).toBe('clicked');
    expect(win.visible).toBe(true);
    expect(win.webContents.sent.at(-1)).toEqual({
      channel: 'app:event',
      payload: { event: 'app:navigationRequested', payload: { page: 'schedules', param: String(jobId) } },
    });
  });

  it('once clicked or closed, the shell lets go of it (no notification is kept for ever)', async () => {
    const { s } = await startWithJob();
    started = s;
    await runFromTray(s);
    await runFromTray(s);
    await s.fake.collectGarbage();
    expect(s.fake.clickNotification(0)).toBe('clicked');
    FakeNotification.records[1]!.ref.deref()!.close();
    await s.fake.collectGarbage();
    expect(FakeNotification.records.map((r) => r.ref.deref() === undefined)).toEqual([true, true]);
  });

  it('at most MAX_LIVE_NOTIFICATIONS are held: toasts nobody dismisses do not pile up for ever', async () => {
    const { s } = await startWithJob();
    started = s;
    const tray = FakeTray.instances[0]!;
    for (let i = 0; i <= MAX_LIVE_NOTIFICATIONS; i++) {
      expect(tray.clickItem('スケジュール一時停止')).toBe(true);
      expect(tray.clickItem('スケジュール再開')).toBe(true); // each 再開 says what was skipped
    }
    expect(FakeNotification.records).toHaveLength(MAX_LIVE_NOTIFICATIONS + 1);
    await s.fake.collectGarbage();
    expect(FakeNotification.records.map((r) => r.ref.deref() !== undefined)).toEqual([false, ...Array<boolean>(MAX_LIVE_NOTIFICATIONS).fill(true)]);
  });
});

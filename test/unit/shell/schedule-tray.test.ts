/**
 * The shell's schedule wiring against the fake Electron API: the tray menu (開く, 今すぐ取込,
 * 最終結果, スケジュール一時停止/再開, 終了) acts on the scheduler; the close button hides to the tray
 * while enabled schedules exist; a scheduled run that finishes raises a notification with the
 * counts (or the first problem) whose click opens the window on that job; tooltip and icon show
 * running / last error; 「ログイン時に起動」 reaches app.setLoginItemSettings.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import type { SchedulerService } from '../../../src-main/core/schedules/scheduler-service';
import type { JobOutcome } from '../../../src-main/core/schedules/scheduler-types';
import { setStoreClosed } from '../../helpers/store-mode';
import { startShell, type ShellHandle } from '../../../src-main/shell/app-shell';
import { TRAY_ICONS } from '../../../src-main/shell/tray';
import { FakeBrowserWindow, FakeNotification, FakeTray, makeFakeElectron } from '../../helpers/fake-electron';
import { makeTempDir } from '../../helpers/temp-dir';
import { createFakeTime, type FakeTime } from '../schedules/fake-time';
import { jst } from '../schedules/jst';

const ROOT = join(__dirname, '..', '..', '..');
const JOB = { name: '平日の取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

describe('tray, notifications and close-to-tray (fake Electron)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let fake: ReturnType<typeof makeFakeElectron>;
  let shell: ShellHandle;
  let time: FakeTime;
  let svc: SchedulerService;
  let outcome: JobOutcome;
  let release: (() => void) | null;

  const menu = () => FakeTray.instances[0]!.menu as { label?: string; enabled?: boolean; click?: () => void }[];
  const item = (prefix: string) => menu().find((m) => m.label?.startsWith(prefix))!;
  const call = async <T>(channel: string, input?: unknown): Promise<T> => {
    const r = await shell.core.dispatch(channel, input, { via: 'test' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };

  beforeEach(async () => {
    tmp = makeTempDir();
    fake = makeFakeElectron(tmp.dir);
    time = createFakeTime(jst('2026-12-01T07:00'));
    outcome = { ok: true, summary: 'EC連携設定 1 件の出荷取込処理が完了しました（注文 3 件、出荷伝票 3 件、請求伝票 3 件、請求額合計 ¥12,000）。' };
    release = null;
    // the core is created by the shell; its scheduler service gets a fake job runner
    const createWithFakeJob = (o: CoreOptions) =>
      createCore({
        ...o,
        clock: time.clock,
        timers: time.timers,
        scheduler: {
          runJob: async () => {
            if (release === null) await new Promise<void>((r) => (release = r));
            return outcome;
          },
        },
      });
    shell = (await startShell(fake.electron as never, { appRoot: ROOT, env: {}, createCore: createWithFakeJob, createLogger: () => createMemoryLogger() }))!;
    svc = shell.core.services.schedules;
  });
  afterEach(async () => {
    release?.();
    await shell.quit();
    tmp.cleanup();
  });

  it('closing the window quits without schedules and hides to the tray while an enabled one exists', async () => {
    const win = FakeBrowserWindow.instances[0]!;
    win.visible = true;
    const { id } = await call<{ id: number }>('schedules:create', JOB);
    expect(win.userClose()).toBe(false);
    expect(win.visible).toBe(false);
    expect(fake.calls.quit).toBe(0);
    item('開く').click!();
    expect(win.visible).toBe(true);
    await call('schedules:update', { id, ...JOB, enabled: false });
    expect(win.userClose()).toBe(true);
    await shell.quit(); // the shutdown the close started (idempotent)
    expect(fake.calls.quit).toBe(1);
  });

  it('a scheduled run shows running in the tray, then a notification with the counts; clicking it opens the job', async () => {
    const { id } = await call<{ id: number }>('schedules:create', JOB);
    expect(FakeTray.instances[0]!.tooltip).toBe('BCart Desk — 次回の取込 12/01 07:30');
    await time.advance(31 * 60_000); // 07:31: the 07:30 slot fires
    expect(svc.scheduler.runningJobIds()).toEqual([id]);
    expect(FakeTray.instances[0]!.tooltip).toBe('BCart Desk — 出荷取込処理を実行中です');
    expect(FakeTray.instances[0]!.image).toEqual({ dataUrl: TRAY_ICONS.running });
    expect(item('今すぐ取込')).toMatchObject({ label: '今すぐ取込（実行中）', enabled: false });
    release!();
    await svc.scheduler.whenIdle();
    expect(FakeNotification.shown).toHaveLength(1);
    const n = FakeNotification.shown[0]!;
    expect(n.options.title).toBe('平日の取込: 完了しました');
    expect(n.options.body).toContain('出荷伝票 3 件');
    expect(item('最終結果')).toMatchObject({ label: '最終結果: 成功 12/01 07:31', enabled: true });
    expect(FakeTray.instances[0]!.image).toEqual({ dataUrl: TRAY_ICONS.normal });

    const win = FakeBrowserWindow.instances[0]!;
    win.visible = false;
    n.emit('click');
    expect(win.loadedOptions).toEqual({ hash: `/schedules/${id}` });
    expect(win.visible).toBe(true);
  });

  it('a failed run notifies the first problem and the tray shows the last error', async () => {
    outcome = { ok: false, error: { code: 'NETWORK', message: 'EC連携設定「本店」: Bカートに接続できません。', retryable: true } };
    release = () => undefined;
    await call('schedules:create', JOB);
    await time.advance(31 * 60_000);
    await svc.scheduler.whenIdle();
    expect(FakeNotification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
      ['平日の取込: 失敗しました', 'EC連携設定「本店」: Bカートに接続できません。'],
    ]);
    expect(FakeTray.instances[0]!.tooltip).toBe('BCart Desk — 前回の取込でエラー: EC連携設定「本店」: Bカートに接続できません。');
    expect(FakeTray.instances[0]!.image).toEqual({ dataUrl: TRAY_ICONS.error });
    expect(item('最終結果').label).toBe('最終結果: 失敗 12/01 07:30'); // finished at once, at the slot
  });

  it('a job whose import was 中止 (app quit) notifies 中止しました, not 失敗しました', async () => {
    const message = 'EC連携設定「本店」の出荷取込処理を中止しました（中止の操作またはアプリの終了による）。';
    outcome = { ok: false, error: { code: 'IMPORT_FAILED', message, retryable: true }, details: { cancelled: true } };
    release = () => undefined;
    await call('schedules:create', JOB);
    await time.advance(31 * 60_000);
    await svc.scheduler.whenIdle();
    expect(FakeNotification.shown.map((n) => [n.options.title, n.options.body])).toEqual([['平日の取込: 中止しました', message]]);
  });

  it('今すぐ取込 from the tray runs the job and notifies; a run from the screen does not', async () => {
    release = () => undefined;
    const { id } = await call<{ id: number }>('schedules:create', JOB);
    item('今すぐ取込').click!();
    await svc.scheduler.whenIdle();
    expect(FakeNotification.shown).toHaveLength(1);
    await call('schedules:runNow', { id });
    await svc.scheduler.whenIdle();
    expect(FakeNotification.shown).toHaveLength(1);
    const runs = await call<{ rows: { trigger: string; status: string }[] }>('schedules:runs', { id });
    expect(runs.rows.map((r) => [r.trigger, r.status])).toEqual([
      ['manual', 'succeeded'],
      ['manual', 'succeeded'],
    ]);
  });

  it('今すぐ取込 without any schedule imports every EC連携設定 directly and reports the result', async () => {
    expect(item('今すぐ取込').enabled).toBe(true);
    item('今すぐ取込').click!();
    await expect.poll(() => FakeNotification.shown.length).toBe(1);
    expect(FakeNotification.shown[0]!.options).toMatchObject({ title: '今すぐ取込: 失敗しました', body: expect.stringContaining('EC連携設定が登録されていない') });
    expect(item('今すぐ取込').enabled).toBe(true);
  });

  it('スケジュール一時停止 pauses (nothing fires), スケジュール再開 tells what was skipped', async () => {
    await call('schedules:create', JOB);
    item('スケジュール一時停止').click!();
    expect(svc.scheduler.pausedBy()).toEqual(['user']);
    expect(item('スケジュール再開')).toBeDefined();
    expect(item('今すぐ取込').enabled).toBe(false);
    expect(FakeTray.instances[0]!.tooltip).toBe('BCart Desk — スケジュール一時停止中');
    await time.advance(31 * 60_000);
    expect(svc.scheduler.runningJobIds()).toEqual([]);
    item('スケジュール再開').click!();
    expect(svc.scheduler.pausedBy()).toEqual([]);
    expect(FakeNotification.shown.at(-1)!.options).toMatchObject({
      title: 'スケジュールを再開しました',
      body: expect.stringContaining('実行されなかった予定が 1 件あります（12/01 07:30）'),
    });
    // 受付停止 → 受付再開 (tax update) notifies too
    setStoreClosed(shell.core, true);
    shell.core.services.schedules.onStoreModeChanged(true);
    await time.sleepPc(24 * 60 * 60_000); // the PC sleeps through Wednesday 07:30
    await time.advance(60_000);
    setStoreClosed(shell.core, false);
    shell.core.services.schedules.onStoreModeChanged(false);
    expect(FakeNotification.shown.at(-1)!.options).toMatchObject({
      title: '受付再開: スケジュールを再開しました',
      body: expect.stringContaining('実行されなかった予定が 1 件あります（12/02 07:30）'),
    });
    // a pause from the screen shows in the tray too
    await call('schedules:pause');
    expect(item('スケジュール再開')).toBeDefined();
  });

  it('「ログイン時に起動」 is supported in the desktop app and reaches app.setLoginItemSettings', async () => {
    expect(await call('schedules:loginItem')).toEqual({ supported: true, openAtLogin: false });
    expect(await call('schedules:setLoginItem', { openAtLogin: true })).toEqual({ supported: true, openAtLogin: true });
    // hidden at sign-in: macOS openAsHidden, the Windows Run entry passes --hidden
    expect(fake.calls.loginItem.at(-1)).toEqual({ openAtLogin: true, openAsHidden: true, args: ['--hidden'] });
    expect(await call('schedules:loginItem')).toEqual({ supported: true, openAtLogin: true });
  });
});

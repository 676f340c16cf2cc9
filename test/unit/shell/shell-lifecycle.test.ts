/**
 * The shell's life cycle against the fake Electron API: the Windows AppUserModelID, starting
 * hidden when launched at sign-in (Windows `--hidden`, macOS login-item state), and 終了 / Cmd+Q
 * stopping the scheduler (no timers, a running job aborted and recorded) and the demo simulator
 * (its port closed) before the database closes.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DB_FILE_NAME, type CoreOptions } from '../../../src-main/core/create-core';
import { createMemoryLogger, type MemoryLogger } from '../../../src-main/core/logging';
import type { SchedulerDeps } from '../../../src-main/core/schedules/scheduler';
import { startShell, type ShellHandle, type ShellOptions } from '../../../src-main/shell/app-shell';
import { APP_USER_MODEL_ID, launchedHidden } from '../../../src-main/shell/login-launch';
import { FakeBrowserWindow, FakeTray, makeFakeElectron, type FakeElectronOptions } from '../../helpers/fake-electron';
import { makeTempDir } from '../../helpers/temp-dir';
import { createFakeTime, type FakeTime } from '../schedules/fake-time';
import { jst } from '../schedules/jst';

const ROOT = join(__dirname, '..', '..', '..');
const JOB = { name: '平日の取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

interface Started {
  shell: ShellHandle;
  fake: ReturnType<typeof makeFakeElectron>;
  time: FakeTime;
  logger: MemoryLogger;
  dir: string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(
  shellOpts: Partial<Pick<ShellOptions, 'argv' | 'platform' | 'quitGraceMs'>> = {},
  fakeOpts: FakeElectronOptions = {},
  runJob?: SchedulerDeps['runJob'],
): Promise<Started> {
  const tmp = makeTempDir();
  const fake = makeFakeElectron(tmp.dir, fakeOpts);
  const time = createFakeTime(jst('2026-12-01T07:00'));
  const logger = createMemoryLogger();
  const create = (o: CoreOptions) => createCore({ ...o, clock: time.clock, timers: time.timers, ...(runJob ? { scheduler: { runJob } } : {}) });
  const shell = (await startShell(fake.electron as never, { appRoot: ROOT, env: {}, createCore: create, createLogger: () => logger, argv: [], ...shellOpts }))!;
  cleanups.push(() => tmp.cleanup());
  cleanups.push(() => shell.quit());
  return { shell, fake, time, logger, dir: tmp.dir };
}

const call = async <T>(shell: ShellHandle, channel: string, input?: unknown): Promise<T> => {
  const r = await shell.core.dispatch(channel, input, { via: 'test' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

const trayItem = (label: string) => (FakeTray.instances[0]!.menu as { label?: string; click?: () => void }[]).find((m) => m.label === label)!;

/** Resolves with the socket error code ('ECONNREFUSED') or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

describe('Windows notifications: AppUserModelID', () => {
  it('is set to the installer appId on Windows, before the app is ready (and so before any Notification)', async () => {
    const tmp = makeTempDir();
    cleanups.push(() => tmp.cleanup());
    const fake = makeFakeElectron(tmp.dir);
    let idsWhenReady: string[] | null = null;
    const ready = fake.electron.app.whenReady;
    fake.electron.app.whenReady = () => {
      idsWhenReady = [...fake.calls.appUserModelIds];
      return ready();
    };
    const shell = (await startShell(fake.electron as never, { appRoot: ROOT, env: {}, createCore, createLogger: () => createMemoryLogger(), argv: [], platform: 'win32' }))!;
    cleanups.push(() => shell.quit());
    expect(idsWhenReady).toEqual([APP_USER_MODEL_ID]);
    expect(fake.calls.appUserModelIds).toEqual([APP_USER_MODEL_ID]);
    const appId = /^appId:\s*(\S+)\s*$/m.exec(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'))?.[1];
    expect(APP_USER_MODEL_ID).toBe(appId);
  });

  it('is not called on other platforms (the API exists on Windows only)', async () => {
    const { fake } = await start({ platform: 'linux' });
    expect(fake.calls.appUserModelIds).toEqual([]);
  });
});

describe('start hidden when launched at sign-in', () => {
  it('a normal start shows the window once it is ready', async () => {
    await start({ argv: ['/opt/bcart-desk/bcart-desk'] });
    const win = FakeBrowserWindow.instances[0]!;
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('Windows: --hidden on the command line keeps the window hidden; the tray 開く shows it', async () => {
    const { shell } = await start({ argv: ['C:\\BCart Desk\\BCart Desk.exe', '--hidden'] });
    const win = FakeBrowserWindow.instances[0]!;
    win.emit('ready-to-show');
    expect(win.visible).toBe(false);
    expect(FakeTray.instances).toHaveLength(1);
    trayItem('開く').click!();
    expect(win.visible).toBe(true);
    expect(shell.window).toBe(win as never);
  });

  it('a hidden window is also shown by launching the app again or (macOS) clicking the Dock icon', async () => {
    for (const event of ['second-instance', 'activate']) {
      const { fake } = await start({ argv: ['--hidden'] });
      const win = FakeBrowserWindow.instances[0]!;
      win.emit('ready-to-show');
      expect(win.visible).toBe(false);
      fake.appEvents.emit(event, {}, []);
      expect(win.visible, event).toBe(true);
    }
  });

  it('macOS: the login item reports the launch (wasOpenedAsHidden, or wasOpenedAtLogin) and the window stays hidden', async () => {
    await start({}, { loginItemState: { wasOpenedAsHidden: true } });
    FakeBrowserWindow.instances[0]!.emit('ready-to-show');
    expect(FakeBrowserWindow.instances[0]!.visible).toBe(false);
    await start({}, { loginItemState: { wasOpenedAtLogin: true } });
    FakeBrowserWindow.instances[0]!.emit('ready-to-show');
    expect(FakeBrowserWindow.instances[0]!.visible).toBe(false);
  });

  it('a platform without login items (getLoginItemSettings throws or is missing) starts visible unless --hidden', () => {
    const throws = () => {
      throw new Error('not supported');
    };
    expect(launchedHidden([], throws)).toBe(false);
    expect(launchedHidden([], undefined)).toBe(false);
    expect(launchedHidden(['--hidden'], throws)).toBe(true);
    expect(launchedHidden(['--hiddenx'], () => ({ openAtLogin: true }))).toBe(false);
  });

  it('ログイン時に起動 registers the hidden launch with the OS (openAsHidden, --hidden)', async () => {
    const { shell, fake } = await start();
    expect(fake.calls.loginItem).toEqual([{ openAtLogin: false, openAsHidden: true, args: ['--hidden'] }]); // stored choice re-applied
    await call(shell, 'schedules:setLoginItem', { openAtLogin: true });
    expect(fake.calls.loginItem.at(-1)).toEqual({ openAtLogin: true, openAsHidden: true, args: ['--hidden'] });
  });
});

describe('終了 stops background work before the database closes', () => {
  it('closes the demo simulator port and leaves the scheduler without timers', async () => {
    const { shell, fake, time } = await start();
    const sim = await shell.core.services.demo.shop();
    const port = Number(new URL(sim.url).port);
    expect(await tryConnect(port)).toBe('connected');
    await call(shell, 'schedules:create', JOB);
    expect(time.pending()).toBeGreaterThan(0);

    trayItem('終了').click!();
    await shell.quit(); // the shutdown the click started
    expect(fake.calls.quit).toBe(1);
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    expect(time.pending()).toBe(0);
    expect(shell.core.db.open).toBe(false);
    expect(FakeBrowserWindow.instances[0]!.visible).toBe(false);
  });

  it('a running job gets its abort signal and its run is recorded as ended, not left open for the next start', async () => {
    let aborted = false;
    const { shell, dir } = await start({}, {}, (_job, _trigger, signal) => {
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          // like an import rolling back: it needs a moment (real I/O) before it settles
          setTimeout(() => reject(signal.reason as Error), 20);
        });
      });
    });
    const { id } = await call<{ id: number }>(shell, 'schedules:create', JOB);
    await call(shell, 'schedules:runNow', { id });
    expect(shell.core.services.schedules.scheduler.runningJobIds()).toEqual([id]);

    await shell.quit();
    expect(aborted).toBe(true);
    const db = new Database(join(dir, DB_FILE_NAME), { readonly: true });
    const rows = db.prepare('select status, finished_at as finishedAt, message from schedule_runs where job_id = ?').all(id) as { status: string; finishedAt: string | null; message: string }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'failed', finishedAt: expect.any(String), message: expect.stringContaining('アプリの終了') });
  });

  it('a job that ignores the abort does not hold the quit beyond the grace period', async () => {
    let release: () => void = () => undefined;
    const { shell, fake, logger } = await start({ quitGraceMs: 30 }, {}, () => new Promise((r) => (release = () => r({ ok: true, summary: 'done' }))));
    const { id } = await call<{ id: number }>(shell, 'schedules:create', JOB);
    await call(shell, 'schedules:runNow', { id });
    await shell.quit();
    expect(fake.calls.quit).toBe(1);
    expect(shell.core.db.open).toBe(false);
    expect(logger.lines.some((l) => l.level === 'warn' && l.msg.includes('時間内に終わりませんでした'))).toBe(true);
    release(); // the late result cannot be written any more; that is logged, not thrown
  });

  it('Cmd+Q / sign-out (before-quit) waits for the same shutdown, then lets the quit through', async () => {
    const { shell, fake, time } = await start();
    await call(shell, 'schedules:create', JOB); // close-to-tray is active: a bare quit would be cancelled
    let prevented = 0;
    fake.appEvents.emit('before-quit', { preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    await shell.quit();
    expect(fake.calls.quit).toBe(1);
    expect(time.pending()).toBe(0);
    fake.appEvents.emit('before-quit', { preventDefault: () => prevented++ }); // from our own app.quit()
    expect(prevented).toBe(1);
    expect(FakeBrowserWindow.instances[0]!.userClose()).toBe(true); // the window no longer hides to the tray
  });
});

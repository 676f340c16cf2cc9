/**
 * The smaller things of the shell as it runs on a customer's PC (strict fake Electron: methods of
 * a destroyed window throw, app.quit emits before-quit / will-quit / quit):
 * - `second-instance` / `activate` after the window is gone;
 * - the tray during 終了 (nothing clickable, then removed);
 * - a crashed page process offers 再読み込み;
 * - the Japanese application menu, without DevTools / reload in the installed app;
 * - the installed app ignores the developer variables APP_DATA_DIR and BCART_EXTERNAL_HOSTS;
 * - guards on web contents the app did not create itself (web-contents-created);
 * - data and log folders readable by the user only.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../src-main/core/create-core';
import { APP_INDEX_URL } from '../../../src-main/shell/app-protocol';
import { FakeBrowserWindow, FakeTray } from '../../helpers/fake-electron';
import { startTestShell, type TestShell } from '../../helpers/shell';
import { makeTempDir } from '../../helpers/temp-dir';

const JOB = { name: '平日の取込', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], times: ['07:30'], skipHolidays: true, enabled: true };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
async function start(o: Parameters<typeof startTestShell>[0] = {}): Promise<TestShell> {
  const s = await startTestShell(o);
  cleanups.push(() => s.cleanup());
  return s;
}

type MenuItem = { label?: string; role?: string; type?: string; submenu?: MenuItem[]; click?: () => void };
const flatten = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);

describe('second-instance / activate after the window is gone', () => {
  it('launching the app again or clicking the Dock icon during 終了 does not touch the destroyed window', async () => {
    const { fake, shell } = await start();
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.userClose()).toBe(true); // no schedules: the close button quits
    expect(win.isDestroyed()).toBe(true);
    expect(() => fake.appEvents.emit('second-instance', {}, ['BCart Desk.exe'], '')).not.toThrow();
    expect(() => fake.appEvents.emit('activate', {}, false)).not.toThrow();
    await shell.quit();
    expect(fake.calls.quit).toBe(1);
  });
});

describe('the tray during 終了', () => {
  it('shows 終了しています…, opens nothing, and is removed at the end', async () => {
    let release: () => void = () => undefined;
    // a job that ignores the abort: 終了 waits the grace period for it
    const create = (o: CoreOptions) =>
      createCore({ ...o, scheduler: { runJob: () => new Promise((r) => (release = () => r({ ok: true, summary: '完了' }))) } });
    const { shell, fake } = await start({ createCore: create, shell: { quitGraceMs: 300 } });
    const created = await shell.core.dispatch('schedules:create', JOB, { via: 'test' });
    if (!created.ok) throw new Error(created.error.message);
    const tray = FakeTray.instances[0]!;
    const win = FakeBrowserWindow.instances[0]!;
    expect(tray.clickItem('今すぐ取込')).toBe(true);
    expect(tray.clickItem('終了')).toBe(true);
    const quitting = shell.quit();
    expect(tray.menu).toEqual([{ label: '終了しています…', enabled: false }]);
    expect(tray.tooltip).toBe('BCart Desk — 終了しています…');
    expect(tray.clickItem('開く')).toBe(false);
    tray.emit('click');
    expect(win.visible).toBe(false);
    await quitting;
    release();
    expect(tray.isDestroyed()).toBe(true);
    expect(fake.calls.quit).toBe(1);
  });
});

describe('a crashed page process', () => {
  it('offers 再読み込み, which loads the page again; 終了 quits; a clean exit asks nothing', async () => {
    const { fake } = await start();
    const win = FakeBrowserWindow.instances[0]!;
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(fake.calls.messageBoxes).toEqual([]);
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: -1 });
    await expect.poll(() => fake.calls.loads.length).toBe(2);
    expect(fake.calls.messageBoxes[0]).toMatchObject({
      message: '画面の表示がメモリが足りなくなりました。',
      buttons: ['再読み込み', '終了'],
    });
    expect(fake.calls.messageBoxes[0]!.detail).toContain('取込とスケジュールはそのまま動いています');
    expect(fake.calls.loads.at(-1)).toEqual({ url: APP_INDEX_URL, status: 200 });
  });

  it('終了 in the dialog quits the app cleanly', async () => {
    const { fake } = await start({ fake: { messageBoxResponse: 1 } });
    FakeBrowserWindow.instances[0]!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 5 });
    await expect.poll(() => fake.calls.quit).toBe(1);
    expect(fake.exited).toBe(true);
  });
});

describe('application menu and DevTools', () => {
  it.each(['win32', 'darwin', 'linux'] as const)('installed app on %s: Japanese labels, no DevTools and no reload', async (platform) => {
    const { fake } = await start({ fake: { platform, isPackaged: true } });
    const items = flatten(fake.calls.applicationMenu as MenuItem[]);
    expect(items.length).toBeGreaterThan(10);
    // every item in Japanese (macOS's app menu carries the app's name)
    for (const item of items.filter((i) => i.type !== 'separator' && i.label !== 'BCart Desk'))
      expect(item.label, JSON.stringify(item)).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(items.filter((i) => ['toggleDevTools', 'reload', 'forceReload'].includes(i.role ?? ''))).toEqual([]);
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences.devTools).toBe(false);
    // 終了 in the menu is the app's own clean shutdown
    items.find((i) => i.label === '終了')!.click!();
    await expect.poll(() => fake.calls.quit).toBe(1);
  });

  it('a development run (npm start) keeps 開発 › 開発者ツール', async () => {
    const { fake } = await start();
    const items = flatten(fake.calls.applicationMenu as MenuItem[]);
    expect(items.find((i) => i.role === 'toggleDevTools')?.label).toBe('開発者ツール');
    expect(FakeBrowserWindow.instances[0]!.options.webPreferences.devTools).toBe(true);
  });
});

describe('developer environment variables', () => {
  it('the installed app ignores APP_DATA_DIR and BCART_EXTERNAL_HOSTS (and says so in the log)', async () => {
    const other = makeTempDir();
    cleanups.push(() => other.cleanup());
    const { shell, logger, dataDir } = await start({
      fake: { isPackaged: true },
      shell: { env: { APP_DATA_DIR: other.dir, BCART_EXTERNAL_HOSTS: 'evil.example' } },
    });
    expect(shell.dataDir).toBe(dataDir);
    expect(shell.core.options.extraApiHosts).toEqual([]);
    expect(logger.lines.find((l) => l.msg.includes('開発用の環境変数を無視'))?.meta).toEqual({
      ignored: ['APP_DATA_DIR', 'BCART_EXTERNAL_HOSTS'],
    });
    const r = await shell.core.dispatch('app:info', {}, { via: 'test' });
    expect(r).toMatchObject({ ok: true, value: { dataDir } });
  });

  it('a development run honours them', async () => {
    const other = makeTempDir();
    cleanups.push(() => other.cleanup());
    const { shell } = await start({ shell: { env: { APP_DATA_DIR: other.dir, BCART_EXTERNAL_HOSTS: 'example.com' } } });
    expect(shell.dataDir).toBe(other.dir);
    expect(shell.core.options.extraApiHosts).toEqual(['example.com']);
  });
});

describe('web contents the app did not create', () => {
  it('get the same guards: no navigation away, no new windows, no webview', async () => {
    const { fake, logger } = await start();
    const other = fake.otherWebContents();
    expect(other.navigate('https://evil.example/phish')).toBe(false);
    expect(other.navigate(`${APP_INDEX_URL}#/home`)).toBe(true);
    expect(other.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    let prevented = false;
    other.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(logger.lines.some((l) => l.msg === 'blocked navigation to https://evil.example/phish')).toBe(true);
  });
});

describe('folders readable by the user only', () => {
  it.skipIf(process.platform === 'win32')('the data folder and logs/ are created 0700', async () => {
    const parent = makeTempDir();
    cleanups.push(() => parent.cleanup());
    const dir = join(parent.dir, 'BCart Desk');
    const { shell } = await start({ shell: { env: { APP_DATA_DIR: dir } } });
    expect(shell.dataDir).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);
  });
});

/**
 * Automatic updates (security item 9): the decisions taken before electron-updater is touched
 * (installed app only, https generic feed without credentials, Windows only with a publisher name
 * to verify the installer's signature against, Linux only as AppImage, IT can switch it off), the
 * settings given to electron-updater, the check schedule, and the shell's 再起動して更新: the
 * clean shutdown first (database closed), then quitAndInstall — not offered while an import runs.
 * electron-updater itself (download, sha512 and signature checks, installing) needs a real
 * Windows / macOS run: docs/release.md lists it.
 */
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import {
  decideUpdates,
  FIRST_CHECK_DELAY_MS,
  readUpdateFeedConfig,
  startAutoUpdate,
  UPDATE_CHECK_INTERVAL_MS,
  type Updater,
  type UpdateFeedConfig,
} from '../../../src-main/shell/auto-update';
import { FakeTray } from '../../helpers/fake-electron';
import { startTestShell, type TestShell } from '../../helpers/shell';
import { makeTempDir } from '../../helpers/temp-dir';

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  forceDevUpdateConfig = true;
  disableWebInstaller = false;
  logger: Updater['logger'] = null;
  checks = 0;
  installs: { args: unknown[]; dbOpen: boolean | null }[] = [];
  dbOpen: () => boolean | null = () => null;
  checkForUpdates() {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push({ args, dbOpen: this.dbOpen() });
  }
}

const FEED: UpdateFeedConfig = {
  provider: 'generic',
  url: 'https://updates.example.co.jp/bcart-desk',
  publisherName: ['株式会社サンプル'],
};
const on = (over: Partial<Parameters<typeof decideUpdates>[0]> = {}) =>
  decideUpdates({ isPackaged: true, platform: 'darwin', config: FEED, env: {}, ...over });

describe('decideUpdates', () => {
  it('updates only the installed app, from an https generic feed without credentials', () => {
    expect(on()).toEqual({ enabled: true, feed: 'https://updates.example.co.jp/bcart-desk' });
    expect(on({ isPackaged: false })).toMatchObject({ enabled: false, reason: expect.stringContaining('開発用') });
    expect(on({ env: { BCART_DESK_UPDATES: 'OFF' } })).toMatchObject({ enabled: false, reason: expect.stringContaining('管理者') });
    expect(on({ config: null })).toMatchObject({ enabled: false, reason: expect.stringContaining('app-update.yml') });
    expect(on({ config: { ...FEED, provider: 'github' } })).toMatchObject({ enabled: false });
    expect(on({ config: { ...FEED, url: 'http://updates.example.co.jp/bcart-desk' } })).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('https'),
    });
    expect(on({ config: { ...FEED, url: 'https://user:pw@updates.example.co.jp/' } })).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('認証情報'),
    });
    expect(on({ config: { ...FEED, url: 'not a url' } })).toMatchObject({ enabled: false });
  });

  it('Windows: only with a publisher name (electron-updater skips the signature check without one)', () => {
    expect(on({ platform: 'win32' })).toMatchObject({ enabled: true });
    expect(on({ platform: 'win32', config: { ...FEED, publisherName: '株式会社サンプル' } })).toMatchObject({ enabled: true });
    for (const publisherName of [undefined, [], [' '], '']) {
      const config: UpdateFeedConfig = { provider: 'generic', url: FEED.url!, ...(publisherName !== undefined ? { publisherName } : {}) };
      expect(on({ platform: 'win32', config })).toMatchObject({ enabled: false, reason: expect.stringContaining('署名') });
    }
  });

  it('Linux: only the AppImage replaces itself', () => {
    expect(on({ platform: 'linux' })).toMatchObject({ enabled: false, reason: expect.stringContaining('AppImage') });
    expect(on({ platform: 'linux', env: { APPIMAGE: '/home/a/BCart-Desk.AppImage' } })).toMatchObject({ enabled: true });
  });

  it('reads app-update.yml as electron-builder writes it; a missing or broken file means no feed', () => {
    const tmp = makeTempDir();
    const file = join(tmp.dir, 'app-update.yml');
    expect(readUpdateFeedConfig(file)).toBeNull();
    writeFileSync(
      file,
      'owner: x\nprovider: generic\nurl: https://updates.example.co.jp/bcart-desk\npublisherName:\n  - "株式会社サンプル: 情報システム部"\nupdaterCacheDirName: bcart-desk-updater\n',
    );
    expect(readUpdateFeedConfig(file)).toMatchObject({
      provider: 'generic',
      url: 'https://updates.example.co.jp/bcart-desk',
      publisherName: ['株式会社サンプル: 情報システム部'],
    });
    writeFileSync(file, 'provider: [unclosed');
    expect(readUpdateFeedConfig(file)).toBeNull();
    tmp.cleanup();
  });
});

describe('startAutoUpdate', () => {
  function timers() {
    const t = {
      timeouts: [] as { fn: () => void; ms: number; cleared: boolean }[],
      intervals: [] as { fn: () => void; ms: number; cleared: boolean }[],
    };
    return {
      t,
      setTimeout: (fn: () => void, ms: number) => (t.timeouts.push({ fn, ms, cleared: false }), t.timeouts.at(-1)),
      clearTimeout: (h: unknown) => void ((h as { cleared: boolean }).cleared = true),
      setInterval: (fn: () => void, ms: number) => (t.intervals.push({ fn, ms, cleared: false }), t.intervals.at(-1)),
      clearInterval: (h: unknown) => void ((h as { cleared: boolean }).cleared = true),
    };
  }

  it('leaves electron-updater untouched when updates are off', () => {
    let made = 0;
    const r = startAutoUpdate({
      updater: () => (made++, new FakeUpdater()),
      decision: { enabled: false, reason: 'x' },
      logger: createMemoryLogger(),
      onReady: () => undefined,
      ...timers(),
    });
    expect(r).toBeNull();
    expect(made).toBe(0);
  });

  it('configures electron-updater safely, checks after start-up and every 6 hours, logs errors quietly', async () => {
    const u = new FakeUpdater();
    const logger = createMemoryLogger();
    const ready: string[] = [];
    const tm = timers();
    const r = startAutoUpdate({ updater: () => u, decision: on(), logger, onReady: (v) => ready.push(v), ...tm })!;
    const { autoDownload, autoInstallOnAppQuit, allowDowngrade, allowPrerelease, forceDevUpdateConfig, disableWebInstaller } = u;
    expect({ autoDownload, autoInstallOnAppQuit, allowDowngrade, allowPrerelease, forceDevUpdateConfig, disableWebInstaller }).toEqual({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
      forceDevUpdateConfig: false,
      disableWebInstaller: true,
    });
    expect(tm.t.timeouts.map((x) => x.ms)).toEqual([FIRST_CHECK_DELAY_MS]);
    expect(tm.t.intervals.map((x) => x.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    expect(u.checks).toBe(0);
    tm.t.timeouts[0]!.fn();
    tm.t.intervals[0]!.fn();
    expect(u.checks).toBe(2);
    u.emit('error', new Error('getaddrinfo ENOTFOUND updates.example.co.jp'));
    expect(logger.lines.find((l) => l.msg === '更新を確認できませんでした')).toMatchObject({ level: 'warn' });
    u.logger!.error('from electron-updater');
    expect(logger.lines.some((l) => l.level === 'error')).toBe(false); // nothing is shown or alarming: the app works without updates
    expect(r.readyVersion()).toBeNull();
    u.emit('update-downloaded', { version: '0.2.0' });
    expect(ready).toEqual(['0.2.0']);
    expect(r.readyVersion()).toBe('0.2.0');
    r.dispose();
    expect([tm.t.timeouts[0]!.cleared, tm.t.intervals[0]!.cleared]).toEqual([true, true]);
  });
});

describe('再起動して更新 in the tray', () => {
  let started: TestShell | null = null;
  afterEach(async () => {
    await started?.cleanup();
    started = null;
  });

  async function startPackaged(u: FakeUpdater, create?: (o: CoreOptions) => ReturnType<typeof createCore>): Promise<TestShell> {
    const tmp = makeTempDir();
    const file = join(tmp.dir, 'app-update.yml');
    writeFileSync(file, 'provider: generic\nurl: https://updates.example.co.jp/bcart-desk\n');
    const s = await startTestShell({
      fake: { isPackaged: true, platform: 'darwin' },
      shell: { updater: () => u, updateConfigFile: file },
      ...(create ? { createCore: create } : {}),
    });
    u.dbOpen = () => s.shell.core.db.open;
    return s;
  }

  it('appears once an update is downloaded; it shuts down cleanly, then installs (no plain quit)', async () => {
    const u = new FakeUpdater();
    started = await startPackaged(u);
    const tray = FakeTray.instances[0]!;
    expect(tray.menu.some((m) => String(m.label).startsWith('再起動して更新'))).toBe(false);
    u.emit('update-downloaded', { version: '0.2.0' });
    expect(tray.clickItem('再起動して更新 (0.2.0)')).toBe(true);
    await started.shell.quit();
    expect(u.installs).toEqual([{ args: [false, true], dbOpen: false }]);
    expect(started.fake.calls.quit).toBe(0);
  });

  it('is disabled while an import runs (it would be stopped as 中止)', async () => {
    const u = new FakeUpdater();
    let release: () => void = () => undefined;
    started = await startPackaged(u, async (o) => {
      return createCore({ ...o, scheduler: { runJob: () => new Promise((r) => (release = () => r({ ok: true, summary: '完了' }))) } });
    });
    const created = await started.shell.core.dispatch(
      'schedules:create',
      { name: 'x', weekdays: ['mon'], times: ['07:30'], skipHolidays: true, enabled: true },
      { via: 'test' },
    );
    expect(created.ok).toBe(true);
    const tray = FakeTray.instances[0]!;
    u.emit('update-downloaded', { version: '0.2.0' });
    expect(tray.clickItem('今すぐ取込')).toBe(true);
    expect(tray.clickItem('再起動して更新')).toBe(false);
    release();
    await started.shell.core.services.schedules.scheduler.whenIdle();
    expect(tray.menu.find((m) => String(m.label).startsWith('再起動して更新'))).toMatchObject({ enabled: true });
  });

  it('a development run never asks electron-updater for anything', async () => {
    let made = 0;
    started = await startTestShell({ shell: { updater: () => (made++, new FakeUpdater()) } });
    expect(made).toBe(0);
    expect(started.shell.updates).toBeNull();
  });
});

/**
 * The Electron shell's wiring, run under Node against the fake Electron API: secure window
 * options, every contract channel registered, untrusted senders rejected, navigation and
 * permission guards, the safeStorage token store, the allow-list for external links, the tray.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src-shared/ipc/contract';
import { createCore } from '../../../src-main/core/create-core';
import { createMemoryLogger } from '../../../src-main/core/logging';
import { startShell, type ShellHandle } from '../../../src-main/shell/app-shell';
import { createSafeTokenStore } from '../../../src-main/shell/safe-token-store';
import { isAllowedExternalUrl } from '../../../src-main/shell/security';
import { APP_INDEX_URL } from '../../../src-main/shell/app-protocol';
import { FakeBrowserWindow, FakeTray, makeFakeElectron } from '../../helpers/fake-electron';
import { startTestShell, type TestShell } from '../../helpers/shell';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');

describe('Electron shell (fake Electron API)', () => {
  let started: TestShell;
  let fake: TestShell['fake'];
  let shell: ShellHandle;

  beforeEach(async () => {
    started = await startTestShell();
    ({ fake, shell } = started);
  });
  afterEach(async () => {
    await started.cleanup(); // also stops the scheduler's timer
  });

  it('opens the window with contextIsolation, sandbox and no node integration', () => {
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(win.options.webPreferences.preload).toBe(join(started.appRoot, 'dist', 'main', 'preload.cjs'));
    expect(win.options.webPreferences.devTools).toBe(true); // a development run (not packaged)
    expect(win.webContents.getURL()).toBe(APP_INDEX_URL);
    expect(shell.dataDir).toBe(started.dataDir); // userData when APP_DATA_DIR is not set
  });

  it('registers exactly one ipcMain handler per contract channel', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('answers a call from the app page and rejects one from an untrusted frame', async () => {
    expect(await fake.invoke('departments:list', {})).toMatchObject({ ok: true });
    const page = fake.mainFrame();
    for (const frame of [
      { url: 'https://evil.example/', origin: 'https://evil.example', parent: null },
      { ...page, parent: page },
      { url: 'file:///opt/bcart-desk/resources/app.asar/dist/renderer/index.html', origin: 'file://', parent: null },
      null,
    ]) {
      const r = await fake.invoke('departments:list', {}, frame);
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('blocks navigation away from the app, new windows and permission requests', () => {
    const wc = FakeBrowserWindow.instances[0]!.webContents;
    let prevented = false;
    wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    prevented = false;
    wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, `${APP_INDEX_URL}#/departments`);
    expect(prevented).toBe(false);
    expect(wc.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let answer: boolean | null = null;
    fake.electron.session.defaultSession.permissionRequest(null, 'media', (a: boolean) => (answer = a));
    expect(answer).toBe(false);
    expect(fake.electron.session.defaultSession.permissionCheck()).toBe(false);
  });

  it('forwards core push events to the window', () => {
    shell.core.events.emit('data:changed', { roots: ['departments'] });
    expect(FakeBrowserWindow.instances[0]!.webContents.sent).toContainEqual({
      channel: 'app:event',
      payload: { event: 'data:changed', payload: { roots: ['departments'] } },
    });
  });

  it('has a tray with 開く, 今すぐ取込, 最終結果, 一時停止 and 終了; 終了 quits', async () => {
    const tray = FakeTray.instances[0]!;
    const labels = tray.menu.filter((m) => m.label).map((m) => m.label);
    expect(labels).toEqual(['開く', '今すぐ取込', '最終結果: まだ実行していません', 'スケジュール一時停止', '終了']);
    expect(tray.clickItem('終了')).toBe(true);
    await shell.quit(); // the same shutdown the click started
    expect(fake.calls.quit).toBe(1);
    expect(fake.exited).toBe(true);
    expect(tray.isDestroyed()).toBe(true);
  });
});

describe('shell start-up edge cases', () => {
  it('a second instance quits at once', async () => {
    const tmp = makeTempDir();
    const fake = makeFakeElectron(tmp.dir, { lock: false });
    const r = await startShell(fake.electron as never, { appRoot: ROOT, env: {}, createCore, createLogger: () => createMemoryLogger() });
    expect(r).toBeNull();
    expect(fake.calls.quit).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    tmp.cleanup();
  });

  it('APP_DATA_DIR overrides the user data folder', async () => {
    const tmp = makeTempDir();
    const other = makeTempDir();
    const fake = makeFakeElectron(tmp.dir);
    const r = await startShell(fake.electron as never, {
      appRoot: ROOT,
      env: { APP_DATA_DIR: other.dir },
      createCore,
      createLogger: () => createMemoryLogger(),
    });
    expect(r!.dataDir).toBe(other.dir);
    expect(existsSync(join(other.dir, 'bcart-desk.sqlite3'))).toBe(true);
    await r!.quit();
    tmp.cleanup();
    other.cleanup();
  });

  it('a core that cannot start shows a Japanese error box and quits', async () => {
    const tmp = makeTempDir();
    const fake = makeFakeElectron(tmp.dir);
    const r = await startShell(fake.electron as never, {
      appRoot: ROOT,
      env: {},
      createCore: () => Promise.reject(new Error('データファイルが壊れています')),
      createLogger: () => createMemoryLogger(),
    });
    expect(r).toBeNull();
    expect(fake.calls.errorBoxes[0]).toContain('データファイルが壊れています');
    expect(fake.calls.quit).toBe(1);
    tmp.cleanup();
  });
});

describe('safeStorage token store', () => {
  it('stores tokens encrypted only and reads them back', async () => {
    const tmp = makeTempDir();
    const fake = makeFakeElectron(tmp.dir);
    const file = join(tmp.dir, 'secrets.json');
    const store = createSafeTokenStore(fake.electron.safeStorage, file, 'linux');
    await store.set('bcart.access', 'CANARY-SECRET-123');
    expect(readFileSync(file, 'utf8')).not.toContain('CANARY-SECRET-123');
    expect(await store.get('bcart.access')).toBe('CANARY-SECRET-123');
    await store.delete('bcart.access');
    expect(await store.get('bcart.access')).toBeNull();
    tmp.cleanup();
  });

  it('refuses the Linux basic_text backend and a missing encryption with TOKEN_STORE_UNAVAILABLE', async () => {
    const tmp = makeTempDir();
    const weak = createSafeTokenStore(
      makeFakeElectron(tmp.dir, { backend: 'basic_text' }).electron.safeStorage,
      join(tmp.dir, 's.json'),
      'linux',
    );
    await expect(weak.set('k', 'v')).rejects.toMatchObject({ code: 'TOKEN_STORE_UNAVAILABLE' });
    const none = createSafeTokenStore(
      makeFakeElectron(tmp.dir, { encryption: false }).electron.safeStorage,
      join(tmp.dir, 's.json'),
      'win32',
    );
    await expect(none.get('k')).rejects.toMatchObject({ code: 'TOKEN_STORE_UNAVAILABLE' });
    expect(existsSync(join(tmp.dir, 's.json'))).toBe(false);
    tmp.cleanup();
  });
});

describe('external links', () => {
  it('opens only https URLs on allow-listed hosts', () => {
    expect(isAllowedExternalUrl('https://api.bcart.jp/oauth/authorize?x=1')).toBe(true);
    expect(isAllowedExternalUrl('https://sub.bcart.jp/')).toBe(true);
    expect(isAllowedExternalUrl('http://api.bcart.jp/')).toBe(false);
    expect(isAllowedExternalUrl('https://bcart.jp.evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@bcart.jp/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('https://login.example.com/', ['example.com'])).toBe(true);
  });
});

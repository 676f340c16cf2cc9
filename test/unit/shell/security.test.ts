/**
 * Security checklist items not covered by app-shell.test.ts: URLs in the log never carry their
 * query, fragment or credentials (OAuth codes and tokens travel there), for blocked navigations,
 * redirects, new windows and rejected IPC senders; IPC channels a library opens without a sender
 * check (electron-log) are closed; the renderer page ships a strict CSP.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/create-core';
import { createMemoryLogger, type MemoryLogger } from '../../../src-main/core/logging';
import { startShell, type ShellHandle } from '../../../src-main/shell/app-shell';
import { FOREIGN_IPC_CHANNELS } from '../../../src-main/shell/ipc-loop';
import { urlForLog } from '../../../src-main/shell/security';
import { APP_INDEX_URL } from '../../../src-main/shell/app-protocol';
import { CHANNELS } from '../../../src-shared/ipc/contract';
import { FakeBrowserWindow, makeFakeElectron } from '../../helpers/fake-electron';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
const SECRET = 'CANARY-SECRET-7f3a';

describe('urlForLog', () => {
  it('keeps scheme, host and path; drops query, fragment and user:password', () => {
    expect(urlForLog(`https://evil.example/cb?code=${SECRET}&state=x`)).toBe('https://evil.example/cb?…');
    expect(urlForLog(`https://evil.example/#access_token=${SECRET}`)).toBe('https://evil.example/?…');
    expect(urlForLog(`https://user:${SECRET}@evil.example/a`)).toBe('https://evil.example/a');
    expect(urlForLog('file:///C:/app/index.html')).toBe('file:///C:/app/index.html');
    expect(urlForLog(`app://bcart-desk/index.html#/connection?code=${SECRET}`)).toBe('app://bcart-desk/index.html?…');
    expect(urlForLog(`javascript:alert("${SECRET}")`)).toBe('javascript:');
    expect(urlForLog(`data:text/html,${SECRET}`)).toBe('data:');
    expect(urlForLog(`not a url ${SECRET}`)).toBe('(invalid url)');
    expect(urlForLog(undefined)).toBe('(none)');
    expect(urlForLog(`https://a.example/${'p'.repeat(500)}`).length).toBeLessThanOrEqual(125);
  });
});

describe('nothing secret in the shell log (fake Electron)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let logger: MemoryLogger;
  let fake: ReturnType<typeof makeFakeElectron>;
  let shell: ShellHandle;

  beforeEach(async () => {
    tmp = makeTempDir();
    logger = createMemoryLogger();
    fake = makeFakeElectron(tmp.dir);
    shell = (await startShell(fake.electron as never, { appRoot: ROOT, env: {}, createCore, createLogger: () => logger, argv: [] }))!;
  });
  afterEach(async () => {
    await shell.quit();
    tmp.cleanup();
  });

  const logText = () => JSON.stringify(logger.lines);

  it('blocked navigation, redirect and new window are logged without their query or fragment', () => {
    const wc = FakeBrowserWindow.instances[0]!.webContents;
    const prevented: string[] = [];
    wc.emit('will-navigate', { preventDefault: () => prevented.push('nav') }, `https://evil.example/cb?code=${SECRET}`);
    wc.emit('will-redirect', { preventDefault: () => prevented.push('redirect') }, `https://evil.example/#access_token=${SECRET}`);
    expect(wc.windowOpenHandler!({ url: `https://evil.example/?token=${SECRET}` })).toEqual({ action: 'deny' });
    expect(prevented).toEqual(['nav', 'redirect']);
    expect(logText()).toContain('blocked navigation to https://evil.example/cb?…');
    expect(logText()).toContain('blocked redirect to https://evil.example/?…');
    expect(logText()).toContain('blocked new window https://evil.example/?…');
    expect(logText()).not.toContain(SECRET);
  });

  it('a rejected IPC sender is logged without its query', async () => {
    const handler = fake.handlers.get('departments:list')!;
    const r = (await handler({ senderFrame: { url: `https://evil.example/x?k=${SECRET}`, parent: null } }, {})) as { ok: boolean };
    expect(r.ok).toBe(false);
    expect(logger.lines.find((l) => l.msg.includes('untrusted sender'))?.meta).toMatchObject({
      channel: 'departments:list',
      url: 'https://evil.example/x?…',
    });
    expect(logText()).not.toContain(SECRET);
  });

  it('the app page itself may navigate to its own routes (query and hash ignored)', () => {
    const wc = FakeBrowserWindow.instances[0]!.webContents;
    let prevented = false;
    wc.emit('will-redirect', { preventDefault: () => (prevented = true) }, `${APP_INDEX_URL}?x=1#/schedules/1`);
    expect(prevented).toBe(false);
    // the same page as a file: URL is not the app's origin
    wc.emit(
      'will-navigate',
      { preventDefault: () => (prevented = true) },
      pathToFileURL(join(ROOT, 'dist', 'renderer', 'index.html')).href,
    );
    expect(prevented).toBe(true);
  });
});

describe('IPC opened by libraries', () => {
  it('electron-log/main opens exactly the channels the shell closes', () => {
    const src = readFileSync(require.resolve('electron-log/src/main/index.js'), 'utf8');
    const opened = [...src.matchAll(/onIpc(?:Invoke)?\('([^']+)'/g)].map((m) => m[1]);
    expect(opened.length).toBeGreaterThan(0);
    expect([...new Set(opened)].sort()).toEqual([...FOREIGN_IPC_CHANNELS].sort());
  });

  it('the shell closes them, so only the sender-checked contract channels answer', async () => {
    const tmp = makeTempDir();
    const fake = makeFakeElectron(tmp.dir);
    // what importing electron-log/main does in the real app, before startShell runs
    fake.electron.ipcMain.handle('__ELECTRON_LOG__', async () => ({ levels: [] }));
    fake.electron.ipcMain.on('__ELECTRON_LOG__', () => undefined);
    const shell = (await startShell(fake.electron as never, {
      appRoot: ROOT,
      env: {},
      createCore,
      createLogger: () => createMemoryLogger(),
      argv: [],
    }))!;
    expect(fake.handlers.has('__ELECTRON_LOG__')).toBe(false);
    expect(fake.listeners.listenerCount('__ELECTRON_LOG__')).toBe(0);
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    await shell.quit();
    tmp.cleanup();
  });
});

describe('Content-Security-Policy of the renderer page', () => {
  it('allows only the app’s own scripts and styles, no inline or eval, no plugins, frames, forms or base changes', () => {
    const html = readFileSync(join(ROOT, 'src-renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
  });
});

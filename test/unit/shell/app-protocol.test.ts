/**
 * Issue: the trusted-sender check compared the frame's URL string with Node's pathToFileURL of
 * index.html. Chromium reports a different string for the same file — a Windows drive letter
 * upper-cased, `%` left as it is (Electron's loadFile formats the path with the legacy url.format) —
 * so on an install path like `c:\…` or one with `%` every IPC call was FORBIDDEN. The page is now
 * served from the app's own `app://bcart-desk` origin and senders are checked by parsed origin.
 * The fake reports frame URLs as Chromium does (test/helpers/fake-electron.ts chromiumFileUrl).
 */
import { posix, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_HOST, APP_INDEX_URL, APP_SCHEME, resolveAppFile, serveAppRequest } from '../../../src-main/shell/app-protocol';
import { isTrustedSender } from '../../../src-main/shell/security';
import { chromiumFileUrl, FakeBrowserWindow } from '../../helpers/fake-electron';
import { startTestShell, type TestShell } from '../../helpers/shell';

let started: TestShell | null = null;
afterEach(async () => {
  await started?.cleanup();
  started = null;
});

describe('the fake reports file URLs as Chromium does (why string comparison failed)', () => {
  it('a Windows drive letter is upper-cased and `%` is left alone, unlike Node’s pathToFileURL', () => {
    const p = 'c:\\Users\\山田\\AppData\\Local\\Programs\\BCart 100% Desk\\resources\\app.asar\\dist\\renderer\\index.html';
    const chromium = chromiumFileUrl(p);
    expect(chromium).toBe('file:///C:/Users/山田/AppData/Local/Programs/BCart%20100%%20Desk/resources/app.asar/dist/renderer/index.html');
    expect(pathToFileURL(p, { windows: true }).href).not.toBe(chromium);
    expect(pathToFileURL('/opt/BCart 100% Desk/index.html').href).not.toBe(chromiumFileUrl('/opt/BCart 100% Desk/index.html'));
  });
});

describe.each(['BCart Desk', 'BCart 100% Desk', 'ビーカート %41 デスク'])('installed in “%s”', (name) => {
  it('the page loads from app://bcart-desk and its IPC calls are answered', async () => {
    started = await startTestShell({ appRootName: name });
    const win = FakeBrowserWindow.instances[0]!;
    expect(started.fake.calls.loads).toEqual([{ url: APP_INDEX_URL, status: 200 }]);
    expect(win.webContents.getURL()).toBe(APP_INDEX_URL);
    const r = await started.fake.invoke('departments:list', {});
    expect(r).toMatchObject({ ok: true });
  });
});

describe('app:// protocol', () => {
  it('is registered before ready as a standard, secure scheme, with no CSP bypass', async () => {
    started = await startTestShell();
    expect(started.fake.schemes.get(APP_SCHEME)).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });

  it('serves the built renderer with content types and refuses everything outside it', async () => {
    started = await startTestShell();
    const get = (url: string) => started!.fake.request(url);
    const index = await get(`app://${APP_HOST}/index.html`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>BCart Desk</title>');
    expect((await get(`app://${APP_HOST}/`)).status).toBe(200);
    const js = await get(`app://${APP_HOST}/assets/app.js`);
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    for (const path of [
      '/assets/missing.js',
      '/../drizzle/meta/_journal.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fdrizzle%2fmeta%2f_journal.json',
      '/assets',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const res = await get(`app://${APP_HOST}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
    expect((await get('app://other-host/index.html')).status).toBe(404);
    const post = await serveAppRequest(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }), `${started.appRoot}/dist/renderer`);
    expect(post.status).toBe(405);
  });
});

describe('resolveAppFile: URL path → file under the renderer folder, on Windows and POSIX', () => {
  const winRoots = [
    'c:\\Users\\山田\\AppData\\Local\\Programs\\bcart-desk\\resources\\app.asar\\dist\\renderer',
    'C:\\Program Files\\BCart 100% Desk\\resources\\app.asar\\dist\\renderer',
    'D:\\業務\\BCart%20Desk\\resources\\app.asar\\dist\\renderer',
  ];
  it.each(winRoots)('Windows: %s', (root) => {
    expect(resolveAppFile(root, '/index.html', win32)).toBe(`${root}\\index.html`);
    expect(resolveAppFile(root, '/', win32)).toBe(`${root}\\index.html`);
    expect(resolveAppFile(root, '/assets/index-abc.js', win32)).toBe(`${root}\\assets\\index-abc.js`);
    expect(resolveAppFile(root, '/assets/%E6%97%A5%E6%9C%AC.png', win32)).toBe(`${root}\\assets\\日本.png`);
    for (const evil of [
      '/../secrets.json',
      '/..%5c..%5csecrets.json',
      '/assets/..%5c..%5c..%5cdrizzle',
      '/C:%5cWindows%5cwin.ini',
      '/c:/Windows/win.ini',
      '/%5c%5cserver%5cshare%5cx',
      '/%00',
      '/%zz',
      '/assets%5c..%5c..%5cx',
    ]) {
      expect([evil, resolveAppFile(root, evil, win32)]).toEqual([evil, null]);
    }
  });

  it('POSIX, with % and spaces in the install path', () => {
    const root = '/Applications/BCart 100% Desk.app/Contents/Resources/app.asar/dist/renderer';
    expect(resolveAppFile(root, '/index.html', posix)).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, '/a%20b.css', posix)).toBe(`${root}/a b.css`);
    for (const evil of ['/../x', '/%2e%2e/x', '/assets/../../x', '/%00', '//etc/passwd/../../..']) {
      expect([evil, resolveAppFile(root, evil, posix)]).toEqual([evil, null]);
    }
  });
});

describe('isTrustedSender: parsed origin of the top frame', () => {
  it('trusts the app origin whatever the route or letter case, nothing else', () => {
    const top = (url: string) => ({ url, parent: null });
    expect(isTrustedSender(top(`${APP_INDEX_URL}#/schedules/1`))).toBe(true);
    expect(isTrustedSender(top('app://BCART-DESK/index.html?x=1'))).toBe(true);
    for (const url of [
      'app://bcart-desk.evil.example/index.html',
      'app://evil/index.html',
      'https://bcart-desk/index.html',
      'file:///C:/Program%20Files/BCart%20Desk/resources/app.asar/dist/renderer/index.html',
      'app:bcart-desk/index.html',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect([url, isTrustedSender(top(url))]).toEqual([url, false]);
    }
    expect(isTrustedSender({ url: APP_INDEX_URL, parent: { url: APP_INDEX_URL, parent: null } })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

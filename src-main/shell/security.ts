/**
 * Electron security checklist (docs/reliability.md#security): the BrowserWindow options, the
 * navigation / new-window / permission guards, the allow-list for opening links in the system
 * browser, and the trusted-sender check for IPC.
 */
import type * as Electron from 'electron';
import { isAppUrl } from './app-protocol';

/**
 * webPreferences of every window. A test asserts these exact values. DevTools only in a
 * development run (`npm start`): in the installed app they would let anyone at the PC call every
 * IPC channel from the console.
 */
export function secureWebPreferences(preloadPath: string, opts: { devTools: boolean }): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    devTools: opts.devTools,
  };
}

/** Hosts the app may open in the system browser (BCart's sites). https only. */
export const EXTERNAL_HOST_ALLOW_LIST = ['bcart.jp', 'api.bcart.jp', 'docs.api.bcart.jp', 'userguide.bcart.jp'];

export function isAllowedExternalUrl(raw: string, extraHosts: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return [...EXTERNAL_HOST_ALLOW_LIST, ...extraHosts].some((h) => host === h || host.endsWith(`.${h}`));
}

/** The frame of an IPC call, as Electron's WebFrameMain shows it. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * Only the app's own page may call IPC: the top frame (no parent) on the app origin
 * (app://bcart-desk), compared by parsed origin, never by URL string (see app-protocol.ts).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * A URL as it may appear in the log: scheme, host and path only. Query strings and fragments carry
 * OAuth codes and tokens (`?code=`, `#access_token=`), and user:password may sit in the authority,
 * so they are never written; an unparsable URL is reduced to its scheme.
 */
export function urlForLog(raw: string | undefined): string {
  if (!raw) return '(none)';
  try {
    const url = new URL(raw);
    // opaque URLs (javascript:, data:, mailto:) carry their whole content in the "path"
    if (!['http:', 'https:', 'file:', 'app:'].includes(url.protocol)) return url.protocol;
    const origin = url.protocol === 'file:' ? 'file://' : url.protocol === 'app:' ? `app://${url.host}` : url.origin;
    const rest = url.search || url.hash ? '?…' : '';
    return `${origin}${url.pathname}`.slice(0, 120) + rest;
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0] ?? '(invalid url)';
  }
}

/**
 * Guards applied to every web contents the app creates (attached from `web-contents-created`, so
 * none is missed): navigation and redirects stay on the app origin, no webview, no new windows.
 */
export function guardWebContents(contents: Pick<Electron.WebContents, 'on' | 'setWindowOpenHandler'>, log: (msg: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log(`blocked navigation to ${urlForLog(url)}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log(`blocked redirect to ${urlForLog(url)}`);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked new window ${urlForLog(url)}`);
    return { action: 'deny' };
  });
}

/** Every permission request (camera, notifications from web content, …) is denied. */
export function denyAllPermissions(session: { setPermissionRequestHandler: Electron.Session['setPermissionRequestHandler']; setPermissionCheckHandler: Electron.Session['setPermissionCheckHandler'] }): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

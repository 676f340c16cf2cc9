/**
 * Electron security checklist (docs/reliability.md#security): the BrowserWindow options, the
 * navigation / new-window / permission guards, the allow-list for opening links in the system
 * browser, and the trusted-sender check for IPC.
 */
import type * as Electron from 'electron';
import { pathToFileURL } from 'node:url';

/** webPreferences of every window. A test asserts these exact values. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
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
    devTools: true,
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

/** The renderer's own URL prefix: only frames loaded from it may call IPC. */
export function rendererUrl(indexHtml: string): string {
  return pathToFileURL(indexHtml).toString();
}

export function isTrustedSender(frameUrl: string | undefined, trustedUrl: string): boolean {
  if (!frameUrl) return false;
  const withoutHash = frameUrl.split('#')[0]!.split('?')[0]!;
  return withoutHash === trustedUrl;
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
    if (!['http:', 'https:', 'file:'].includes(url.protocol)) return url.protocol;
    const origin = url.protocol === 'file:' ? 'file://' : url.origin;
    const rest = url.search || url.hash ? '?…' : '';
    return `${origin}${url.pathname}`.slice(0, 120) + rest;
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0] ?? '(invalid url)';
  }
}

/** Guards applied to every window's webContents. */
export function guardWebContents(contents: Electron.WebContents, trustedUrl: string, log: (msg: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSender(url, trustedUrl)) {
      event.preventDefault();
      log(`blocked navigation to ${urlForLog(url)}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedSender(url, trustedUrl)) {
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

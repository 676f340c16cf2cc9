/**
 * The UI is served from the app's own origin `app://bcart-desk` instead of `file://`
 * (docs/reliability.md#security): a file: page gets privileges a web page does not (reading other
 * local files, universal access for child frames), and its URL depends on the install path —
 * Chromium upper-cases a Windows drive letter and leaves `%` alone where Node does not, so
 * comparing file: URLs refused the app's own page on such installs. Here the origin is fixed, the
 * sender check compares parsed origins, and only files inside dist/renderer are ever served.
 */
import { readFile, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import type { ElectronApi } from './electron-api';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bcart-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page of the app (routes are in the hash: #/schedules/1). */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the scheme, registered before `ready`: standard (a real origin, relative URLs and
 * localStorage work), secure (like https: no mixed-content downgrade), fetch for the page's own
 * assets, V8 code cache. No bypassCSP, no CORS, no service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'join' | 'sep'>;

/**
 * The file a URL path names under `rootDir`, or null when it is not a plain path inside it:
 * malformed escapes, NUL, backslashes (a second separator on Windows), drive letters, `..` that
 * leaves the folder. `/` is index.html. `path` is injectable so Windows paths are tested on Linux.
 */
export function resolveAppFile(rootDir: string, urlPath: string, path: PathApi = nodePath): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\0\\:]/.test(decoded)) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.slice(1);
  if (rel.split('/').some((part) => part === '..')) return null;
  const file = path.resolve(rootDir, ...rel.split('/').filter((p) => p !== '' && p !== '.'));
  const inside = path.relative(rootDir, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

const notFound = () => new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Answers one request to the app origin from the files of `rendererDir`. */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method Not Allowed', { status: 405 });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return notFound();
  const file = resolveAppFile(rendererDir, url.pathname);
  if (!file) return notFound();
  try {
    if (!(await stat(file)).isFile()) return notFound();
    const body = await readFile(file);
    const type = CONTENT_TYPES[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
    });
  } catch {
    return notFound();
  }
}

/** Before `ready`: declares app:// a standard, secure scheme. */
export function registerAppScheme(protocol: ElectronApi['protocol']): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** After `ready`: serves app://bcart-desk/* from `rendererDir` (dist/renderer inside the app). */
export function serveApp(protocol: ElectronApi['protocol'], rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}

/** True for a URL on the app's origin (parsed, host compared case-insensitively). */
export function isAppUrl(raw: string | undefined): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

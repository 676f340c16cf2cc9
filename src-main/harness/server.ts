/**
 * Development and test harness: the same core and the built renderer, with the IPC contract carried
 * over HTTP on 127.0.0.1 (push events over SSE). Other local processes must not reach the data, so
 * every request needs the per-start random token: the printed URL carries it once (?t=…), the
 * server answers with an HttpOnly SameSite=Strict cookie and requires it from then on. The Host
 * header is checked too (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/ports';
import { MAX_CSV_BASE64_CHARS } from '../../src-shared/csv/csv-limits';
import { readBody } from '../core/http/read-body';
import { bridgeScript } from './bridge-script';

export interface HarnessOptions {
  core: Core;
  /** dist/renderer (vite build output) */
  rendererDir: string;
  logger: Logger;
  port?: number;
}

export interface RunningHarness {
  /** URL to open, with the token */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const COOKIE = 'bcd_harness';
/** the largest CSV file a channel accepts (as base64), plus room for the rest of the call */
const MAX_BODY = MAX_CSV_BASE64_CHARS + 1024 * 1024;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return '';
}


function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

export async function startHarness(opts: HarnessOptions): Promise<RunningHarness> {
  const log = opts.logger.child('harness');
  const token = randomBytes(32).toString('base64url');
  const indexFile = join(opts.rendererDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`画面のビルド (${indexFile}) が見つかりません。先に npm run build:renderer を実行してください。`);
  }
  const sseClients = new Set<ServerResponse>();
  const unsubscribe = opts.core.events.subscribe((event, payload) => {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const c of sseClients) c.write(data);
  });
  let origin = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      log.error('request failed', { error: String(e) });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host) return send(res, 403, 'text/plain', 'forbidden host');
    const queryToken = url.searchParams.get('t') ?? '';
    const headerToken = String(req.headers['x-harness-token'] ?? '');
    const authed = [cookieToken(req), queryToken, headerToken].some((t) => t !== '' && safeEqual(t, token));
    if (!authed) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden: harness token required');

    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = readFileSync(indexFile, 'utf8').replace(
        /<script type="module"/,
        '<script src="/__harness/bridge.js"></script>\n    <script type="module"',
      );
      res.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return send(res, 200, MIME['.html']!, html);
    }
    if (url.pathname === '/__harness/bridge.js') return send(res, 200, MIME['.js']!, bridgeScript());
    if (url.pathname === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (url.pathname.startsWith('/__ipc/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
      const requestOrigin = req.headers.origin;
      if (requestOrigin && requestOrigin !== origin) return send(res, 403, 'text/plain', 'forbidden origin');
      const channel = decodeURIComponent(url.pathname.slice('/__ipc/'.length));
      let input: unknown = undefined;
      try {
        const body = await readBody(req, MAX_BODY);
        const parsed = body ? (JSON.parse(body) as { input?: unknown }) : {};
        input = parsed.input === null ? undefined : parsed.input;
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: '送信内容を読み取れませんでした。', retryable: false } }));
      }
      const result = await opts.core.dispatch(channel, input, { via: 'harness' });
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
    }
    // static files of the built renderer, never outside its folder
    const file = normalize(join(opts.rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(normalize(opts.rendererDir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'text/plain', 'not found');
    }
    return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  origin = `http://127.0.0.1:${port}`;
  log.info('harness listening', { origin });
  return {
    url: `${origin}/?t=${token}`,
    origin,
    token,
    close: async () => {
      unsubscribe();
      for (const c of sseClients) c.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

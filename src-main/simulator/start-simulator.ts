/**
 * The HTTP server: node:http on 127.0.0.1 only. Per /api/v1 request the order is
 * fault switches → route → auth/scope → rate limit → handler → (body corruption faults).
 * Everything a request can wait on (latency timers, hanging responses, keep-alive sockets) is
 * tracked so close() always terminates.
 *
 * The control surface — /__admin and the OAuth endpoints whose consent screen approves at once — is
 * served only in test mode (`mode: 'test'`: tests and `npm run cli -- simulator`); the simulator the
 * app starts for 「デモデータで試す」 serves BCart's API alone. Every request must name this server in
 * its Host header (127.0.0.1 or localhost with this port): a web page that rebinds its own host name
 * to 127.0.0.1 cannot reach it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { handleAdmin } from './admin-routes';
import { orderedAtBounds } from './api-orders';
import { routeApi } from './api-router';
import { FaultSwitches, type FaultAction } from './faults';
import { authorize, parseTokenBody, token as tokenEndpoint } from './oauth-routes';
import { error, html, MAINTENANCE_PAGE, type SimResponse } from './sim-response';
import { SimulatorState } from './state';
import { readBody } from '../core/http/read-body';

export interface SimulatorOptions {
  /**
   * 'api' (default): BCart's API only. 'test' (demo/test mode): also the /__admin control routes and
   * the instant-approve OAuth endpoints (/oauth/authorize, /oauth/token).
   */
  mode?: 'api' | 'test';
  /** default 0 (ephemeral) */
  port?: number;
  /** default 1; same seed (and dates) ⇒ identical shop */
  seed?: number;
  /** number of demo orders, default 200 */
  orders?: number;
  /** JST date of the first order; default 30 days before the clock's today */
  fromDate?: string;
  /** JST date of the last order; default the clock's today */
  toDate?: string;
  /** default true: 300 req / 300 s sliding, the 301st → 429 + 300 s lockout with Retry-After */
  rateLimit?: boolean;
  /** injectable clock (rate limit, token expiry, order dates) */
  clock?: { now(): number };
  /** accepted bearer token (every scope, also guards /__admin); default a random one */
  token?: string;
  /** default 6; when larger, every 50th order gets 7..max lines (the first exactly max) */
  maxLinesPerOrder?: number;
  /** number of orders with 301+ lines (max(301, maxLinesPerOrder)), so /order_products must be paged; default 0 */
  orderLinesOver300?: number;
  /** include the unsupported Paid / カスタム決済(その他) payments (≈1 % of orders); default true */
  includeUnsupported?: boolean;
  /** extra managed sets BULK-00001… (bulk stock tests, the stock-push benchmark); default 0 */
  bulkSets?: number;
  /** OAuth access-token lifetime in seconds, default 3600 */
  accessTokenTtlSeconds?: number;
  /** when set, OAuth requires this client_id */
  oauthClientId?: string;
  /** when set, the token endpoint requires this client_secret */
  oauthClientSecret?: string;
}

export interface RunningSimulator {
  /** base URL of the API, e.g. http://127.0.0.1:PORT/api/v1 */
  url: string;
  /** http://127.0.0.1:PORT (OAuth: `${origin}/oauth/authorize`, `${origin}/oauth/token`) */
  origin: string;
  token: string;
  /** direct in-process access to the data for tests */
  state: SimulatorState;
  faults: FaultSwitches;
  /** /api/v1 requests received (faulted, refused and served ones alike) */
  requestCount(): number;
  close(): Promise<void>;
}

const BODY_LIMIT = 10 * 1024 * 1024;



function write(res: ServerResponse, r: SimResponse): void {
  const body = Buffer.from(r.body, 'utf8');
  res.writeHead(r.status, { ...r.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** The injected response of a fault that answers instead of the API (null: proceed). */
function faultResponse(f: FaultAction): SimResponse | null {
  switch (f.kind) {
    case 'http-error':
      return f.status === 500
        ? error(500, 'server', 'サーバーでエラーが発生しました。しばらくしてから再度実行してください。')
        : html(
            f.status ?? 503,
            `<html><head><title>${f.status ?? 503}</title></head><body><h1>${f.status ?? 503} Service Error</h1></body></html>`,
          );
    case 'rate-limit':
      return error(429, 'rate_limit', 'APIの利用回数の上限を超えました。しばらく待ってから再度実行してください。', {
        'retry-after': String(f.retryAfter ?? 300),
      });
    case 'html-maintenance':
      return html(f.status ?? 503, MAINTENANCE_PAGE);
    case 'unauthorized':
      return error(401, 'token', 'アクセストークンが無効です。');
    default:
      return null;
  }
}

/** The set ids a stock request names: the PATCH body's rows, or ?ids= of a read. */
function setIdsOf(state: SimulatorState, url: URL, rawBody: string): number[] {
  const fromQuery = (url.searchParams.get('ids') ?? url.searchParams.get('id') ?? '').split(',').filter((x) => /^\d+$/.test(x)).map(Number);
  if (fromQuery.length > 0) return fromQuery;
  const single = /\/product_sets\/(\d+)$/.exec(url.pathname);
  if (single) return [Number(single[1])];
  try {
    const body = JSON.parse(rawBody) as unknown;
    const rows = Array.isArray(body) ? body : ((body as Record<string, unknown>)?.['product_sets'] ?? (body as Record<string, unknown>)?.['product_stock']);
    if (!Array.isArray(rows)) return [];
    return rows.flatMap((r: Record<string, unknown>) => {
      if (typeof r?.['id'] === 'number') return [r['id']];
      const set = typeof r?.['product_no'] === 'string' ? state.getSetByNo(r['product_no']) : undefined;
      return set ? [set.id] : [];
    });
  } catch {
    return [];
  }
}

/** buyer-order fault: a buyer orders 1–3 of the request's first managed set (else any managed set). */
function buyerOrderFor(state: SimulatorState, url: URL, rawBody: string): void {
  const managed = (id: number) => {
    const set = state.getSet(id);
    return set !== undefined && set.stock !== null && set.stock_flag === 0;
  };
  const named = setIdsOf(state, url, rawBody).filter(managed);
  const id = named[0] ?? state.productSets.find((s) => managed(s.id))?.id;
  if (id !== undefined) state.buyerOrder(id, 1 + (state.orders.length % 3));
}

/** Starts a simulator on 127.0.0.1. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = opts.clock ?? { now: () => Date.now() };
  // prefixed so a token never starts with '-' (a CLI option parser would take it for an option)
  const token = opts.token ?? `sim_${randomBytes(24).toString('base64url')}`;
  const toDate = opts.toDate ?? jstDateOf(clock.now());
  const fromDate = opts.fromDate ?? addDays(toDate, -30);
  const state = new SimulatorState({
    seed: opts.seed ?? 1,
    orders: opts.orders ?? 200,
    fromDate,
    toDate,
    includeUnsupported: opts.includeUnsupported ?? true,
    maxLinesPerOrder: opts.maxLinesPerOrder ?? 6,
    orderLinesOver300: opts.orderLinesOver300 ?? 0,
    rateLimit: opts.rateLimit ?? true,
    token,
    clock,
    bulkSets: opts.bulkSets ?? 0,
  });
  if (opts.accessTokenTtlSeconds !== undefined) state.auth.accessTokenTtlSeconds = opts.accessTokenTtlSeconds;
  if (opts.oauthClientId !== undefined) state.auth.clientId = opts.oauthClientId;
  if (opts.oauthClientSecret !== undefined) state.auth.clientSecret = opts.oauthClientSecret;
  const faults = new FaultSwitches();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let apiRequests = 0;
  let closing = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    apiRequests++;
    const method = req.method ?? 'GET';
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' ? header.slice(0, 200) : undefined;
    const log = (status: number, fault?: string): void =>
      state.logRequest({ at: clock.now(), method, path: url.pathname, query: url.search, status, ...(fault ? { fault } : {}), ...(requestId ? { requestId } : {}) });
    const fault = faults.decide(url.pathname, method);
    const rawBody = await readBody(req, BODY_LIMIT);
    if (fault?.kind === 'buyer-order' || fault?.buyerOrder) buyerOrderFor(state, url, rawBody);
    if (fault?.kind === 'reset') {
      log(0, 'reset');
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      log(0, 'hang');
      return; // never answered; close() destroys the socket
    }
    if (fault?.kind === 'latency') await sleep(fault.delayMs ?? 1000);
    if (closing) return;
    if (fault?.kind === 'shift') {
      const bounds = orderedAtBounds(url.searchParams);
      state.insertOrderAtFront('min' in bounds && bounds.min !== null ? bounds.min : undefined);
    }
    const injected = fault ? faultResponse(fault) : null;
    if (injected) {
      log(injected.status, fault!.kind);
      write(res, injected);
      return;
    }
    const route = routeApi(method, url.pathname.slice('/api/v1'.length));
    let response: SimResponse;
    if ('status' in route) {
      response = route;
    } else {
      const auth = state.auth.check(req.headers.authorization, route.scope);
      const limit = auth.ok ? state.rateLimiter.hit() : { allowed: true as const };
      if (!auth.ok) response = error(auth.status, auth.field, auth.message);
      else if (!limit.allowed) {
        response = error(
          429,
          'rate_limit',
          'APIの利用回数の上限(300回/300秒)を超えました。Retry-After の秒数だけ待ってから再度実行してください。',
          {
            'retry-after': String(limit.retryAfter ?? 300),
          },
        );
      } else {
        let body: unknown;
        let bad = false;
        if (route.needsBody) {
          try {
            body = rawBody === '' ? undefined : (JSON.parse(rawBody) as unknown);
          } catch {
            bad = true;
          }
        }
        response = bad ? error(400, 'body', 'リクエスト本文のJSONが不正です。') : route.run(state, url.searchParams, body, { requestId: requestId ?? null });
      }
    }
    // the write happened; only the answer goes wrong
    if (fault?.kind === 'apply-then-reset') {
      log(0, fault.kind);
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'apply-then-hang') {
      log(0, fault.kind);
      return;
    }
    if (fault?.kind === 'apply-then-error') {
      const status = fault.status ?? 503;
      log(status, fault.kind);
      write(res, html(status, `<html><head><title>${status}</title></head><body><h1>${status} Service Error</h1></body></html>`));
      return;
    }
    if (fault?.kind === 'malformed-json') {
      log(response.status, 'malformed-json');
      const half = response.body.slice(0, Math.floor(response.body.length / 2));
      write(res, { ...response, body: `${half}}{"` });
      return;
    }
    if (fault?.kind === 'truncated') {
      log(response.status, 'truncated');
      const full = Buffer.from(response.body, 'utf8');
      res.writeHead(response.status, { ...response.headers, 'content-length': String(full.length) });
      res.write(full.subarray(0, Math.max(1, Math.floor(full.length / 2))), () => res.destroy());
      return;
    }
    log(response.status, fault?.kind);
    write(res, response);
  };

  const testMode = opts.mode === 'test';
  let allowedHosts: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const run = async (): Promise<void> => {
      if (!allowedHosts.includes((req.headers.host ?? '').toLowerCase())) {
        return write(res, error(403, 'host', 'このシミュレーターには http://127.0.0.1:<ポート> でアクセスしてください。'));
      }
      if (path === '/api/v1' || path.startsWith('/api/v1/')) return handleApi(req, res, url);
      if (!testMode) return write(res, error(404, 'path', '指定されたURLは存在しません。'));
      if (path.startsWith('/oauth/')) {
        const fault = faults.decide(path);
        if (fault?.kind === 'reset') return void req.socket.destroy();
        if (fault?.kind === 'hang') return;
        if (fault?.kind === 'latency') await sleep(fault.delayMs ?? 1000);
        const injected = fault ? faultResponse(fault) : null;
        if (injected) return write(res, injected);
        const raw = await readBody(req, BODY_LIMIT);
        if (path === '/oauth/authorize' && req.method === 'GET') return write(res, authorize(state.auth, url.searchParams));
        if (path === '/oauth/token' && req.method === 'POST') {
          return write(res, tokenEndpoint(state.auth, req.headers, parseTokenBody(req.headers['content-type'], raw)));
        }
        return write(res, error(404, 'path', '指定されたURLは存在しません。'));
      }
      if (path.startsWith('/__admin/')) {
        const raw = await readBody(req, BODY_LIMIT);
        if (!state.auth.isPrimary(req.headers.authorization)) return write(res, error(401, 'token', '管理用トークンが正しくありません。'));
        let body: unknown;
        try {
          body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
        } catch {
          return write(res, error(400, 'body', 'リクエスト本文のJSONが不正です。'));
        }
        return write(res, handleAdmin(state, faults, req.method ?? 'GET', path.slice('/__admin'.length), body));
      }
      return write(res, error(404, 'path', '指定されたURLは存在しません。'));
    };
    run().catch((e: unknown) => {
      if (res.headersSent || res.destroyed) return void res.destroy();
      write(res, error(500, 'server', `シミュレーター内部エラー: ${e instanceof Error ? e.message : String(e)}`));
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator: no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  allowedHosts = [`127.0.0.1:${address.port}`, `localhost:${address.port}`];
  let closed: Promise<void> | null = null;
  return {
    url: `${origin}/api/v1`,
    origin,
    token,
    state,
    faults,
    requestCount: () => apiRequests,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closed;
    },
  };
}

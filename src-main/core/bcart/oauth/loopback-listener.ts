/**
 * The RFC 8252 §7.3 loopback redirect: a tiny HTTP server on 127.0.0.1 (never 0.0.0.0, never
 * "localhost", which may resolve to another interface) on an OS-assigned port. It lives only for one
 * login: it accepts exactly one request on the callback path, answers the browser with a short
 * Japanese page, and closes; after 5 minutes without an answer it gives up. The `state` check happens
 * here, so a forged redirect never reaches the token endpoint — and it comes first: any web page the
 * user has open can send a request to this port, so a request without this login's state (an
 * `?error=…` one included) is answered 404 and the login keeps waiting, and an error text from the
 * query is shown only when it is one of OAuth's own codes (never text chosen by whoever sent it).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../../src-shared/errors';
import { systemTimers, type Timers } from '../../ports';
import { OAUTH_CALLBACK_PATH, OAUTH_LISTENER_TIMEOUT_MS } from './defaults';

export interface LoopbackOptions {
  /** the `state` sent in the authorize URL; any other value is rejected */
  expectedState: string;
  callbackPath?: string;
  timeoutMs?: number;
  timers?: Timers;
}

export interface LoopbackListener {
  /** http://127.0.0.1:<port><callbackPath> — the redirect_uri of this login */
  redirectUri: string;
  port: number;
  /** the authorization code once the browser returns with the expected state */
  result: Promise<{ code: string }>;
  /** stops listening (idempotent) */
  close(): Promise<void>;
}

function page(title: string, body: string): string {
  const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:sans-serif;margin:4em auto;max-width:36em;color:#222}</style></head><body><h1>${esc(title)}</h1><p>${esc(body)}</p></body></html>`;
}

function oauthFailed(message: string, reason: string): AppError {
  return new AppError('OAUTH_FAILED', message, { details: { reason }, retryable: false });
}

/** RFC 6749 §4.1.2.1 error codes of the authorization endpoint, as the user should read them. */
const AUTHORIZE_ERRORS: Record<string, string> = {
  access_denied:
    'Bカートでのログイン（アクセス許可）がキャンセルされました。連携するには、EC連携設定の「ECサイト認証」をもう一度実行して許可してください。',
  invalid_request: 'Bカートがログインの要求を受け付けませんでした。EC連携設定の認証URLを確認して、「ECサイト認証」をもう一度実行してください。',
  unauthorized_client:
    'このクライアントIDにはBカートへのログインが許可されていません。EC連携設定のクライアントIDを確認して、「ECサイト認証」をもう一度実行してください。',
  unsupported_response_type:
    'Bカートがこのログイン方式に対応していません。EC連携設定の認証URLを確認して、「ECサイト認証」をもう一度実行してください。',
  invalid_scope:
    '要求した権限がBカートのアプリに登録されていません。Bカートのアプリ設定で権限を確認してから、EC連携設定の「ECサイト認証」をもう一度実行してください。',
  server_error: 'Bカート側でエラーが発生したため、ログインできませんでした。時間をおいて、EC連携設定の「ECサイト認証」をもう一度実行してください。',
  temporarily_unavailable:
    'Bカートが一時的にログインを受け付けていません。しばらく待ってから、EC連携設定の「ECサイト認証」をもう一度実行してください。',
};

/** Any other error value: its text came from the query, so it is neither shown nor logged. */
const UNKNOWN_AUTHORIZE_ERROR =
  'Bカートの認証でエラーが返されました。EC連携設定の認証URL・クライアントIDを確認して、「ECサイト認証」をもう一度実行してください。';

function sameState(got: string | null, expected: string): boolean {
  if (got === null) return false;
  const a = Buffer.from(got);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Starts the listener; resolves once it is bound. */
export async function startLoopbackListener(opts: LoopbackOptions): Promise<LoopbackListener> {
  const callbackPath = opts.callbackPath ?? OAUTH_CALLBACK_PATH;
  const timers = opts.timers ?? systemTimers;
  let settle: { resolve: (v: { code: string }) => void; reject: (e: unknown) => void } | null = null;
  const result = new Promise<{ code: string }>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // the caller may close before awaiting; never leave an unhandled rejection behind
  result.catch(() => undefined);
  let handled = false;
  let closed: Promise<void> | null = null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const q = url.searchParams;
    if (handled || req.method !== 'GET' || url.pathname !== callbackPath || !sameState(q.get('state'), opts.expectedState)) {
      // e.g. /favicon.ico, or a request some other page made up: not this login's redirect, keep waiting
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Not Found');
      return;
    }
    handled = true;
    let outcome: { ok: true; code: string } | { ok: false; error: AppError };
    const error = q.get('error');
    if (error !== null) {
      const known = Object.prototype.hasOwnProperty.call(AUTHORIZE_ERRORS, error);
      outcome = {
        ok: false,
        error: known ? oauthFailed(AUTHORIZE_ERRORS[error]!, error) : oauthFailed(UNKNOWN_AUTHORIZE_ERROR, 'unknown_error'),
      };
    } else if (!q.get('code')) {
      outcome = {
        ok: false,
        error: oauthFailed('Bカートから認可コードが返されませんでした。EC連携設定の「ECサイト認証」をもう一度実行してください。', 'no_code'),
      };
    } else {
      outcome = { ok: true, code: q.get('code') as string };
    }
    const html = outcome.ok
      ? page('Bカートの認証が完了しました', 'このタブを閉じて、BCart Desk の画面に戻ってください。')
      : page('Bカートの認証に失敗しました', 'このタブを閉じて、BCart Desk の画面に表示されたメッセージを確認してください。');
    res.writeHead(outcome.ok ? 200 : 400, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
    res.end(html, () => void close());
    if (outcome.ok) settle?.resolve({ code: outcome.code });
    else settle?.reject(outcome.error);
  });

  function close(): Promise<void> {
    if (!closed) {
      timers.clearTimeout(timer);
      closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      settle?.reject(
        oauthFailed('ログインの待ち受けを終了しました。EC連携設定の「ECサイト認証」をもう一度実行してください。', 'closed'),
      );
    }
    return closed;
  }

  const timer = timers.setTimeout(() => {
    settle?.reject(
      oauthFailed(
        'ブラウザでのBカートへのログインが5分以内に完了しませんでした。EC連携設定の「ECサイト認証」をもう一度実行してください。',
        'timeout',
      ),
    );
    void close();
  }, opts.timeoutMs ?? OAUTH_LISTENER_TIMEOUT_MS);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { redirectUri: `http://127.0.0.1:${port}${callbackPath}`, port, result, close };
}

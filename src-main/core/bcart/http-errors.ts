/**
 * Turns BCart HTTP failures into AppErrors with Japanese messages that say what happened and what to
 * do (docs/reliability.md#errors-the-user-meets). Details carry method, path and status for the log — never a token or header.
 */
import { AppError } from '../../../src-shared/errors';
import { RESOURCE_LABELS, type ResourceKey } from './schemas/envelope';

export interface CallInfo {
  method: string;
  path: string;
  resource: ResourceKey;
}

/** Whether a failed call may have changed data on BCart (only matters for writes). */
export type Outcome = 'not_applied' | 'unknown';

function base(call: CallInfo, extra: Record<string, unknown>): Record<string, unknown> {
  return { method: call.method, path: call.path, resource: call.resource, ...extra };
}

function writeOutcome(call: CallInfo, outcome: Outcome): Record<string, unknown> {
  return call.method === 'GET' ? {} : { outcome };
}

const UNKNOWN_WRITE_HINT =
  '更新がBカートに反映されたかどうか確認できないため、自動で再送はしません。在庫反映の画面でBカートの在庫を読み直して状態を確認してください。';

export function unauthorizedError(call: CallInfo): AppError {
  return new AppError(
    'BCART_UNAUTHORIZED',
    'Bカートの認証が切れています。EC連携設定の「ECサイト認証」からもう一度ログインしてください。',
    { details: base(call, { status: 401 }), retryable: false },
  );
}

/** The scope a call needs, named in the message so the user knows which permission to grant. */
export function requiredScope(call: CallInfo): string {
  return `${call.resource}-${call.method === 'GET' ? 'read' : 'write'}`;
}

export function missingScopeError(call: CallInfo): AppError {
  const scope = requiredScope(call);
  return new AppError(
    'BCART_MISSING_SCOPE',
    `Bカートのアクセス権限が不足しているため、${RESOURCE_LABELS[call.resource]}データにアクセスできませんでした。Bカートのアプリ設定で権限「${scope}」を付与してから、EC連携設定の「ECサイト認証」をやり直してください。`,
    { details: base(call, { status: 403, scope }), retryable: false },
  );
}

export function notFoundError(call: CallInfo): AppError {
  return new AppError(
    'NOT_FOUND',
    `Bカートに該当する${RESOURCE_LABELS[call.resource]}データが見つかりませんでした（${call.path}）。Bカート側で削除・変更されていないか確認してください。`,
    { details: base(call, { status: 404 }), retryable: false },
  );
}

export function unavailableError(call: CallInfo, status: number, html: boolean, outcome: Outcome): AppError {
  const why = html ? 'メンテナンス中の案内ページが返されました' : `HTTP ${status}`;
  const write = call.method === 'GET' || outcome === 'not_applied' ? '' : UNKNOWN_WRITE_HINT;
  return new AppError(
    'BCART_UNAVAILABLE',
    `Bカートが一時的に利用できません（${why}）。しばらく待ってからもう一度実行してください。${write}`,
    { details: base(call, { status, html, ...writeOutcome(call, outcome) }), retryable: true },
  );
}

export function badJsonError(call: CallInfo, status: number, outcome: Outcome): AppError {
  const write = call.method === 'GET' ? '' : UNKNOWN_WRITE_HINT;
  return new AppError(
    'BCART_BAD_RESPONSE',
    `Bカートからの応答を読み取れませんでした（データが途中で切れているか、JSONの形式が正しくありません）。時間をおいてもう一度実行してください。${write}`,
    { details: base(call, { status, ...writeOutcome(call, outcome) }), retryable: true },
  );
}

export function networkError(call: CallInfo, reason: string, outcome: Outcome): AppError {
  const write = call.method === 'GET' || outcome === 'not_applied' ? '' : UNKNOWN_WRITE_HINT;
  return new AppError(
    'NETWORK',
    `Bカートに接続できませんでした（${reason}）。インターネット接続を確認して、もう一度実行してください。${write}`,
    { details: base(call, { reason, ...writeOutcome(call, outcome) }), retryable: true },
  );
}

export function timeoutError(call: CallInfo, timeoutMs: number, outcome: Outcome): AppError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const write = call.method === 'GET' ? '' : UNKNOWN_WRITE_HINT;
  return new AppError(
    'TIMEOUT',
    `Bカートから${seconds}秒以内に応答がありませんでした。時間をおいてもう一度実行してください。${write}`,
    { details: base(call, { timeoutMs, ...writeOutcome(call, outcome) }), retryable: true },
  );
}

/** How much of an `errors` envelope is kept: BCart's real ones are a few short lines. */
const ERROR_ENVELOPE_LIMITS = { depth: 8, messages: 20, chars: 300 } as const;

/**
 * Reads BCart's `errors` envelope defensively (docs/bcart-api.md#errors): an array of strings, an array of
 * field→message maps, or one map. Returns "field: message" strings (empty when there is no envelope),
 * at most 20 of at most 300 characters, from at most 8 levels: the envelope comes from the network
 * and is shown to the user and written to the log.
 */
export function errorMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as Record<string, unknown>)['errors'];
  const out: string[] = [];
  const push = (text: string): void => {
    out.push(text.length > ERROR_ENVELOPE_LIMITS.chars ? `${text.slice(0, ERROR_ENVELOPE_LIMITS.chars)}…` : text);
  };
  const add = (v: unknown, depth: number, field?: string): void => {
    if (out.length >= ERROR_ENVELOPE_LIMITS.messages || depth > ERROR_ENVELOPE_LIMITS.depth) return;
    if (typeof v === 'string') push(field ? `${field}: ${v}` : v);
    else if (Array.isArray(v)) for (const x of v) add(x, depth + 1, field);
    else if (typeof v === 'object' && v !== null) {
      for (const k in v) add((v as Record<string, unknown>)[k], depth + 1, field ? `${field}.${k}` : k);
    } else if (typeof v === 'number' || typeof v === 'boolean') push(field ? `${field}: ${String(v)}` : String(v));
  };
  add(errors, 0);
  return out;
}

/** The API answered with a redirect: never followed (the token or a PATCH body would go along). */
export function redirectRefusedError(call: CallInfo, outcome: Outcome): AppError {
  const write = call.method === 'GET' ? '' : UNKNOWN_WRITE_HINT;
  return new AppError(
    'BCART_BAD_RESPONSE',
    `Bカートの API から別のURLへの転送 (リダイレクト) が返されたため、安全のため中止しました (認証情報は転送先に送っていません)。EC連携設定のAPIのURLが正しいか確認してください。${write}`,
    { details: base(call, { reason: 'redirect', ...writeOutcome(call, outcome) }), retryable: false },
  );
}

/** The answer was larger than the client reads (see core/http/bounded-response.ts). */
export function tooLargeError(call: CallInfo, limitBytes: number, limitText: string, outcome: Outcome): AppError {
  const write = call.method === 'GET' ? '' : UNKNOWN_WRITE_HINT;
  return new AppError(
    'BCART_BAD_RESPONSE',
    `Bカートからの応答が大きすぎるため (上限 ${limitText})、読み込みを中止しました。EC連携設定のAPIのURLが正しいか確認し、解決しない場合は取込開始日を近づけて範囲を分けて実行してください。${write}`,
    { details: base(call, { reason: 'too_large', limitBytes, ...writeOutcome(call, outcome) }), retryable: false },
  );
}

export function rejectedError(call: CallInfo, status: number, messages: string[]): AppError {
  const list = messages.length > 0 ? messages.slice(0, 10).join(' / ') : `HTTP ${status}`;
  return new AppError(
    'BCART_REJECTED',
    `Bカートが${RESOURCE_LABELS[call.resource]}データの${call.method === 'GET' ? '取得' : '更新'}を受け付けませんでした（${list}）。内容を確認して修正してから、もう一度実行してください。`,
    { details: base(call, { status, messages, outcome: 'not_applied' }), retryable: false },
  );
}

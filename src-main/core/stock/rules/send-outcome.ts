/**
 * Deciding what happened to a relative stock write (docs/stock-rules.md). A relative "+N" is not
 * idempotent, so a send whose answer was lost must never be repeated blindly:
 * - classifySendError tells "surely not applied" (BCart refused before processing, or it was never
 *   sent) from "outcome unknown" (timeout, connection lost after sending, a 5xx, an unreadable echo);
 * - decideUnknown then reads the set back: applied only when BCart's stock is exactly the stock read
 *   before sending + N and no order touched the set since; not applied only when it still equals the
 *   stock read before and no order touched it; anything else is ambiguous (shown, never resent).
 */
import { isAppError, type AppErrorCode } from '../../../../src-shared/errors';

export type SendErrorClass =
  /** BCart refused these rows (422): split the batch to find the refused set, or fail it */
  | { kind: 'rejected'; messages: string[] }
  /** surely not applied; may be sent again later (rate limit, network refused before sending) */
  | { kind: 'not-applied-retry' }
  /** surely not applied; needs the clerk (authentication, permission, missing set) */
  | { kind: 'not-applied-fail' }
  /** BCart may or may not have applied it: read back and decide */
  | { kind: 'unknown' };

/** Codes that BCart or our own client returns before anything is processed, without an outcome detail. */
const REFUSED_BEFORE_PROCESSING: ReadonlySet<AppErrorCode> = new Set([
  'BCART_UNAUTHORIZED',
  'BCART_MISSING_SCOPE',
  'NOT_FOUND',
  'NOT_CONNECTED',
  'REAUTH_REQUIRED',
  'OAUTH_FAILED',
  'TOKEN_STORE_UNAVAILABLE',
]);

export function classifySendError(err: unknown): SendErrorClass {
  if (!isAppError(err)) return { kind: 'unknown' };
  const outcome = err.details?.['outcome'];
  if (outcome === 'unknown' || outcome === 'partial') return { kind: 'unknown' };
  if (err.code === 'BCART_REJECTED') {
    const messages = err.details?.['messages'];
    return { kind: 'rejected', messages: Array.isArray(messages) ? messages.map(String) : [err.message] };
  }
  // the limiter gives up before sending; a 429 is answered before BCart processes the request
  if (err.code === 'BCART_RATE_LIMITED') return { kind: 'not-applied-retry' };
  if (outcome === 'not_applied') return err.retryable ? { kind: 'not-applied-retry' } : { kind: 'not-applied-fail' };
  if (REFUSED_BEFORE_PROCESSING.has(err.code)) return { kind: 'not-applied-fail' };
  return { kind: 'unknown' };
}

export type UnknownDecision = 'applied' | 'not-applied' | 'ambiguous';

export interface ReadBack {
  /** stock read just before sending */
  before: number;
  /** stock read back now; null when the set is gone or no longer managed */
  after: number | null;
  /** the change sent */
  delta: number;
  /** an order of this set was placed since the read before sending (or could have been) */
  touched: boolean;
}

export function decideUnknown(r: ReadBack): UnknownDecision {
  if (r.after === null || r.touched || r.delta === 0) return 'ambiguous';
  if (r.after === r.before + r.delta) return 'applied';
  if (r.after === r.before) return 'not-applied';
  return 'ambiguous';
}

/** The Japanese reason stored on an ambiguous item. */
export function ambiguousReason(r: ReadBack): string {
  const sent = r.delta > 0 ? `+${r.delta}` : String(r.delta);
  if (r.after === null)
    return `送信（${sent}）の結果が確認できず、読み直したセットが見つからないか在庫管理の対象外になっていました。Bカートの在庫を確認し、在庫照合で補正してください。`;
  if (r.touched) {
    return `送信（${sent}）の結果が確認できず、その間にこのセットの注文が入ったため反映の有無を判定できません（送信前 ${r.before}、現在 ${r.after}）。自動では再送しません。在庫照合で確認して補正してください。`;
  }
  return `送信（${sent}）の結果が確認できず、Bカートの在庫が送信前 ${r.before} から ${r.after} に変わっていて判定できません。自動では再送しません。在庫照合で確認して補正してください。`;
}

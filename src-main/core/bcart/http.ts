/**
 * One BCart HTTP call with everything a call needs: bearer token, Accept header, a timeout per attempt,
 * the shared rate limiter, retries with capped jittered backoff for failures that are safe to repeat,
 * one token refresh on 401, and mapping of every failure to a typed AppError.
 *
 * Writes are special: a relative stock update ("+3") applied twice is wrong, so a PATCH is retried only
 * when BCart surely did not process it (429, 401, connection refused). Any other failure of a write
 * carries details.outcome = 'unknown' and the stock outbox reads the set back instead.
 */
import { isAppError, type AppError } from '../../../src-shared/errors';
import { fetchFailureReason, isRedirectRefused } from '../errors/classify-error';
import type { Clock, Fetch, Logger, Timers } from '../ports';
import { backoffDelay } from './backoff';
import { BodyTooLargeError, formatBytes, jsonNestingExceeds, MAX_ERROR_JSON_DEPTH, MAX_RESPONSE_BYTES, readCappedText } from '../http/bounded-response';
import {
  badJsonError,
  errorMessages,
  missingScopeError,
  networkError,
  notFoundError,
  redirectRefusedError,
  rejectedError,
  timeoutError,
  tooLargeError,
  unauthorizedError,
  unavailableError,
  type CallInfo,
} from './http-errors';
import { parseRetryAfter, rateLimitedError, type RateLimiter } from './rate-limiter';
import type { ResourceKey } from './schemas/envelope';

export interface HttpOptions {
  baseUrl: string;
  getAccessToken: () => Promise<string>;
  fetch: Fetch;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  limiter: RateLimiter;
  /** per attempt, including reading the body (default 30 s) */
  timeoutMs?: number;
  /** retries after the first attempt for retryable failures (default 4) */
  maxRetries?: number;
  /** 429 lockouts one call sits through before giving up (default 3) */
  maxRateLimitRetries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  random?: () => number;
  /** refresh the token once after a 401; true = retry with the new token */
  onUnauthorized?: () => Promise<boolean>;
  /** largest response body read (default 50 MB) */
  maxBodyBytes?: number;
}

export interface RequestSpec {
  method: 'GET' | 'PATCH';
  /** path under baseUrl, e.g. "/orders" */
  path: string;
  resource: ResourceKey;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
  /** X-Request-Id to send (stock writes: the outbox claim, so a send can be traced in logs and BCart's support) */
  requestId?: string;
}

export interface HttpStats {
  /** HTTP requests sent (every attempt counts) */
  requests: number;
  retries: number;
  /** 429 answers received */
  rateLimited: number;
  /** token refreshes triggered by 401 */
  refreshes: number;
}

export interface BcartHttp {
  /** Sends the request and returns the parsed JSON body (null for an empty 2xx body). */
  request(spec: RequestSpec): Promise<unknown>;
  stats(): HttpStats;
}

type AttemptResult =
  | { kind: 'ok'; body: unknown }
  | { kind: 'retry'; error: AppError }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  | { kind: 'unauthorized' }
  | { kind: 'fail'; error: AppError };

class TimeoutSignal extends Error {}

const HTML_RE = /^\s*<(!doctype|html|head|body|\?xml)/i;

function buildUrl(baseUrl: string, path: string, query: RequestSpec['query']): string {
  let url = baseUrl.replace(/\/+$/, '') + path;
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.append(k, String(v));
    const s = qs.toString();
    if (s) url += `?${s}`;
  }
  return url;
}

/** Codes of socket errors where the request never reached the server, so even a write may be resent. */
function neverSent(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } } | null)?.cause;
  const code = cause?.code ?? (err as { code?: string } | null)?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/** Creates the request engine shared by every client method. */
export function createBcartHttp(opts: HttpOptions): BcartHttp {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const maxRetries = opts.maxRetries ?? 4;
  const maxRateLimitRetries = opts.maxRateLimitRetries ?? 3;
  const maxBodyBytes = opts.maxBodyBytes ?? MAX_RESPONSE_BYTES;
  const { clock, timers, limiter } = opts;
  const log = opts.logger;
  const stats: HttpStats = { requests: 0, retries: 0, rateLimited: 0, refreshes: 0 };

  async function attempt(spec: RequestSpec, call: CallInfo, url: string): Promise<AttemptResult> {
    const write = spec.method !== 'GET';
    const token = await opts.getAccessToken();
    const ac = new AbortController();
    const timeoutReason = new TimeoutSignal('timeout');
    const timer = timers.setTimeout(() => ac.abort(timeoutReason), timeoutMs);
    const onUserAbort = (): void => ac.abort(spec.signal?.reason);
    spec.signal?.addEventListener('abort', onUserAbort, { once: true });
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    if (spec.requestId !== undefined) headers['X-Request-Id'] = spec.requestId;
    let status = 0;
    let contentType = '';
    let text: string;
    let retryAfter: string | null = null;
    const started = clock.now();
    try {
      stats.requests++;
      const res = await opts.fetch(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: ac.signal,
        // a redirect would carry the Bearer token (and a PATCH body) to wherever it points
        redirect: 'error',
      });
      status = res.status;
      contentType = res.headers.get('content-type') ?? '';
      retryAfter = res.headers.get('retry-after');
      text = await readCappedText(res, maxBodyBytes);
    } catch (err) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      // both are answers, not transport hiccups: asking again gets the same answer
      if (err instanceof BodyTooLargeError) return { kind: 'fail', error: tooLargeError(call, err.limitBytes, formatBytes(err.limitBytes), 'unknown') };
      if (isRedirectRefused(err)) return { kind: 'fail', error: redirectRefusedError(call, 'unknown') };
      if (ac.signal.aborted && ac.signal.reason === timeoutReason) {
        const e = timeoutError(call, timeoutMs, 'unknown');
        return write ? { kind: 'fail', error: e } : { kind: 'retry', error: e };
      }
      const safe = neverSent(err);
      const e = networkError(call, fetchFailureReason(err), safe ? 'not_applied' : 'unknown');
      return write && !safe ? { kind: 'fail', error: e } : { kind: 'retry', error: e };
    } finally {
      timers.clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onUserAbort);
    }
    log.debug('bcart request', { method: spec.method, path: spec.path, status, ms: clock.now() - started });

    const html = contentType.includes('text/html') || HTML_RE.test(text);
    if (status === 401) return { kind: 'unauthorized' };
    if (status === 429) return { kind: 'rate-limited', retryAfterMs: parseRetryAfter(retryAfter, clock.now()) };
    if (status === 403) return { kind: 'fail', error: missingScopeError(call) };
    if (status === 404) return { kind: 'fail', error: notFoundError(call) };
    if (status >= 500 || (html && status < 400)) {
      const e = unavailableError(call, status, html, 'unknown');
      const transient = status === 502 || status === 503 || status === 504 || html;
      return transient && !write ? { kind: 'retry', error: e } : { kind: 'fail', error: e };
    }
    let body: unknown = null;
    if (status >= 400 && jsonNestingExceeds(text, MAX_ERROR_JSON_DEPTH)) return { kind: 'fail', error: rejectedError(call, status, []) };
    if (text.length > 0 && /\S/.test(text)) {
      try {
        body = JSON.parse(text);
      } catch {
        if (status >= 400) return { kind: 'fail', error: rejectedError(call, status, []) };
        const e = badJsonError(call, status, 'unknown');
        // a cut-off GET body is a transport hiccup: fetching the page again is harmless
        return write ? { kind: 'fail', error: e } : { kind: 'retry', error: e };
      }
    }
    if (status >= 400) return { kind: 'fail', error: rejectedError(call, status, errorMessages(body)) };
    return { kind: 'ok', body };
  }

  async function request(spec: RequestSpec): Promise<unknown> {
    const call: CallInfo = { method: spec.method, path: spec.path, resource: spec.resource };
    const url = buildUrl(opts.baseUrl, spec.path, spec.query);
    let retries = 0;
    let rateRetries = 0;
    let refreshed = false;
    for (;;) {
      await limiter.acquire(spec.signal);
      const r = await attempt(spec, call, url);
      switch (r.kind) {
        case 'ok':
          return r.body;
        case 'fail':
          log.warn('bcart call failed', { method: spec.method, path: spec.path, code: r.error.code });
          throw r.error;
        case 'unauthorized': {
          if (refreshed || !opts.onUnauthorized) throw unauthorizedError(call);
          refreshed = true;
          stats.refreshes++;
          let ok = false;
          try {
            ok = await opts.onUnauthorized();
          } catch (e) {
            // a failed refresh (e.g. invalid_grant → REAUTH_REQUIRED) explains itself better than a bare 401
            if (isAppError(e)) throw e;
            ok = false;
          }
          if (!ok) throw unauthorizedError(call);
          continue;
        }
        case 'rate-limited': {
          stats.rateLimited++;
          limiter.lockout(r.retryAfterMs);
          log.warn('bcart rate limited', { path: spec.path, retryAfterMs: r.retryAfterMs });
          if (++rateRetries > maxRateLimitRetries) throw rateLimitedError(r.retryAfterMs ?? 300_000);
          continue; // acquire() holds the call until the lockout ends (or fails when it is too long)
        }
        case 'retry': {
          if (retries >= maxRetries) {
            log.warn('bcart call failed after retries', { method: spec.method, path: spec.path, code: r.error.code, retries });
            throw r.error;
          }
          const delay = backoffDelay(retries, { baseMs: opts.backoffBaseMs, capMs: opts.backoffCapMs, random: opts.random });
          retries++;
          stats.retries++;
          log.info('bcart retry', { method: spec.method, path: spec.path, code: r.error.code, attempt: retries, delayMs: delay });
          await timers.sleep(delay, spec.signal);
          continue;
        }
      }
    }
  }

  return { request, stats: () => ({ ...stats }) };
}

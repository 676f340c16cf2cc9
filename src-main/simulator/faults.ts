/**
 * Fault switches: a per-request schedule of misbehaviour, for the client's and the import's
 * failure tests (IMP-faults in docs/reliability.md#import-all-or-nothing-once).
 *
 * Rules: `faults.set([{ kind, afterRequests?, count?, path?, method? }])`. Each rule counts the requests whose
 * path starts with its prefix (default "/api/v1"; a prefix like "/orders" is taken as
 * "/api/v1/orders") and, when given, whose method is `method`, skips the first `afterRequests` (default 0) and then hits the next `count`
 * (default 1; a negative number or Infinity = every following request). When several rules hit
 * one request the first in the list wins (all of them still count it), except that a buyer-order
 * hit also happens beside the winning fault (a buyer orders, then the request fails). Random mode
 * (`faults.random({ seed, rate, kinds? })`) hits each matching request with probability `rate`
 * when no rule did, with a seeded generator, so a failing schedule can be replayed from its seed.
 *
 * Kinds:
 * - latency          delay `delayMs` (default 1000) then answer normally
 * - http-error       `status` 500/502/503/504 (default 503; random mode picks one); JSON for 500, HTML otherwise
 * - rate-limit       429 with Retry-After `retryAfter` s (default 300), without a real lockout
 * - malformed-json   200 JSON content type, body is not valid JSON (full Content-Length)
 * - truncated        headers with the full Content-Length, half the body, then the socket is destroyed
 * - html-maintenance HTML maintenance page with `status` 200 or 503 (default 503)
 * - unauthorized     401 with BCart's error envelope (the token "expired" mid-run)
 * - reset            the socket is destroyed without any response
 * - hang             no response at all, ever (close() still ends the connection)
 * - shift            before answering, an order is inserted in front of every other one
 *                    (dated at the request's ordered_at lower bound) so offset pages move by one
 * - apply-then-reset the request is processed (a stock write IS applied), then the socket is
 *                    destroyed without a response: the client cannot know it was applied
 * - apply-then-error processed, then answered with `status` (default 503) HTML, as a gateway that
 *                    failed after the application server wrote
 * - apply-then-hang  processed, then never answered (the client times out)
 * - buyer-order      before the request is processed, a buyer orders 1–3 of one set the request
 *                    names (a stock write's first set, or a random managed set): a concurrent order
 */
import { createRng, type Rng } from './prng';

export type FaultKind =
  | 'latency'
  | 'http-error'
  | 'rate-limit'
  | 'malformed-json'
  | 'truncated'
  | 'html-maintenance'
  | 'unauthorized'
  | 'reset'
  | 'hang'
  | 'shift'
  | 'apply-then-reset'
  | 'apply-then-error'
  | 'apply-then-hang'
  | 'buyer-order';

/** The kinds that misbehave on any request (transport, server, paging). */
export const FAULT_KINDS: readonly FaultKind[] = [
  'latency',
  'http-error',
  'rate-limit',
  'malformed-json',
  'truncated',
  'html-maintenance',
  'unauthorized',
  'reset',
  'hang',
  'shift',
];

/** The kinds about stock writes and the shop changing under them (applied-then-lost, concurrent buyers). */
export const WRITE_FAULT_KINDS: readonly FaultKind[] = ['apply-then-reset', 'apply-then-error', 'apply-then-hang', 'buyer-order'];

/** Kinds random mode uses unless told otherwise (no hang/latency: those need client timeouts). */
export const DEFAULT_RANDOM_KINDS: readonly FaultKind[] = FAULT_KINDS.filter((k) => k !== 'latency' && k !== 'hang');

export interface FaultRule {
  kind: FaultKind;
  /** only requests of this method (GET / PATCH / POST) count */
  method?: string;
  afterRequests?: number;
  count?: number;
  path?: string;
  delayMs?: number;
  status?: number;
  retryAfter?: number;
}

export interface RandomFaultOptions {
  seed: number;
  /** probability per matching request, 0..1 */
  rate: number;
  kinds?: FaultKind[];
  path?: string;
  delayMs?: number;
  /** largest Retry-After (s) of a random 429, default 300 */
  retryAfterMax?: number;
  /** only requests of this method */
  method?: string;
}

/** The fault chosen for one request. */
export interface FaultAction {
  kind: FaultKind;
  /** a buyer-order rule hit the same request: a buyer orders before the fault happens */
  buyerOrder?: boolean;
  status?: number;
  delayMs?: number;
  retryAfter?: number;
}

export interface AppliedFault extends FaultAction {
  /** 1-based index among all requests the switches saw */
  request: number;
  path: string;
}

interface ActiveRule {
  rule: FaultRule;
  prefix: string;
  seen: number;
}

function normalisePrefix(path: string | undefined): string {
  if (!path) return '/api/v1';
  if (path.startsWith('/api/') || path.startsWith('/oauth') || path === '/api') return path;
  return `/api/v1${path.startsWith('/') ? '' : '/'}${path}`;
}

export class FaultSwitches {
  private rules: ActiveRule[] = [];
  private randomMode: { opts: RandomFaultOptions; rng: Rng; prefix: string } | null = null;
  private seenTotal = 0;
  /** every fault applied so far, in order */
  readonly applied: AppliedFault[] = [];

  /** Replaces the schedule with these rules (random mode is kept). */
  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, prefix: normalisePrefix(rule.path), seen: 0 }));
  }

  /** Appends one rule to the schedule. */
  add(rule: FaultRule): void {
    this.rules.push({ rule, prefix: normalisePrefix(rule.path), seen: 0 });
  }

  /** Turns on seeded random faults (replacing a previous random mode). */
  random(opts: RandomFaultOptions): void {
    if (!(opts.rate >= 0 && opts.rate <= 1)) throw new RangeError('rate must be within 0..1');
    this.randomMode = { opts, rng: createRng(opts.seed), prefix: normalisePrefix(opts.path) };
  }

  /** Removes every rule and random mode. */
  clear(): void {
    this.rules = [];
    this.randomMode = null;
  }

  /** Decides the fault of one request (called by the server for every non-admin request). */
  decide(path: string, method = 'GET'): FaultAction | null {
    this.seenTotal++;
    let chosen: FaultAction | null = null;
    let buyer = false;
    for (const r of this.rules) {
      if (!path.startsWith(r.prefix)) continue;
      if (r.rule.method !== undefined && r.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      const idx = r.seen++;
      const after = r.rule.afterRequests ?? 0;
      const count = r.rule.count ?? 1;
      const unlimited = count < 0 || !Number.isFinite(count);
      if (!(idx >= after && (unlimited || idx < after + count))) continue;
      if (r.rule.kind === 'buyer-order') buyer = true;
      else if (chosen === null) chosen = actionOf(r.rule);
    }
    if (buyer) chosen = chosen === null ? { kind: 'buyer-order' } : { ...chosen, buyerOrder: true };
    const rm = this.randomMode;
    if (chosen === null && rm && path.startsWith(rm.prefix) && (rm.opts.method === undefined || rm.opts.method.toUpperCase() === method.toUpperCase())) {
      const { rng, opts } = rm;
      if (rng.next() < opts.rate) {
        const kind = rng.pick(opts.kinds && opts.kinds.length > 0 ? opts.kinds : DEFAULT_RANDOM_KINDS);
        chosen = { kind };
        if (kind === 'http-error' || kind === 'apply-then-error') chosen.status = rng.pick([500, 502, 503, 504]);
        if (kind === 'html-maintenance') chosen.status = rng.pick([200, 503]);
        if (kind === 'rate-limit') chosen.retryAfter = opts.retryAfterMax === undefined ? rng.int(1, 300) : rng.int(0, opts.retryAfterMax);
        if (kind === 'latency') chosen.delayMs = opts.delayMs ?? rng.int(50, 500);
      }
    }
    if (chosen) this.applied.push({ ...chosen, request: this.seenTotal, path });
    return chosen;
  }
}

function actionOf(rule: FaultRule): FaultAction {
  const a: FaultAction = { kind: rule.kind };
  if (rule.kind === 'latency') a.delayMs = rule.delayMs ?? 1000;
  if (rule.kind === 'http-error' || rule.kind === 'apply-then-error') a.status = rule.status ?? 503;
  if (rule.kind === 'html-maintenance') a.status = rule.status ?? 503;
  if (rule.kind === 'rate-limit') a.retryAfter = rule.retryAfter ?? 300;
  return a;
}

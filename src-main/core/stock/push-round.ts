/**
 * One push round of one EC連携設定 (在庫反映, docs/stock-rules.md). The caller holds the setting's
 * lease, so no other process sends these rows. The protocol that makes a crash at any point safe:
 *
 * 1. recover rows left `sending`: without stock_before they were never sent → pending again; with
 *    it the send may have happened → read back and decide (never resend blindly);
 * 2. claim due pending rows, merged per product, ≤ 100 sets, under a new claim id (= X-Request-Id);
 * 3. read the sets; unmanaged sets (stock null / stock_flag 1) are 対象外, unknown ones fail; record
 *    stock_before + read time in one transaction — only then is the request sent;
 * 4. send "+N" / "+-N" (bulk PATCH /product_sets, or PATCH /product_stock by 品番 as a setting):
 *    echo → sent; BCart refused → split the batch until the refused set is alone (it fails);
 *    surely not applied → pending with backoff; outcome unknown → read back: applied only at exactly
 *    before + N with no order of the set since the read, not applied only at before with no order,
 *    else ambiguous (listed for 在庫照合, never resent automatically).
 */
import { jstDateOf, parseJstTimestamp, toJstIso } from '../../../src-shared/domain/jst-date';
import { backoffDelay } from '../bcart/backoff';
import type { BcartClient } from '../bcart/client';
import type { BcartProductSet } from '../bcart/model';
import type { Clock, Logger } from '../ports';
import type { OutboxRepository, OutboxRow } from './outbox-repository';
import { mergePending, relativeValue } from './rules/outbox-changes';
import { ambiguousReason, classifySendError, decideUnknown } from './rules/send-outcome';
import type { StockSettingsRepository } from './stock-settings-repository';

/** Sets per write request (BCart bulk PATCH practice, docs/bcart-api.md#stock-writes). */
export const SETS_PER_REQUEST = 100;

export interface PushRoundDeps {
  outbox: OutboxRepository;
  settings: StockSettingsRepository;
  client: BcartClient;
  clock: Clock;
  logger: Logger;
  now(): string;
  /** runs fn in one immediate transaction */
  transaction<T>(fn: () => T): T;
  newClaimId(): string;
  /** orders placed from (read time − this) make an unknown outcome ambiguous (clock skew margin) */
  orderWindowMs: number;
  backoff: { baseMs: number; capMs: number; random?: () => number };
  signal?: AbortSignal;
  /** send pending rows even while their backoff runs (an explicit 今すぐ送信 / CLI push / 在庫照合) */
  ignoreBackoff?: boolean;
}

export interface RoundResult {
  sent: number;
  failed: number;
  ambiguous: number;
  excluded: number;
  /** rows put back to pending (not applied; sent again after backoff) */
  retried: number;
  /** write requests sent */
  requests: number;
}

/** One set's share of a send. */
interface Group {
  productId: number;
  productNo: string;
  setId: number | null;
  delta: number;
  rowIds: number[];
  stockBefore: number | null;
  readAt: string | null;
}

const isManaged = (s: BcartProductSet | undefined): s is BcartProductSet & { stock: number } =>
  s !== undefined && s.stock !== null && s.stockFlag !== 1;

export async function pushRound(d: PushRoundDeps, settingId: number): Promise<RoundResult> {
  const res: RoundResult = { sent: 0, failed: 0, ambiguous: 0, excluded: 0, retried: 0, requests: 0 };
  const route = d.settings.pushRoute(settingId);

  const backoffAt = (attempts: number) => toJstIso(d.clock.now() + backoffDelay(Math.max(0, attempts - 1), d.backoff));
  /** rows put back to pending in this round */
  const backAgain = new Set<number>();
  const toPending = (groups: Group[], attempts: number) => {
    const ids = groups.flatMap((g) => g.rowIds);
    for (const id of ids) backAgain.add(id);
    d.outbox.set(ids, 'pending', { nextAttemptAt: backoffAt(attempts) }, d.now());
    res.retried += ids.length;
  };
  const fail = (groups: Group[], reason: string) => {
    const ids = groups.flatMap((g) => g.rowIds);
    d.outbox.set(ids, 'failed', { reason }, d.now());
    res.failed += ids.length;
    for (const g of groups)
      d.settings.log(
        'error',
        'STOCK_PUSH_FAILED',
        `在庫反映: 商品 品番「${g.productNo}」の ${signed(g.delta)} を送れませんでした。${reason}`,
        d.now(),
      );
  };

  // 1. recover
  const stale = d.outbox.sending(settingId);
  const neverSent = stale.filter((r) => r.stockBefore === null);
  if (neverSent.length > 0)
    d.outbox.set(
      neverSent.map((r) => r.id),
      'pending',
      { nextAttemptAt: null },
      d.now(),
    );
  const unknown = groupsOf(stale.filter((r) => r.stockBefore !== null));
  if (unknown.length > 0) {
    d.logger.info('stock push: reading back sends left without an outcome', { settingId, sets: unknown.length });
    await resolveUnknown(unknown);
  }

  // 2–4; a row is sent at most once per round (one put back to pending waits for the next round)
  for (;;) {
    if (d.signal?.aborted) break;
    const due = d.outbox.due(settingId, d.ignoreBackoff ? '9999-12-31T23:59:59+09:00' : d.now(), SETS_PER_REQUEST, [...backAgain]);
    if (due.length === 0) break;
    const merged = mergePending(due, SETS_PER_REQUEST);
    const zero = merged.filter((m) => m.delta === 0);
    if (zero.length > 0)
      d.outbox.set(
        zero.flatMap((m) => m.rowIds),
        'resolved',
        { reason: '増減が相殺されたため、送信しませんでした。' },
        d.now(),
      );
    const groups: Group[] = merged.filter((m) => m.delta !== 0).map((m) => ({ ...m, stockBefore: null, readAt: null }));
    if (groups.length === 0) continue;
    const claimId = d.newClaimId();
    const attempts = Math.max(...due.filter((r) => groups.some((g) => g.rowIds.includes(r.id))).map((r) => r.attempts)) + 1;
    d.outbox.claim(
      groups.flatMap((g) => g.rowIds),
      claimId,
      d.now(),
    );
    const ready = await readBefore(groups, attempts);
    if (ready === null) break; // BCart unreachable: everything went back to pending with backoff
    if (ready.length > 0) await send(ready, claimId, attempts);
  }
  return res;

  /** Reads the sets and records stock_before; null when the read failed (rows back to pending). */
  async function readBefore(groups: Group[], attempts: number): Promise<Group[] | null> {
    let sets: Map<number, BcartProductSet>;
    let byNo: Map<string, BcartProductSet>;
    try {
      ({ sets, byNo } = await readSets(groups));
    } catch (e) {
      d.logger.warn('stock push: reading sets before sending failed', { settingId, error: msg(e) });
      toPending(groups, attempts);
      return null;
    }
    const readAt = toJstIso(d.clock.now());
    const ready: Group[] = [];
    d.transaction(() => {
      for (const g of groups) {
        const set = g.setId !== null ? sets.get(g.setId) : byNo.get(g.productNo);
        if (!set && g.setId === null) {
          // 商品連携区分 on: a product BCart does not sell has no set of its 品番 — not an error
          d.outbox.set(
            g.rowIds,
            'excluded',
            {
              reason: `Bカートに品番「${g.productNo}」のセットがないため対象外です（Bカートで販売していない商品）。販売を始めたら再送してください。`,
            },
            d.now(),
          );
          res.excluded += g.rowIds.length;
        } else if (!set) {
          fail(
            [g],
            `Bカートに EC連携商品のセットID ${g.setId}（品番「${g.productNo}」）が見つかりません。セットが削除されていないか確認し、EC連携商品を直してから再送してください。`,
          );
        } else if (!isManaged(set)) {
          d.outbox.set(
            g.rowIds,
            'excluded',
            { setId: set.id, reason: 'Bカートでこのセットの在庫を管理していない（在庫なし・在庫フラグ1）ため、対象外です。' },
            d.now(),
          );
          res.excluded += g.rowIds.length;
        } else {
          d.outbox.recordRead(g.rowIds, { setId: set.id, stockBefore: set.stock, readAt }, d.now());
          ready.push({ ...g, setId: set.id, stockBefore: set.stock, readAt });
        }
      }
    });
    return ready;
  }

  async function send(groups: Group[], requestId: string, attempts: number): Promise<void> {
    const opts = { requestId, ...(d.signal ? { signal: d.signal } : {}) };
    try {
      res.requests++;
      const after = new Map<string, number | null>();
      if (route === 'product_stock') {
        const echo = await d.client.patchProductStock(
          groups.map((g) => ({ productNo: g.productNo, stock: relativeValue(g.delta) })),
          opts,
        );
        for (const r of echo) after.set(`no:${r.productNo}`, r.stock);
      } else {
        const echo = await d.client.patchProductSetStocks(
          groups.map((g) => ({ id: g.setId!, stock: relativeValue(g.delta) })),
          opts,
        );
        for (const r of echo) after.set(`id:${r.id}`, r.stock);
      }
      d.transaction(() => {
        for (const g of groups) {
          const a = after.get(`id:${g.setId}`) ?? after.get(`no:${g.productNo}`) ?? null;
          d.outbox.markSent(g.rowIds, a, null, d.now());
        }
      });
      res.sent += groups.reduce((s, g) => s + g.rowIds.length, 0);
      return;
    } catch (e) {
      const cls = classifySendError(e);
      if (cls.kind === 'rejected') {
        if (groups.length === 1)
          return fail(
            groups,
            `Bカートが更新を受け付けませんでした（${cls.messages.slice(0, 5).join(' / ')}）。内容を確認してから再送してください。`,
          );
        // isolate the refused set: each half is a new request of its own
        const half = Math.ceil(groups.length / 2);
        for (const [i, part] of [groups.slice(0, half), groups.slice(half)].entries()) {
          const id = `${requestId}.${i + 1}`;
          d.outbox.reclaim(
            part.flatMap((g) => g.rowIds),
            id,
            d.now(),
          );
          await send(part, id, attempts);
        }
        return;
      }
      if (cls.kind === 'not-applied-retry') return toPending(groups, attempts);
      if (cls.kind === 'not-applied-fail') return fail(groups, msg(e));
      // unknown: never resend; when we are being stopped the rows stay `sending` for the next round
      if (d.signal?.aborted) return;
      d.logger.warn('stock push: outcome unknown, reading back', { settingId, requestId, error: msg(e) });
      await resolveUnknown(groups);
      return;
    }
  }

  /** Reads back the sets of sends without an outcome and decides; throws (rows stay sending) when BCart cannot be read. */
  async function resolveUnknown(groups: Group[]): Promise<void> {
    const sets = new Map(
      (
        await d.client.getProductSetsByIds(
          groups.map((g) => g.setId!),
          d.signal ? { signal: d.signal } : {},
        )
      ).map((s) => [s.id, s]),
    );
    const since = Math.min(...groups.map((g) => parseJstTimestamp(g.readAt ?? '') ?? d.clock.now())) - d.orderWindowMs;
    const orders = await d.client.listOrders(
      { orderedFrom: jstDateOf(since), orderedTo: jstDateOf(d.clock.now()) },
      d.signal ? { signal: d.signal } : {},
    );
    const touchedSets = new Set<number>();
    const touchedNos = new Set<string>();
    for (const o of orders) {
      if ((parseJstTimestamp(o.orderedAt) ?? 0) < since) continue;
      for (const l of o.orderProducts) {
        if (l.productSetId !== null) touchedSets.add(l.productSetId);
        if (l.productNo.trim() !== '') touchedNos.add(l.productNo.trim());
      }
    }
    d.transaction(() => {
      for (const g of groups) {
        const set = sets.get(g.setId!);
        const readBack = {
          before: g.stockBefore!,
          after: isManaged(set) ? set.stock : null,
          delta: g.delta,
          touched: touchedSets.has(g.setId!) || touchedNos.has(g.productNo),
        };
        const decision = decideUnknown(readBack);
        if (decision === 'applied') {
          d.outbox.set(
            g.rowIds,
            'sent',
            {
              stockAfter: readBack.after,
              sentAt: d.now(),
              reason: '応答が届きませんでしたが、Bカートの在庫を読み直して反映済みを確認しました。',
            },
            d.now(),
          );
          res.sent += g.rowIds.length;
        } else if (decision === 'not-applied') {
          d.outbox.set(
            g.rowIds,
            'pending',
            { nextAttemptAt: backoffAt(1), reason: '応答が届かず、Bカートの在庫を読み直して未反映を確認しました。再送します。' },
            d.now(),
          );
          for (const id of g.rowIds) backAgain.add(id);
          res.retried += g.rowIds.length;
        } else {
          const reason = ambiguousReason(readBack);
          d.outbox.set(g.rowIds, 'ambiguous', { stockAfter: readBack.after, reason }, d.now());
          d.settings.log('warn', 'STOCK_PUSH_AMBIGUOUS', `在庫反映: 品番「${g.productNo}」（セットID ${g.setId}）${reason}`, d.now());
          res.ambiguous += g.rowIds.length;
        }
      }
    });
  }

  /** Reads the sets of the groups: by id when known, else the whole list matched by 品番. */
  async function readSets(groups: Group[]): Promise<{ sets: Map<number, BcartProductSet>; byNo: Map<string, BcartProductSet> }> {
    const o = d.signal ? { signal: d.signal } : {};
    const ids = groups.flatMap((g) => (g.setId !== null ? [g.setId] : []));
    const list = [
      ...(ids.length > 0 ? await d.client.getProductSetsByIds(ids, o) : []),
      // 商品連携区分 on: the set of a 品番 is found in the full list (first set with that 品番)
      ...(groups.some((g) => g.setId === null) ? await d.client.listProductSets(o) : []),
    ];
    const sets = new Map(list.map((s) => [s.id, s]));
    const byNo = new Map<string, BcartProductSet>();
    for (const s of list) if (s.productNo.trim() !== '' && !byNo.has(s.productNo.trim())) byNo.set(s.productNo.trim(), s);
    return { sets, byNo };
  }
}

/** Rows left sending, grouped back into the sends they were part of (claim × product). */
function groupsOf(rows: OutboxRow[]): Group[] {
  const by = new Map<string, Group>();
  for (const r of rows) {
    const key = `${r.claimId}:${r.productId}`;
    const g = by.get(key);
    if (g) {
      g.delta += r.delta;
      g.rowIds.push(r.id);
    } else {
      by.set(key, {
        productId: r.productId,
        productNo: r.productNo,
        setId: r.setId,
        delta: r.delta,
        rowIds: [r.id],
        stockBefore: r.stockBefore,
        readAt: r.readAt,
      });
    }
  }
  return [...by.values()];
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Test/demo control endpoints under /__admin (not BCart's), guarded by the primary token:
 *   GET  /__admin/state                      counts, rate-limit status
 *   POST /__admin/orders                     {"generate":N,"fromDate"?,"toDate"?} | {"order":{…}} | {"orders":[…]}
 *   POST /__admin/logistics/{id}/ship        {"shipment_date"?,"delivery_code"?}
 *   POST /__admin/orders/{id}/cancel         対応状況 キャンセル; the order's goods go back on their sets
 *   POST /__admin/product_sets/{id}          {"stock"?: n|null, "stock_flag"?: 0|1, "refuse_stock"?: bool}
 *                                            (an edit in BCart's admin screen; refuse_stock makes every
 *                                            stock write of the set fail with 422)
 *   GET  /__admin/stock-journal              every applied stock change (api/order/cancel/admin)
 *   POST /__admin/faults                     {"rules":[…]} | {"random":{seed,rate,kinds?}} | {"clear":true}
 *                                            (a rule's "count": -1 = every following request)
 *   POST /__admin/tokens                     {"token","scopes"?,"expires_in"?} registers a bearer token
 *   POST /__admin/tokens/revoke              {"keep_primary"?} revokes every token (要再認証)
 *   POST /__admin/oauth                      {"access_token_ttl"?,"deny_consent"?}
 *   POST /__admin/rate-limit                 {"enabled"?,"reset"?}
 */
import { EMBED_CAP } from './api-orders';
import type { FaultRule, FaultSwitches, RandomFaultOptions } from './faults';
import { error, json, type SimResponse } from './sim-response';
import { SimulatorInputError, type OrderInput, type SimulatorState } from './state';
import type { StoredOrder } from './order-builder';

function completeOrder(o: StoredOrder): unknown {
  return { ...o.order, order_products: o.products.slice(0, EMBED_CAP), logistics: o.logistics.slice(0, EMBED_CAP) };
}

function obj(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Handles one admin request; throws SimulatorInputError for bad input (→ 400). */
export function handleAdmin(state: SimulatorState, faults: FaultSwitches, method: string, subPath: string, body: unknown): SimResponse {
  const segs = subPath.split('/').filter((s) => s !== '');
  const b = obj(body);
  try {
    if (method === 'GET' && segs[0] === 'state' && segs.length === 1) {
      return json(200, { ...state.summary(), faults_applied: faults.applied.length });
    }
    if (method === 'GET' && segs[0] === 'stock-journal' && segs.length === 1) {
      return json(200, { journal: state.stock.journal });
    }
    if (method !== 'POST') return error(405, 'method', `${method} は使用できません。`);
    if (segs[0] === 'orders' && segs.length === 3 && segs[2] === 'cancel' && /^\d+$/.test(segs[1]!)) {
      return json(200, { order: completeOrder(state.cancelOrder(Number(segs[1]))) });
    }
    if (segs[0] === 'product_sets' && segs.length === 2 && /^\d+$/.test(segs[1]!)) {
      const set = state.getSet(Number(segs[1]));
      if (!set) return error(404, 'id', '指定されたセットは存在しません。');
      const values: { stock?: number | null; stockFlag?: number } = {};
      if (b.stock === null || (typeof b.stock === 'number' && Number.isSafeInteger(b.stock))) values.stock = b.stock;
      else if (b.stock !== undefined) return error(400, 'stock', 'stock は整数か null で指定してください。');
      if (b.stock_flag === 0 || b.stock_flag === 1) values.stockFlag = b.stock_flag;
      else if (b.stock_flag !== undefined) return error(400, 'stock_flag', 'stock_flag は 0 か 1 で指定してください。');
      if (values.stock !== undefined || values.stockFlag !== undefined) state.stock.adminSet(set, values);
      if (typeof b.refuse_stock === 'boolean') {
        if (b.refuse_stock) state.stock.refused.add(set.id);
        else state.stock.refused.delete(set.id);
      }
      return json(200, { product_set: set });
    }
    if (segs[0] === 'orders' && segs.length === 1) {
      let created: StoredOrder[];
      if (typeof b.generate === 'number') {
        const range: { fromDate?: string; toDate?: string } = {};
        if (typeof b.fromDate === 'string') range.fromDate = b.fromDate;
        if (typeof b.toDate === 'string') range.toDate = b.toDate;
        created = state.generateOrders(b.generate, range);
      } else if (Array.isArray(b.orders)) {
        created = (b.orders as OrderInput[]).map((o) => state.addOrder(o));
      } else if (typeof b.order === 'object' && b.order !== null) {
        created = [state.addOrder(b.order as OrderInput)];
      } else {
        return error(400, 'orders', '"generate", "order" または "orders" を指定してください。');
      }
      return json(201, { orders: created.map(completeOrder) });
    }
    if (segs[0] === 'logistics' && segs.length === 3 && segs[2] === 'ship' && /^\d+$/.test(segs[1]!)) {
      const opts: { shipmentDate?: string; deliveryCode?: string } = {};
      if (typeof b.shipment_date === 'string') opts.shipmentDate = b.shipment_date;
      if (typeof b.delivery_code === 'string') opts.deliveryCode = b.delivery_code;
      return json(200, { logistic: state.shipLogistic(Number(segs[1]), opts) });
    }
    if (segs[0] === 'faults' && segs.length === 1) {
      if (b.clear === true) faults.clear();
      if (Array.isArray(b.rules)) faults.set(b.rules as FaultRule[]);
      if (typeof b.random === 'object' && b.random !== null) faults.random(b.random as RandomFaultOptions);
      return json(200, { ok: true });
    }
    if (segs[0] === 'tokens' && segs.length === 1) {
      if (typeof b.token !== 'string' || b.token === '') return error(400, 'token', 'token を指定してください。');
      const opts: { scopes?: string[]; expiresInSeconds?: number } = {};
      if (Array.isArray(b.scopes)) opts.scopes = b.scopes.map(String);
      if (typeof b.expires_in === 'number') opts.expiresInSeconds = b.expires_in;
      state.auth.registerToken(b.token, opts);
      return json(201, { ok: true });
    }
    if (segs[0] === 'tokens' && segs[1] === 'revoke' && segs.length === 2) {
      state.auth.revokeAllTokens({ keepPrimary: b.keep_primary === true });
      return json(200, { ok: true });
    }
    if (segs[0] === 'oauth' && segs.length === 1) {
      if (typeof b.access_token_ttl === 'number') state.auth.accessTokenTtlSeconds = b.access_token_ttl;
      if (typeof b.deny_consent === 'boolean') state.auth.denyConsent = b.deny_consent;
      return json(200, { ok: true });
    }
    if (segs[0] === 'rate-limit' && segs.length === 1) {
      if (typeof b.enabled === 'boolean') state.rateLimiter.enabled = b.enabled;
      if (b.reset === true) state.rateLimiter.reset();
      return json(200, { ok: true });
    }
    return error(404, 'path', '指定されたURLは存在しません。');
  } catch (e) {
    if (e instanceof SimulatorInputError || e instanceof RangeError)
      return error(400, e instanceof SimulatorInputError ? e.field : 'request', e.message);
    throw e;
  }
}

/**
 * GET /orders, /order_products, /logistics (and their /{id}), PATCH /orders/{id} and
 * /logistics/{id}. `complete=1` embeds related rows, capped at 300 each (docs/bcart-api.md#paging-and-embedded-lists): lines
 * beyond the 300th are only reachable through /order_products?order_id=….
 */
import type { StoredOrder } from './order-builder';
import { pageOf, readIds, readPaging } from './paging';
import { error, json, type SimResponse } from './sim-response';
import type { SimulatorState } from './state';
import type { WireLogistic } from './wire-types';
import { parseFilterTimestamp } from './wire-time';

/** BCart's cap on embedded rows with complete=1. */
export const EMBED_CAP = 300;

function isComplete(q: URLSearchParams): boolean {
  const v = q.get('complete');
  return v === '1' || v === 'true';
}

function orderJson(o: StoredOrder, complete: boolean): unknown {
  if (!complete) return o.order;
  return { ...o.order, order_products: o.products.slice(0, EMBED_CAP), logistics: o.logistics.slice(0, EMBED_CAP) };
}

type Pred<T> = (row: T) => boolean;

/** Lower/upper ordered_at bounds from both spellings (_min/_max and __gte/__lte). */
export function orderedAtBounds(q: URLSearchParams): { min: string | null; max: string | null } | SimResponse {
  let min: string | null = null;
  let max: string | null = null;
  for (const name of ['ordered_at_min', 'ordered_at__gte']) {
    const v = q.get(name);
    if (v === null || v === '') continue;
    const t = parseFilterTimestamp(v, 'lower');
    if (t === null) return error(400, name, '日時は YYYY-MM-DD HH:MM:SS 形式で指定してください。');
    if (min === null || t > min) min = t;
  }
  for (const name of ['ordered_at_max', 'ordered_at__lte']) {
    const v = q.get(name);
    if (v === null || v === '') continue;
    const t = parseFilterTimestamp(v, 'upper');
    if (t === null) return error(400, name, '日時は YYYY-MM-DD HH:MM:SS 形式で指定してください。');
    if (max === null || t < max) max = t;
  }
  return { min, max };
}

/** GET /orders */
export function listOrders(state: SimulatorState, q: URLSearchParams): SimResponse {
  const paging = readPaging(q);
  if ('status' in paging) return paging;
  const bounds = orderedAtBounds(q);
  if ('status' in bounds) return bounds;
  const preds: Pred<StoredOrder>[] = [];
  if (bounds.min !== null) preds.push((o) => o.order.ordered_at >= bounds.min!);
  if (bounds.max !== null) preds.push((o) => o.order.ordered_at <= bounds.max!);
  const status = q.get('status');
  if (status) preds.push((o) => o.order.status === status);
  const code = q.get('code');
  if (code) preds.push((o) => o.order.code === code);
  const idsParam = q.get('ids') ?? q.get('id');
  if (idsParam) {
    const ids = readIds(idsParam);
    if (!ids) return error(400, 'ids', 'idsは数値をカンマ区切りで指定してください。');
    const set = new Set(ids);
    preds.push((o) => set.has(o.order.id));
  }
  const rows = preds.length === 0 ? state.orders : state.orders.filter((o) => preds.every((p) => p(o)));
  const complete = isComplete(q);
  const served: number[] = [];
  const res = json(
    200,
    pageOf('orders', rows, paging, (o) => {
      served.push(o.order.id);
      return orderJson(o, complete);
    }),
  );
  state.noteServed(served);
  return res;
}

/** GET /orders/{id} */
export function getOrder(state: SimulatorState, id: number, q: URLSearchParams): SimResponse {
  const o = state.getOrder(id);
  if (!o) return error(404, 'id', '指定された受注は存在しません。');
  const res = json(200, { order: orderJson(o, isComplete(q)) });
  state.noteServed([id]);
  return res;
}

/** PATCH /orders/{id}: status / memo / admin_message */
export function patchOrder(state: SimulatorState, id: number, body: unknown): SimResponse {
  const o = state.getOrder(id);
  if (!o) return error(404, 'id', '指定された受注は存在しません。');
  if (typeof body !== 'object' || body === null) return error(422, 'order', '更新内容を指定してください。');
  const b = body as Record<string, unknown>;
  for (const key of ['status', 'memo', 'admin_message'] as const) {
    if (b[key] !== undefined) {
      if (typeof b[key] !== 'string') return error(422, key, `${key}は文字列で指定してください。`);
      o.order[key] = b[key];
    }
  }
  return json(200, { order: o.order });
}

/** GET /order_products */
export function listOrderProducts(state: SimulatorState, q: URLSearchParams): SimResponse {
  const paging = readPaging(q);
  if ('status' in paging) return paging;
  const orderId = q.get('order_id');
  let rows;
  if (orderId) {
    if (!/^\d+$/.test(orderId)) return error(400, 'order_id', 'order_idは数値で指定してください。');
    rows = state.getOrder(Number(orderId))?.products ?? [];
  } else {
    rows = state.allOrderProducts();
  }
  const logisticsId = q.get('logistics_id');
  if (logisticsId) rows = rows.filter((r) => String(r.logistics_id) === logisticsId);
  const idsParam = q.get('ids') ?? q.get('id');
  if (idsParam) {
    const ids = readIds(idsParam);
    if (!ids) return error(400, 'ids', 'idsは数値をカンマ区切りで指定してください。');
    const set = new Set(ids);
    rows = rows.filter((r) => set.has(r.id));
  }
  return json(200, pageOf('order_products', rows, paging));
}

/** GET /order_products/{id} */
export function getOrderProduct(state: SimulatorState, id: number): SimResponse {
  const row = state.allOrderProducts().find((r) => r.id === id);
  if (!row) return error(404, 'id', '指定された受注商品は存在しません。');
  return json(200, { order_product: row });
}

function logisticJson(state: SimulatorState, id: number, complete: boolean): unknown {
  const found = state.getLogistic(id)!;
  if (!complete) return found.logistic;
  return {
    ...found.logistic,
    order: found.order.order,
    order_products: found.order.products.filter((p) => p.logistics_id === id).slice(0, EMBED_CAP),
  };
}

/**
 * GET /logistics: filters id/ids, order_id, status, shipment_date bounds. `order_id` is an ASSUMPTION
 * (docs/bcart-api.md#paging-and-embedded-lists: only `id` is known to filter /logistics): it lists one
 * order's shipments, which the client needs when an order's embedded `logistics` hit the 300 cap.
 */
export function listLogistics(state: SimulatorState, q: URLSearchParams): SimResponse {
  const paging = readPaging(q);
  if ('status' in paging) return paging;
  let rows: WireLogistic[];
  const orderId = q.get('order_id');
  if (orderId) {
    if (!/^\d+$/.test(orderId)) return error(400, 'order_id', 'order_idは数値で指定してください。');
    rows = [...(state.getOrder(Number(orderId))?.logistics ?? [])].sort((a, b) => a.id - b.id);
  } else {
    rows = state.allLogistics();
  }
  const idsParam = q.get('id') ?? q.get('ids');
  if (idsParam) {
    const ids = readIds(idsParam);
    if (!ids) return error(400, 'id', 'idは数値をカンマ区切りで指定してください。');
    const set = new Set(ids);
    rows = rows.filter((r) => set.has(r.id));
  }
  const status = q.get('status');
  if (status) rows = rows.filter((r) => r.status === status);
  const from = q.get('shipment_date__gte') ?? q.get('shipment_date_min');
  if (from) rows = rows.filter((r) => r.shipment_date !== null && r.shipment_date >= from.slice(0, 10));
  const to = q.get('shipment_date__lte') ?? q.get('shipment_date_max');
  if (to) rows = rows.filter((r) => r.shipment_date !== null && r.shipment_date <= to.slice(0, 10));
  const complete = isComplete(q);
  return json(
    200,
    pageOf('logistics', rows, paging, (r) => logisticJson(state, r.id, complete)),
  );
}

/** GET /logistics/{id} → {"logistic":…} (singular, sic) */
export function getLogistic(state: SimulatorState, id: number, q: URLSearchParams): SimResponse {
  if (!state.getLogistic(id)) return error(404, 'id', '指定された発送情報は存在しません。');
  return json(200, { logistic: logisticJson(state, id, isComplete(q)) });
}

/** PATCH /logistics/{id}: status / shipment_date / delivery_code */
export function patchLogistic(state: SimulatorState, id: number, body: unknown): SimResponse {
  const found = state.getLogistic(id);
  if (!found) return error(404, 'id', '指定された発送情報は存在しません。');
  if (typeof body !== 'object' || body === null) return error(422, 'logistic', '更新内容を指定してください。');
  const b = body as Record<string, unknown>;
  const l = found.logistic;
  if (b.status !== undefined && !['未発送', '発送指示', '発送済'].includes(String(b.status))) {
    return error(422, 'status', '発送状況は 未発送 / 発送指示 / 発送済 のいずれかで指定してください。');
  }
  if (b.shipment_date !== undefined && b.shipment_date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(b.shipment_date))) {
    return error(422, 'shipment_date', '発送日は YYYY-MM-DD 形式で指定してください。');
  }
  if (b.status === '発送済') {
    state.shipLogistic(id, {
      ...(typeof b.shipment_date === 'string' ? { shipmentDate: b.shipment_date } : {}),
      ...(typeof b.delivery_code === 'string' ? { deliveryCode: b.delivery_code } : {}),
    });
  } else {
    if (b.status !== undefined) l.status = String(b.status);
    if (b.shipment_date !== undefined) l.shipment_date = b.shipment_date === null ? null : String(b.shipment_date);
    if (typeof b.delivery_code === 'string') l.delivery_code = b.delivery_code;
  }
  return json(200, { logistic: l });
}

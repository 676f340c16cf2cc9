/**
 * GET/PATCH /product_sets, GET/PATCH /product_stock, GET /products, GET /customers.
 * Stock writes follow docs/bcart-api.md#stock-writes ("+N" adds, "+-N" subtracts, a number overwrites) and are
 * atomic per request: one invalid row → 422 with the errors envelope and nothing changes
 * (BCart's partial behaviour is unknown; all-or-nothing is the stricter, testable choice).
 */
import type { RequestMeta } from './api-router';
import { pageOf, readIds, readPaging } from './paging';
import { error, errors, json, type SimResponse } from './sim-response';
import type { SimulatorState } from './state';
import type { WireProductSet, WireProductStock } from './wire-types';

/** Max rows of a bulk stock PATCH (the integrator practice of batches of 100). */
export const MAX_BULK_ROWS = 100;

function filterByIds<T extends { id: number }>(rows: T[], q: URLSearchParams): T[] | SimResponse {
  const idsParam = q.get('ids') ?? q.get('id');
  if (!idsParam) return rows;
  const ids = readIds(idsParam);
  if (!ids) return error(400, 'ids', 'idsは数値をカンマ区切りで指定してください。');
  const set = new Set(ids);
  return rows.filter((r) => set.has(r.id));
}

/** GET /product_sets: filters id/ids, product_id, product_no */
export function listProductSets(state: SimulatorState, q: URLSearchParams): SimResponse {
  const paging = readPaging(q);
  if ('status' in paging) return paging;
  let rows = filterByIds(state.productSets, q);
  if ('status' in rows) return rows;
  const productId = q.get('product_id');
  if (productId) rows = rows.filter((r) => String(r.product_id) === productId);
  const productNo = q.get('product_no');
  if (productNo) rows = rows.filter((r) => r.product_no === productNo);
  return json(200, pageOf('product_sets', rows, paging));
}

/** GET /product_sets/{id} */
export function getProductSet(state: SimulatorState, id: number): SimResponse {
  const set = state.getSet(id);
  if (!set) return error(404, 'id', '指定されたセットは存在しません。');
  return json(200, { product_set: set });
}

function objectRows(body: unknown, key: string): Record<string, unknown>[] | null {
  const list = Array.isArray(body) ? body : typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return null;
  if (list.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) return null;
  return list as Record<string, unknown>[];
}

/** PATCH /product_sets  {"product_sets":[{"id":1,"stock":"+3"},…]} (max 100 rows) */
export function patchProductSets(state: SimulatorState, body: unknown, meta: RequestMeta = { requestId: null }): SimResponse {
  const rows = objectRows(body, 'product_sets');
  if (!rows || rows.length === 0) return error(422, 'product_sets', 'product_sets に更新するセットを指定してください。');
  if (rows.length > MAX_BULK_ROWS) return error(422, 'product_sets', `一度に更新できるのは${MAX_BULK_ROWS}件までです。`);
  const invalidId = rows.findIndex((r) => typeof r.id !== 'number' && !(typeof r.id === 'string' && /^\d+$/.test(r.id)));
  if (invalidId >= 0) return error(422, 'id', 'セットIDを数値で指定してください。');
  const result = state.applyStock(
    rows.map((r) => ({ key: { id: Number(r.id) }, stock: r.stock, stockFlag: r.stock_flag })),
    meta.requestId,
  );
  if (!result.ok) return errors(422, result.errors);
  return json(200, { product_sets: result.sets });
}

/** PATCH /product_sets/{id}  {"stock": …} */
export function patchProductSet(state: SimulatorState, id: number, body: unknown, meta: RequestMeta = { requestId: null }): SimResponse {
  if (!state.getSet(id)) return error(404, 'id', '指定されたセットは存在しません。');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(422, 'stock', '更新内容を指定してください。');
  const b = body as Record<string, unknown>;
  const result = state.applyStock([{ key: { id }, stock: b.stock, stockFlag: b.stock_flag }], meta.requestId);
  if (!result.ok) return errors(422, result.errors);
  return json(200, { product_set: result.sets[0] });
}

function stockRow(s: WireProductSet): WireProductStock {
  return {
    id: s.id,
    product_id: s.product_id,
    product_no: s.product_no,
    name: s.name,
    stock: s.stock,
    stock_flag: s.stock_flag,
    stock_parent: null,
  };
}

/** GET /product_stock: filter product_no */
export function listProductStock(state: SimulatorState, q: URLSearchParams): SimResponse {
  const paging = readPaging(q);
  if ('status' in paging) return paging;
  let rows = state.productSets;
  const productNo = q.get('product_no');
  if (productNo) {
    const wanted = new Set(productNo.split(','));
    rows = rows.filter((r) => wanted.has(r.product_no));
  }
  return json(200, pageOf('product_stock', rows, paging, stockRow));
}

/** GET /product_stock/{product_no} → {"product_stock":{…}}; unknown 品番 → 404 */
export function getProductStock(state: SimulatorState, productNo: string): SimResponse {
  const set = state.getSetByNo(productNo);
  if (!set) return error(404, 'product_no', '指定された品番は存在しません。');
  return json(200, { product_stock: stockRow(set) });
}

/** PATCH /product_stock  {"product_stock":[{"product_no":"X","stock":"+2"}]} or a bare array */
export function patchProductStock(state: SimulatorState, body: unknown, meta: RequestMeta = { requestId: null }): SimResponse {
  const rows = objectRows(body, 'product_stock');
  if (!rows || rows.length === 0) return error(422, 'product_stock', 'product_stock に更新する品番を指定してください。');
  if (rows.length > MAX_BULK_ROWS) return error(422, 'product_stock', `一度に更新できるのは${MAX_BULK_ROWS}件までです。`);
  if (rows.some((r) => typeof r.product_no !== 'string' || r.product_no === '')) {
    return error(422, 'product_no', '品番を指定してください。');
  }
  const result = state.applyStock(
    rows.map((r) => ({ key: { productNo: String(r.product_no) }, stock: r.stock, stockFlag: r.stock_flag })),
    meta.requestId,
  );
  if (!result.ok) return errors(422, result.errors);
  return json(200, { product_stock: result.sets.map(stockRow) });
}

/** GET /products: filters id/ids, main_no */
export function listProducts(state: SimulatorState, q: URLSearchParams): SimResponse {
  const paging = readPaging(q);
  if ('status' in paging) return paging;
  let rows = filterByIds(state.products, q);
  if ('status' in rows) return rows;
  const mainNo = q.get('main_no');
  if (mainNo) rows = rows.filter((r) => r.main_no === mainNo);
  return json(200, pageOf('products', rows, paging));
}

/** GET /products/{id} */
export function getProduct(state: SimulatorState, id: number): SimResponse {
  const p = state.getProduct(id);
  if (!p) return error(404, 'id', '指定された商品は存在しません。');
  return json(200, { product: p });
}

/** GET /customers: filters id/ids, ext_id */
export function listCustomers(state: SimulatorState, q: URLSearchParams): SimResponse {
  const paging = readPaging(q);
  if ('status' in paging) return paging;
  let rows = filterByIds(state.customers, q);
  if ('status' in rows) return rows;
  const extId = q.get('ext_id');
  if (extId !== null) rows = rows.filter((r) => r.ext_id === extId);
  return json(200, pageOf('customers', rows, paging));
}

/** GET /customers/{id} → {"customer":…} */
export function getCustomer(state: SimulatorState, id: number): SimResponse {
  const c = state.getCustomer(id);
  if (!c) return error(404, 'id', '指定された会員は存在しません。');
  return json(200, { customer: c });
}

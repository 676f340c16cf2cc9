/**
 * Maps "/api/v1/<resource>[/<key>]" + method to a handler and the scope it needs
 * (`<resource>-read` for GET, `<resource>-write` for PATCH). Unknown query parameters are
 * ignored, as the real API does (docs/bcart-api.md#filters).
 */
import * as catalog from './api-catalog';
import * as orders from './api-orders';
import { error, type SimResponse } from './sim-response';
import type { SimulatorState } from './state';

/** Request facts a handler may need besides query and body. */
export interface RequestMeta {
  /** X-Request-Id header (journaled with stock writes), null when absent */
  requestId: string | null;
}

export interface ApiRoute {
  scope: string;
  /** whether the handler reads a JSON body */
  needsBody: boolean;
  run(state: SimulatorState, q: URLSearchParams, body: unknown, meta: RequestMeta): SimResponse;
}

type Handlers = {
  list?: (s: SimulatorState, q: URLSearchParams) => SimResponse;
  get?: (s: SimulatorState, key: string, q: URLSearchParams) => SimResponse | null;
  patchMany?: (s: SimulatorState, body: unknown, meta: RequestMeta) => SimResponse;
  patchOne?: (s: SimulatorState, key: string, body: unknown, meta: RequestMeta) => SimResponse | null;
};

const numeric = (key: string): number | null => (/^\d+$/.test(key) ? Number(key) : null);
const byId =
  <A extends unknown[]>(fn: (s: SimulatorState, id: number, ...rest: A) => SimResponse) =>
  (s: SimulatorState, key: string, ...rest: A): SimResponse | null => {
    const id = numeric(key);
    return id === null ? null : fn(s, id, ...rest);
  };

/** A resource read as a list and by id, and written one record at a time (受注, 出荷). */
const listGetPatch = (
  list: (s: SimulatorState, q: URLSearchParams) => SimResponse,
  get: (s: SimulatorState, id: number, q: URLSearchParams) => SimResponse,
  patch: (s: SimulatorState, id: number, body: unknown) => SimResponse,
): Handlers => ({ list, get: byId(get), patchOne: byId(patch) });

const RESOURCES: Record<string, Handlers> = {
  orders: listGetPatch(orders.listOrders, orders.getOrder, orders.patchOrder),
  order_products: {
    list: orders.listOrderProducts,
    get: byId((s, id) => orders.getOrderProduct(s, id)),
  },
  logistics: listGetPatch(orders.listLogistics, orders.getLogistic, orders.patchLogistic),
  product_sets: {
    list: catalog.listProductSets,
    get: byId((s, id) => catalog.getProductSet(s, id)),
    patchMany: catalog.patchProductSets,
    patchOne: byId((s, id, body: unknown, meta: RequestMeta) => catalog.patchProductSet(s, id, body, meta)),
  },
  product_stock: {
    list: catalog.listProductStock,
    get: (s, key) => catalog.getProductStock(s, key),
    patchMany: catalog.patchProductStock,
  },
  products: {
    list: catalog.listProducts,
    get: byId((s, id) => catalog.getProduct(s, id)),
  },
  customers: {
    list: catalog.listCustomers,
    get: byId((s, id) => catalog.getCustomer(s, id)),
  },
};

const notFound = (): SimResponse => error(404, 'path', '指定されたURLは存在しません。');

/** Finds the route for a path below /api/v1 ("/orders/10001"); a SimResponse for 404/405. */
export function routeApi(method: string, subPath: string): ApiRoute | SimResponse {
  const segs = subPath.split('/').filter((s) => s !== '');
  if (segs.length < 1 || segs.length > 2) return notFound();
  const resource = segs[0]!;
  const h = RESOURCES[resource];
  if (!h) return notFound();
  const key = segs.length === 2 ? decodeURIComponent(segs[1]!) : null;
  const fail = (): SimResponse => (key === null ? notFound() : error(404, 'id', '指定されたデータは存在しません。'));
  if (method === 'GET') {
    if (key === null && h.list) {
      const list = h.list;
      return { scope: `${resource}-read`, needsBody: false, run: (s, q) => list(s, q) };
    }
    if (key !== null && h.get) {
      const get = h.get;
      return { scope: `${resource}-read`, needsBody: false, run: (s, q) => get(s, key, q) ?? fail() };
    }
  }
  if (method === 'PATCH') {
    if (key === null && h.patchMany) {
      const patch = h.patchMany;
      return { scope: `${resource}-write`, needsBody: true, run: (s, _q, body, meta) => patch(s, body, meta) };
    }
    if (key !== null && h.patchOne) {
      const patch = h.patchOne;
      return { scope: `${resource}-write`, needsBody: true, run: (s, _q, body, meta) => patch(s, key, body, meta) ?? fail() };
    }
  }
  return error(405, 'method', `${method} はこのURLでは使用できません。`);
}

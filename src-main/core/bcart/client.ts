/**
 * BCart API client: typed, rate-limited, retrying reads of orders, lines, shipments, sets, stock,
 * customers and products, and the stock writes the outbox needs. Every response is parsed once by the
 * zod schemas in ./schemas; callers only ever see the model types or an AppError.
 */
import type { AppError } from '../../../src-shared/errors';
import { createBcartHttp, type HttpOptions, type HttpStats, type RequestSpec } from './http';
import { errorMessages, rejectedError } from './http-errors';
import { scopesFromJwt } from './jwt-scopes';
import type {
  BcartCustomer,
  BcartLogistics,
  BcartOrder,
  BcartOrderProduct,
  BcartProduct,
  BcartProductSet,
  BcartProductStock,
  ProductSetStockPatch,
  ProductStockPatch,
  StockValue,
} from './model';
import { createProductStockApi } from './product-stock-api';
import { createRateLimiter, type RateLimiter } from './rate-limiter';
import {
  badResponse,
  customerWire,
  logisticsWire,
  logisticsWithOrderWire,
  orderProductWire,
  orderWire,
  parseList,
  parseOne,
  productSetWire,
  productStockWire,
  productWire,
  type ResourceKey,
} from './schemas';
import type { z } from 'zod';
import { echoOf, withDetails } from './write-details';

/** BCart's page size cap (docs/bcart-api.md#paging-and-embedded-lists). */
export const PAGE_LIMIT = 100;
/** `complete=1` embeds at most this many lines per order (docs/bcart-api.md#paging-and-embedded-lists). */
export const EMBED_CAP = 300;
/** Safety stop for offset paging (a shop with more rows than this in one list is not expected). */
const MAX_ROWS = 1_000_000;
/** Bulk PATCH batch size used by integrators (docs/bcart-api.md#stock-writes). */
export const PATCH_BATCH = 100;
/** Ids per `GET /orders?ids=…` request: keeps a long watch list's URL short (≈ 700 characters per request). */
export const IDS_PER_REQUEST = 100;

export interface BcartProgress {
  requests: number;
  pagesFetched: number;
  items: number;
  total: number | null;
}

/** The client takes the HTTP layer's options (one list, core/bcart/http.ts) with its own limiter made optional. */
export interface BcartClientOptions extends Omit<HttpOptions, 'limiter'> {
  /** requests per sliding 300 s window (default 250); ignored when `limiter` is given */
  rateBudget?: number;
  /** a limiter shared with other clients of the same shop */
  limiter?: RateLimiter;
  /** longest 429 lockout / budget wait accepted before BCART_RATE_LIMITED (default 10 min) */
  maxRateLimitWaitMs?: number;
  onProgress?: (p: BcartProgress) => void;
}

export interface OrderFilter {
  /** JST date YYYY-MM-DD, inclusive (受注日) */
  orderedFrom?: string;
  /** JST date YYYY-MM-DD, inclusive */
  orderedTo?: string;
  /** 対応状況 name */
  status?: string;
  /** 受注番号 */
  code?: string;
  ids?: number[];
}

export interface LogisticsFilter {
  ids?: number[];
  /** 発送状況, e.g. 発送済 */
  status?: string;
  /** JST dates, inclusive (発送日) */
  shipmentFrom?: string;
  shipmentTo?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** sent as X-Request-Id on writes (the stock outbox passes its claim id) */
  requestId?: string;
}

export interface BcartPing {
  ok: true;
  latencyMs: number;
  /** meta.total of /orders */
  ordersTotal: number | null;
  /** scopes read from the token when it is a JWT (personal access token), else null */
  scopes: string[] | null;
}

export type BcartClientStats = HttpStats;

export interface BcartClient {
  listOrders(filter: OrderFilter, opts?: CallOptions): Promise<BcartOrder[]>;
  getOrder(id: number, opts?: CallOptions): Promise<BcartOrder | null>;
  listOrderProducts(orderId: number, opts?: CallOptions): Promise<BcartOrderProduct[]>;
  listLogistics(filter?: LogisticsFilter, opts?: CallOptions): Promise<BcartLogistics[]>;
  listProductSets(opts?: CallOptions): Promise<BcartProductSet[]>;
  getProductSet(id: number, opts?: CallOptions): Promise<BcartProductSet>;
  /**
   * The sets with these ids (any not returned do not exist). Asks with `ids=` 100 at a time; BCart
   * ignores filters it does not know (docs/bcart-api.md#filters), so rows are filtered here and an ignored
   * filter costs a walk over every set, never a wrong answer.
   */
  getProductSetsByIds(ids: readonly number[], opts?: CallOptions): Promise<BcartProductSet[]>;
  listProductStock(opts?: CallOptions): Promise<BcartProductStock[]>;
  listCustomers(opts?: CallOptions): Promise<BcartCustomer[]>;
  listProducts(opts?: CallOptions): Promise<BcartProduct[]>;
  patchProductSetStocks(patches: ProductSetStockPatch[], opts?: CallOptions): Promise<BcartProductSet[]>;
  patchProductSetStock(id: number, value: StockValue, opts?: CallOptions): Promise<BcartProductSet>;
  /** `PATCH /product_stock` by 品番 in batches of ≤ 100; failure details: see ProductStockApi.patchProductStock. */
  patchProductStock(rows: ProductStockPatch[], opts?: CallOptions): Promise<BcartProductStock[]>;
  /** `GET /product_stock/{product_no}`; null for an unknown 品番. */
  getProductStock(productNo: string, opts?: CallOptions): Promise<BcartProductStock | null>;
  ping(opts?: CallOptions): Promise<BcartPing>;
  stats(): BcartClientStats;
}

type Query = Record<string, string | number | undefined>;

function jstDateOfIso(iso: string): string {
  // model timestamps are "YYYY-MM-DDTHH:MM:SS+09:00", so the first 10 characters are the JST date
  return iso.slice(0, 10);
}

/** The embedded rows first, then any paged row not among them, in ascending id order. */
function mergeById<T extends { id: number }>(embedded: T[], paged: T[]): T[] {
  const byId = new Map<number, T>();
  for (const r of embedded) byId.set(r.id, r);
  for (const r of paged) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** Creates a client for one BCart shop. */
export function createBcartClient(opts: BcartClientOptions): BcartClient {
  const limiter =
    opts.limiter ??
    createRateLimiter({ clock: opts.clock, timers: opts.timers, budget: opts.rateBudget, maxWaitMs: opts.maxRateLimitWaitMs });
  const http = createBcartHttp({ ...opts, limiter, logger: opts.logger.child('bcart') });
  let pagesFetched = 0;

  const progress = (items: number, total: number | null): void => {
    opts.onProgress?.({ requests: http.stats().requests, pagesFetched, items, total });
  };

  /**
   * Offset paging to exhaustion: stops at an empty or short page or when meta.total is reached.
   * Rows are keyed by id so a page that shifted between requests cannot duplicate a row; when fewer
   * unique rows than meta.total arrived (a row slipped between pages) the list is walked once more.
   */
  async function pageAll<T>(
    path: string,
    resource: ResourceKey,
    schema: z.ZodType<T>,
    query: Query,
    keyOf: (row: T) => string | number,
    signal?: AbortSignal,
  ): Promise<T[]> {
    const rows = new Map<string | number, T>();
    let total: number | null = null;
    for (let pass = 0; pass < 2; pass++) {
      let offset = 0;
      for (;;) {
        const spec: RequestSpec = { method: 'GET', path, resource, query: { ...query, limit: PAGE_LIMIT, offset }, signal };
        const page = parseList(await http.request(spec), resource, schema);
        pagesFetched++;
        if (page.total !== null) total = page.total;
        const before = rows.size;
        for (const r of page.items) rows.set(keyOf(r), r);
        progress(rows.size, total);
        offset += PAGE_LIMIT;
        if (page.items.length < PAGE_LIMIT) break;
        if (total !== null && offset >= total) break;
        // a full page of rows already seen, without meta.total to stop us: the server ignores offset
        if (total === null && rows.size === before) break;
        if (offset > MAX_ROWS) {
          throw badResponse(resource, `ページングが終わりません（${MAX_ROWS}件を超えました）`);
        }
      }
      if (total === null || rows.size >= total) break;
      opts.logger.info('bcart list shifted while paging; walking it again', { path, unique: rows.size, total });
    }
    return [...rows.values()];
  }

  async function listOrderProducts(orderId: number, o?: CallOptions): Promise<BcartOrderProduct[]> {
    const lines = await pageAll('/order_products', 'order_products', orderProductWire, { order_id: orderId }, (l) => l.id, o?.signal);
    // the API ignores unknown filters, so keep only this order's lines
    return lines.filter((l) => l.orderId === orderId || l.orderId === 0).map((l) => (l.orderId === 0 ? { ...l, orderId } : l));
  }

  /**
   * Every shipment of one order, for an order whose embedded `logistics` hit the 300 cap.
   * ASSUMPTION (docs/bcart-api.md#paging-and-embedded-lists: only `id` is known to filter /logistics;
   * `order_id` is a guess): `GET /logistics?order_id=<id>&complete=1` lists that order's shipments. BCart
   * ignores unknown filters, so `complete=1` embeds each row's order and rows of other orders are
   * dropped here: an ignored filter costs a walk over every shipment, never a wrong slip.
   */
  async function listOrderLogistics(orderId: number, o?: CallOptions): Promise<BcartLogistics[]> {
    const rows = await pageAll('/logistics', 'logistics', logisticsWithOrderWire, { order_id: orderId, complete: 1 }, (r) => r.logistics.id, o?.signal);
    // a row without an embedded order cannot be checked: trust the server's filter for it
    return rows.filter((r) => r.orderId === null || r.orderId === orderId).map((r) => r.logistics);
  }

  function orderQuery(filter: OrderFilter): Query {
    const q: Query = { complete: 1 };
    if (filter.orderedFrom) {
      q['ordered_at__gte'] = `${filter.orderedFrom} 00:00:00`;
      q['ordered_at_min'] = `${filter.orderedFrom} 00:00:00`;
    }
    if (filter.orderedTo) {
      q['ordered_at__lte'] = `${filter.orderedTo} 23:59:59`;
      q['ordered_at_max'] = `${filter.orderedTo} 23:59:59`;
    }
    if (filter.status !== undefined) q['status'] = filter.status;
    if (filter.code !== undefined) q['code'] = filter.code;
    return q;
  }

  async function listOrders(filter: OrderFilter, o?: CallOptions): Promise<BcartOrder[]> {
    const q = orderQuery(filter);
    let all: BcartOrder[];
    if (filter.ids === undefined) {
      all = await pageAll('/orders', 'orders', orderWire, q, (r) => r.id, o?.signal);
    } else {
      // a long watch list would make one over-long URL: ask for at most IDS_PER_REQUEST ids at a time
      const ids = [...new Set(filter.ids)];
      const byId = new Map<number, BcartOrder>();
      for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
        const chunk = { ...q, ids: ids.slice(i, i + IDS_PER_REQUEST).join(',') };
        for (const r of await pageAll('/orders', 'orders', orderWire, chunk, (r) => r.id, o?.signal)) byId.set(r.id, r);
      }
      all = [...byId.values()];
    }
    // BCart silently ignores filters it does not know (docs/bcart-api.md#filters): apply every filter here too
    const idSet = filter.ids ? new Set(filter.ids) : null;
    const orders = all.filter((r) => {
      const d = jstDateOfIso(r.orderedAt);
      if (filter.orderedFrom && d < filter.orderedFrom) return false;
      if (filter.orderedTo && d > filter.orderedTo) return false;
      if (filter.status !== undefined && r.status !== filter.status) return false;
      if (filter.code !== undefined && r.code !== filter.code) return false;
      if (idSet && !idSet.has(r.id)) return false;
      return true;
    });
    for (const order of orders) {
      // the embedded lists are capped: fetch every line / shipment of this order
      if (order.orderProducts.length >= EMBED_CAP) order.orderProducts = await listOrderProducts(order.id, o);
      if (order.logistics.length >= EMBED_CAP) order.logistics = mergeById(order.logistics, await listOrderLogistics(order.id, o));
    }
    return orders.sort((a, b) => a.id - b.id);
  }

  async function listLogistics(filter: LogisticsFilter = {}, o?: CallOptions): Promise<BcartLogistics[]> {
    const q: Query = {};
    if (filter.status !== undefined) q['status'] = filter.status;
    if (filter.shipmentFrom) q['shipment_date__gte'] = filter.shipmentFrom;
    if (filter.shipmentTo) q['shipment_date__lte'] = filter.shipmentTo;
    if (filter.ids !== undefined) {
      if (filter.ids.length === 0) return [];
      q['id'] = filter.ids.join(',');
    }
    const all = await pageAll('/logistics', 'logistics', logisticsWire, q, (r) => r.id, o?.signal);
    const idSet = filter.ids ? new Set(filter.ids) : null;
    return all.filter((r) => {
      if (filter.status !== undefined && r.status !== filter.status) return false;
      if (filter.shipmentFrom && (r.shipmentDate === null || r.shipmentDate < filter.shipmentFrom)) return false;
      if (filter.shipmentTo && (r.shipmentDate === null || r.shipmentDate > filter.shipmentTo)) return false;
      if (idSet && !idSet.has(r.id)) return false;
      return true;
    });
  }

  async function patchChunk(chunk: ProductSetStockPatch[], signal?: AbortSignal, requestId?: string): Promise<BcartProductSet[]> {
    const call = { method: 'PATCH', path: '/product_sets', resource: 'product_sets' as const };
    const body = await http.request({ ...call, method: 'PATCH', body: { product_sets: chunk.map((p) => ({ id: p.id, stock: p.stock })) }, signal, ...(requestId ? { requestId } : {}) });
    const echoed = body === null ? [] : echoOf(() => parseList(body, 'product_sets', productSetWire).items);
    const messages = errorMessages(body);
    if (messages.length > 0) {
      // BCart answered 200 but refused some rows: the echoed rows were stored, the rest were not
      throw withDetails(rejectedError(call, 200, messages), { appliedIds: echoed.map((r) => r.id), outcome: 'partial' });
    }
    return echoed;
  }

  const stockApi = createProductStockApi(http);

  return {
    listOrders,
    async getOrder(id, o) {
      const found = await listOrders({ ids: [id] }, o);
      return found.find((r) => r.id === id) ?? null;
    },
    listOrderProducts,
    listLogistics,
    listProductSets: (o) => pageAll('/product_sets', 'product_sets', productSetWire, {}, (r) => r.id, o?.signal),
    async getProductSet(id, o) {
      const body = await http.request({ method: 'GET', path: `/product_sets/${id}`, resource: 'product_sets', signal: o?.signal });
      return parseOne(body, 'product_sets', 'product_set', productSetWire);
    },
    async getProductSetsByIds(ids, o) {
      const wanted = [...new Set(ids)];
      const byId = new Map<number, BcartProductSet>();
      for (let i = 0; i < wanted.length; i += IDS_PER_REQUEST) {
        const chunk = wanted.slice(i, i + IDS_PER_REQUEST);
        const want = new Set(chunk);
        const rows = await pageAll('/product_sets', 'product_sets', productSetWire, { ids: chunk.join(',') }, (r) => r.id, o?.signal);
        for (const r of rows) if (want.has(r.id)) byId.set(r.id, r);
      }
      return wanted.flatMap((id) => byId.get(id) ?? []);
    },
    listProductStock: (o) =>
      pageAll('/product_stock', 'product_stock', productStockWire, {}, (r) => (r.productNo !== '' ? r.productNo : `#${r.id}`), o?.signal),
    listCustomers: (o) => pageAll('/customers', 'customers', customerWire, {}, (r) => r.id, o?.signal),
    listProducts: (o) => pageAll('/products', 'products', productWire, {}, (r) => r.id, o?.signal),
    async patchProductSetStocks(patches, o) {
      const out: BcartProductSet[] = [];
      for (let i = 0; i < patches.length; i += PATCH_BATCH) {
        const chunk = patches.slice(i, i + PATCH_BATCH);
        try {
          // one request id per batch: a second batch is a different send
          const requestId = o?.requestId === undefined ? undefined : patches.length > PATCH_BATCH ? `${o.requestId}.${i / PATCH_BATCH}` : o.requestId;
          out.push(...(await patchChunk(chunk, o?.signal, requestId)));
        } catch (err) {
          // tell the outbox exactly which batches were done before this one failed
          throw withDetails(err, {
            appliedIds: [...out.map((r) => r.id), ...(((err as AppError).details?.['appliedIds'] as number[] | undefined) ?? [])],
            failedIds: chunk.map((p) => p.id),
            notSentIds: patches.slice(i + PATCH_BATCH).map((p) => p.id),
          });
        }
      }
      return out;
    },
    async patchProductSetStock(id, value, o) {
      const body = await http.request({
        method: 'PATCH',
        path: `/product_sets/${id}`,
        resource: 'product_sets',
        body: { stock: value },
        signal: o?.signal,
        ...(o?.requestId ? { requestId: o.requestId } : {}),
      });
      return echoOf(() => parseOne(body, 'product_sets', 'product_set', productSetWire));
    },
    patchProductStock: (rows, o) => stockApi.patchProductStock(rows, o?.signal, o?.requestId),
    getProductStock: (productNo, o) => stockApi.getProductStock(productNo, o?.signal),
    async ping(o) {
      const started = opts.clock.now();
      const body = await http.request({ method: 'GET', path: '/orders', resource: 'orders', query: { limit: 1, offset: 0 }, signal: o?.signal });
      const page = parseList(body, 'orders', orderWire);
      const token = await opts.getAccessToken();
      return { ok: true, latencyMs: opts.clock.now() - started, ordersTotal: page.total, scopes: scopesFromJwt(token) };
    },
    stats: () => http.stats(),
  };
}

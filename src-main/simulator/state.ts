/**
 * The simulated shop's data and the operations tests and admin endpoints perform on it
 * (add/generate orders, ship a shipment, change stock, insert an order "at the front" for the
 * shifting-pages fault). Orders are kept in ascending id order, the API's default sort.
 */
import { addDays, jstDateOf } from '../../src-shared/domain/jst-date';
import { AuthStore } from './auth-store';
import { buildCatalog } from './catalog';
import { buildCustomers } from './customers';
import { buildOrder, type LineSpec, type LogisticSpec, type StoredOrder } from './order-builder';
import { generateOrderDrafts, type OrderDraft } from './order-generator';
import { createRng, type Rng } from './prng';
import { RateLimiter } from './rate-limiter';
import { StockBook, type StockWriteRow } from './stock-book';
import { toWireTimestamp } from './wire-time';
import type { WireCustomer, WireLogistic, WireOrderProduct, WireProduct, WireProductSet } from './wire-types';

/** A bad admin/test input; the admin endpoints answer 400 with its message. */
export class SimulatorInputError extends Error {
  constructor(
    message: string,
    readonly field = 'request',
  ) {
    super(message);
    this.name = 'SimulatorInputError';
  }
}

/** Description of an order to add (admin POST /__admin/orders `{"order":{…}}` or state.addOrder). */
export interface OrderInput {
  customerId?: number;
  payment?: string;
  /** "YYYY-MM-DD HH:MM:SS" JST; default the clock's now */
  orderedAt?: string;
  /** 対応状況; default derived from the shipments */
  status?: string;
  lines?: Array<{ productSetId?: number; productNo?: string; count?: number; logistics?: number; unitPrice?: string }>;
  /** random goods lines when `lines` is omitted (may exceed 300); default 2 */
  lineCount?: number;
  shippingCost?: number;
  codCost?: number;
  usePoint?: number;
  /** default one 未発送 shipment; a 発送済 one without shipmentDate ships today */
  logistics?: Array<{ status?: string; shipmentDate?: string | null; deliveryCode?: string }>;
  /** give the order an id below every existing one, so it sorts first (shifts offset pages) */
  atFront?: boolean;
  /** wire fields merged onto the order last, to build deliberately inconsistent data */
  override?: Record<string, unknown>;
}

/** One served request, for assertions. */
export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  query: string;
  status: number;
  fault?: string;
  /** X-Request-Id header, when the client sent one */
  requestId?: string;
}

export interface StateOptions {
  seed: number;
  orders: number;
  fromDate: string;
  toDate: string;
  includeUnsupported: boolean;
  maxLinesPerOrder: number;
  orderLinesOver300: number;
  rateLimit: boolean;
  token: string;
  clock: { now(): number };
  /** extra managed sets (one product each, 品番 BULK-00001 …) for volume tests; default 0 */
  bulkSets?: number;
}

const REQUEST_LOG_CAP = 200_000;
/** the 対応状況 the simulator uses for a cancelled order */
export const CANCELLED_STATUS = 'キャンセル';

export class SimulatorState {
  readonly products: WireProduct[];
  readonly productSets: WireProductSet[];
  readonly customers: WireCustomer[];
  /** ascending id */
  readonly orders: StoredOrder[] = [];
  readonly requests: RequestLogEntry[] = [];
  readonly auth: AuthStore;
  readonly rateLimiter: RateLimiter;
  /** per-set stock with BCart's write semantics and a journal of every change */
  readonly stock: StockBook;
  private readonly orderById = new Map<number, StoredOrder>();
  private readonly logisticById = new Map<number, { logistic: WireLogistic; order: StoredOrder }>();
  private readonly setById = new Map<number, WireProductSet>();
  private readonly setByNo = new Map<string, WireProductSet>();
  private readonly productById = new Map<number, WireProduct>();
  private readonly customerById = new Map<number, WireCustomer>();
  private readonly daySeq = new Map<string, number>();
  private lineCache: WireOrderProduct[] | null = null;
  private nextOrderId = 10001;
  private nextFrontId = 10000;
  private nextLineId = 550001;
  private nextLogisticsId = 88001;
  /** draws for admin/fault-driven data, separate from the initial shop's sequence */
  private readonly liveRng: Rng;

  constructor(private readonly opts: StateOptions) {
    const rng = createRng(opts.seed);
    const stamp = `${addDays(opts.fromDate, -30)} 10:00:00`;
    const catalog = buildCatalog(rng.fork(1), stamp, opts.bulkSets ?? 0);
    this.products = catalog.products;
    this.productSets = catalog.sets;
    this.customers = buildCustomers(rng.fork(2), stamp);
    for (const p of this.products) this.productById.set(p.id, p);
    for (const s of this.productSets) {
      this.setById.set(s.id, s);
      this.setByNo.set(s.product_no, s);
    }
    for (const c of this.customers) this.customerById.set(c.id, c);
    this.liveRng = rng.fork(3);
    this.stock = new StockBook((k) => ('id' in k ? this.setById.get(k.id) : this.setByNo.get(k.productNo)), opts.clock, toWireTimestamp);
    this.auth = new AuthStore(opts.clock, opts.token);
    this.rateLimiter = new RateLimiter(opts.clock, opts.rateLimit);
    this.appendDrafts(
      generateOrderDrafts(rng.fork(4), this.context(), {
        count: opts.orders,
        fromDate: opts.fromDate,
        toDate: opts.toDate,
        includeUnsupported: opts.includeUnsupported,
        maxLinesPerOrder: opts.maxLinesPerOrder,
        orderLinesOver300: opts.orderLinesOver300,
      }),
    );
  }

  // ---- lookups -------------------------------------------------------------------------------

  getOrder(id: number): StoredOrder | undefined {
    return this.orderById.get(id);
  }
  getLogistic(id: number): { logistic: WireLogistic; order: StoredOrder } | undefined {
    return this.logisticById.get(id);
  }
  getSet(id: number): WireProductSet | undefined {
    return this.setById.get(id);
  }
  getSetByNo(productNo: string): WireProductSet | undefined {
    return this.setByNo.get(productNo);
  }
  getProduct(id: number): WireProduct | undefined {
    return this.productById.get(id);
  }
  getCustomer(id: number): WireCustomer | undefined {
    return this.customerById.get(id);
  }

  /** Every order line of the shop in ascending id order. */
  allOrderProducts(): WireOrderProduct[] {
    if (!this.lineCache) {
      this.lineCache = this.orders.flatMap((o) => o.products).sort((a, b) => a.id - b.id);
    }
    return this.lineCache;
  }

  /** Every shipment in ascending id order. */
  allLogistics(): WireLogistic[] {
    return [...this.logisticById.values()].map((v) => v.logistic).sort((a, b) => a.id - b.id);
  }

  // ---- orders --------------------------------------------------------------------------------

  /** Adds `count` random orders dated between fromDate and toDate (default: the clock's today). */
  generateOrders(count: number, range: { fromDate?: string; toDate?: string } = {}): StoredOrder[] {
    const today = jstDateOf(this.opts.clock.now());
    const drafts = generateOrderDrafts(this.liveRng, this.context(), {
      count,
      fromDate: range.fromDate ?? today,
      toDate: range.toDate ?? range.fromDate ?? today,
      includeUnsupported: false,
      maxLinesPerOrder: 6,
      orderLinesOver300: 0,
    });
    return this.appendDrafts(drafts).map((o) => (o.order.status === CANCELLED_STATUS ? o : this.reserveOrder(o)));
  }

  /** Adds one order from a description; see OrderInput. */
  addOrder(input: OrderInput): StoredOrder {
    const rng = this.liveRng;
    const now = this.opts.clock.now();
    const customer = input.customerId === undefined ? rng.pick(this.customers) : this.customerById.get(input.customerId);
    if (!customer) throw new SimulatorInputError(`会員ID ${input.customerId} は存在しません。`, 'customerId');
    const orderedAt = input.orderedAt ?? toWireTimestamp(now);
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(orderedAt)) {
      throw new SimulatorInputError('orderedAt は "YYYY-MM-DD HH:MM:SS" で指定してください。', 'orderedAt');
    }
    const orderDate = orderedAt.slice(0, 10);
    const today = jstDateOf(now);
    const logistics: LogisticSpec[] = (input.logistics ?? [{}]).map((l) => {
      const status = l.status ?? '未発送';
      const shipped = status === '発送済';
      return {
        status,
        shipmentDate: l.shipmentDate !== undefined ? l.shipmentDate : shipped ? today : null,
        arrivalDate: null,
        dueDate: null,
        deliveryCode: l.deliveryCode ?? (shipped ? `${rng.int(1000, 9999)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}` : ''),
      };
    });
    if (logistics.length === 0) throw new SimulatorInputError('logistics を1件以上指定してください。', 'logistics');
    let lines: LineSpec[];
    if (input.lines) {
      lines = input.lines.map((l, i) => {
        const set =
          l.productSetId !== undefined
            ? this.setById.get(l.productSetId)
            : l.productNo !== undefined
              ? this.setByNo.get(l.productNo)
              : undefined;
        if (!set) throw new SimulatorInputError(`lines[${i}] のセットが見つかりません。`, `lines.${i}`);
        const count = l.count ?? 1;
        if (!Number.isSafeInteger(count) || count < 1) throw new SimulatorInputError(`lines[${i}].count が不正です。`, `lines.${i}.count`);
        const line: LineSpec = { set, product: this.productById.get(set.product_id)!, count, logisticsIndex: l.logistics ?? 0 };
        if (l.unitPrice !== undefined) line.unitPrice = l.unitPrice;
        return line;
      });
    } else {
      const n = input.lineCount ?? 2;
      lines = Array.from({ length: n }, () => {
        const set = rng.pick(this.productSets);
        return { set, product: this.productById.get(set.product_id)!, count: rng.int(1, 5), logisticsIndex: 0 };
      });
    }
    if (lines.length === 0) throw new SimulatorInputError('明細を1件以上指定してください。', 'lines');
    const payment = input.payment ?? '銀行振込';
    const shippedCount = logistics.filter((l) => l.status === '発送済').length;
    const draft: OrderDraft = {
      customer,
      payment,
      paymentAt: null,
      orderedAt,
      status: input.status ?? (shippedCount === logistics.length ? '完了' : shippedCount > 0 ? 'カスタム1' : '新規注文'),
      lines,
      logistics,
      shippingCost: input.shippingCost ?? 880,
      codCost: input.codCost ?? (payment === '代金引換' ? 330 : 0),
      usePoint: input.usePoint ?? 0,
    };
    const stored = this.store(draft, input.atFront === true, orderDate);
    if (input.override) Object.assign(stored.order, input.override);
    // an order created already cancelled never held stock
    return stored.order.status === CANCELLED_STATUS ? stored : this.reserveOrder(stored);
  }

  /**
   * BCart's キャンセル: the order's 対応状況 becomes キャンセル and its goods go back on the sets
   * (BCart returns stock on cancellation [G]; 在庫照合 counts only orders not cancelled).
   */
  cancelOrder(id: number): StoredOrder {
    const stored = this.orderById.get(id);
    if (!stored) throw new SimulatorInputError(`受注ID ${id} は存在しません。`, 'id');
    if (stored.order.status === CANCELLED_STATUS) return stored;
    stored.order.status = CANCELLED_STATUS;
    this.eachGoodsLine(stored, (set, count) => this.stock.reserve(set, count, id, 'cancel'));
    return stored;
  }

  /** orders the shop cancels once the API served them `n` more times (see cancelAfterServed) */
  private readonly cancelAfter = new Map<number, number>();

  /**
   * The shop cancels order `id` after the API has served it `serves` times (GET /orders and
   * /orders/{id}): a shape that needs the cancel to come between two imports — the app books the
   * shipped part first, then finds the rest cancelled — without a clock or a second process.
   */
  cancelAfterServed(id: number, serves: number): void {
    if (!this.orderById.has(id)) throw new SimulatorInputError(`受注ID ${id} は存在しません。`, 'id');
    this.cancelAfter.set(id, serves);
  }

  /** Counts orders served by the API (after their response was written); cancels the due ones. */
  noteServed(ids: Iterable<number>): void {
    if (this.cancelAfter.size === 0) return;
    for (const id of ids) {
      const left = this.cancelAfter.get(id);
      if (left === undefined) continue;
      if (left > 1) this.cancelAfter.set(id, left - 1);
      else {
        this.cancelAfter.delete(id);
        this.cancelOrder(id);
      }
    }
  }

  /**
   * Inserts a fresh order that sorts before every other one (id below all), dated like `likeOrderedAt`
   * so it falls inside the caller's date window: offset pages then shift by one.
   */
  insertOrderAtFront(likeOrderedAt?: string): StoredOrder {
    const orderedAt = likeOrderedAt ?? this.orders[0]?.order.ordered_at ?? toWireTimestamp(this.opts.clock.now());
    return this.addOrder({ orderedAt, atFront: true, lineCount: this.liveRng.int(1, 3) });
  }

  /** Marks a shipment 発送済 (BCart's 発送 button) and completes the order when all are shipped. */
  shipLogistic(id: number, opts: { shipmentDate?: string; deliveryCode?: string } = {}): WireLogistic {
    const found = this.logisticById.get(id);
    if (!found) throw new SimulatorInputError(`発送ID ${id} は存在しません。`, 'id');
    const l = found.logistic;
    l.status = '発送済';
    l.shipment_date = opts.shipmentDate ?? jstDateOf(this.opts.clock.now());
    if (opts.deliveryCode !== undefined) l.delivery_code = opts.deliveryCode;
    else if (l.delivery_code === '')
      l.delivery_code = `${this.liveRng.int(1000, 9999)}-${this.liveRng.int(1000, 9999)}-${this.liveRng.int(1000, 9999)}`;
    const o = found.order.order;
    if (o.status !== 'キャンセル') {
      o.status = found.order.logistics.every((x) => x.status === '発送済') ? '完了' : 'カスタム1';
    }
    return l;
  }

  // ---- stock ---------------------------------------------------------------------------------

  /** Applies the stock rows of one write request atomically (see StockBook.write). */
  applyStock(rows: StockWriteRow[], requestId: string | null = null): { ok: true; sets: WireProductSet[] } | { ok: false; errors: Record<string, string>[] } {
    return this.stock.write(rows, requestId);
  }

  /** A buyer orders `count` of a set right now (a concurrent BCart order, not yet shipped). */
  buyerOrder(setId: number, count = 1): StoredOrder {
    return this.addOrder({ lines: [{ productSetId: setId, count }], logistics: [{}] });
  }

  // ---- request log ---------------------------------------------------------------------------

  logRequest(entry: RequestLogEntry): void {
    if (this.requests.length >= REQUEST_LOG_CAP) this.requests.splice(0, REQUEST_LOG_CAP / 2);
    this.requests.push(entry);
  }

  /**
   * The largest number of API requests received within any sliding window of `windowMs` (by the
   * injected clock), for "never more than the budget per 300 s" assertions (NET-rate in docs/reliability.md#network-and-rate-limit).
   */
  maxRequestsInWindow(windowMs = 300_000): number {
    let max = 0;
    let lo = 0;
    const r = this.requests;
    for (let hi = 0; hi < r.length; hi++) {
      while (r[lo]!.at <= r[hi]!.at - windowMs) lo++;
      max = Math.max(max, hi - lo + 1);
    }
    return max;
  }

  /** Counts for GET /__admin/state. */
  summary(): Record<string, unknown> {
    const logistics = this.allLogistics();
    const byStatus: Record<string, number> = {};
    for (const l of logistics) byStatus[l.status] = (byStatus[l.status] ?? 0) + 1;
    return {
      orders: this.orders.length,
      order_products: this.allOrderProducts().length,
      logistics: logistics.length,
      logistics_by_status: byStatus,
      product_sets: this.productSets.length,
      products: this.products.length,
      customers: this.customers.length,
      requests: this.requests.length,
      max_requests_per_300s: this.maxRequestsInWindow(),
      rate_limit: {
        enabled: this.rateLimiter.enabled,
        in_window: this.rateLimiter.inWindow(),
        locked_until: this.rateLimiter.lockedUntilMs(),
        lockouts: this.rateLimiter.lockouts,
      },
    };
  }

  // ---- internals -----------------------------------------------------------------------------

  private context() {
    return {
      sets: this.productSets,
      productsById: this.productById,
      customers: this.customers,
      today: jstDateOf(this.opts.clock.now()),
      nowMs: this.opts.clock.now(),
    };
  }

  /** Takes a live order's goods off its sets (BCart reserves stock when the order is placed). */
  private reserveOrder(stored: StoredOrder): StoredOrder {
    this.eachGoodsLine(stored, (set, count) => this.stock.reserve(set, count, stored.order.id, 'order'));
    return stored;
  }

  private eachGoodsLine(stored: StoredOrder, fn: (set: WireProductSet, count: number) => void): void {
    for (const line of stored.products) {
      if (line.item_type !== 'product' || line.product_set_id === null) continue;
      const set = this.setById.get(line.product_set_id);
      if (set) fn(set, line.order_pro_count);
    }
  }

  private appendDrafts(drafts: OrderDraft[]): StoredOrder[] {
    return drafts.map((d) => this.store(d, false, d.orderedAt.slice(0, 10)));
  }

  private store(draft: OrderDraft, atFront: boolean, orderDate: string): StoredOrder {
    const id = atFront ? this.nextFrontId-- : this.nextOrderId++;
    const seq = (this.daySeq.get(orderDate) ?? 0) + 1;
    this.daySeq.set(orderDate, seq);
    const code = orderDate.replaceAll('-', '') + String(seq).padStart(3, '0');
    const stored = buildOrder(
      { ...draft, id, code },
      { nextLineId: () => this.nextLineId++, nextLogisticsId: () => this.nextLogisticsId++ },
    );
    if (atFront) this.orders.unshift(stored);
    else this.orders.push(stored);
    this.orderById.set(id, stored);
    for (const l of stored.logistics) this.logisticById.set(l.id, { logistic: l, order: stored });
    this.lineCache = null;
    return stored;
  }
}

/**
 * Property tests of the mapping against an exact, independent reference: BigInt arithmetic on
 * prices scaled to hundredths of a yen (no decimal.js), over random valid orders shipped in
 * random parts across two runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BcartOrder } from '../../../src-main/core/bcart/model';
import { mapOrdersForImport, type ImportPlan } from '../../../src-main/core/import/mapping';
import { errorCodes, line, logistics, masters, order, product } from './fixtures';

const RUNS = { numRuns: 1000, seed: 20_250_412 };
const QUANTITIES = [1, 2, 3, 6, 8, 12, 20, 24, 100] as const;
const PRODUCTS = QUANTITIES.map((q, i) => product(i + 1, `P-${q}`, q));
const PAYMENTS = ['Bカートクレカ決済', '代金引換', 'NP掛け払い', '銀行振込', '自社掛け払い', 'PayPal'];

/** hundredths of a yen → canonical decimal string ("1250" → "12.5"), without decimal.js */
function fromHundredths(h: bigint): string {
  const sign = h < 0n ? '-' : '';
  const a = h < 0n ? -h : h;
  const frac = (a % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}${a / 100n}${frac === '' ? '' : `.${frac}`}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

interface LineSpec {
  product: number;
  /** per-piece price in hundredths of a yen */
  price: bigint;
  count: number;
  rate: '0.1' | '0.08' | '0';
  logistics: number;
}

/** A product line whose per-set price is whole yen: price × 入数 divisible by 100. */
const lineSpec = (logisticsCount: number) =>
  fc
    .record({
      product: fc.integer({ min: 0, max: PRODUCTS.length - 1 }),
      steps: fc.integer({ min: 0, max: 2_000_000 }),
      count: fc.integer({ min: 0, max: 1000 }),
      rate: fc.constantFrom('0.1' as const, '0.08' as const, '0' as const),
      logistics: fc.integer({ min: 0, max: logisticsCount - 1 }),
    })
    .map(({ product: pi, steps, count, rate, logistics: li }): LineSpec => {
      const q = PRODUCTS[pi]!.unitQuantity;
      const step = BigInt(100 / gcd(q, 100));
      return { product: pi, price: BigInt(steps) * step, count, rate, logistics: li };
    });

const orderSpec = fc.integer({ min: 1, max: 3 }).chain((logisticsCount) =>
  fc.record({
    logisticsCount: fc.constant(logisticsCount),
    lines: fc.array(lineSpec(logisticsCount), { minLength: 0, maxLength: 8 }),
    shippedInRun1: fc.array(fc.boolean(), { minLength: logisticsCount, maxLength: logisticsCount }),
    nullSingleLogistics: fc.boolean(),
    payment: fc.constantFrom(...PAYMENTS),
    shipping: fc.integer({ min: 0, max: 5000 }),
    cod: fc.integer({ min: 0, max: 1000 }),
    points: fc.integer({ min: 0, max: 500 }),
  }),
);

const ordersSpec = fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 500 }), orderSpec), { minLength: 1, maxLength: 4, selector: ([id]) => id });

type OrderSpecValue = typeof orderSpec extends fc.Arbitrary<infer T> ? T : never;

function build(id: number, s: OrderSpecValue, run: 1 | 2): BcartOrder {
  const ids = Array.from({ length: s.logisticsCount }, (_, j) => id * 100 + (s.logisticsCount - j)); // unsorted on purpose
  return order({
    id,
    payment: s.payment,
    lines: s.lines.map((l, i) =>
      line(id * 1000 + (s.lines.length - i), PRODUCTS[l.product]!, {
        unitPrice: fromHundredths(l.price),
        orderProCount: l.count,
        taxRate: l.rate,
        taxTypeId: l.rate === '0.08' ? 2 : 1,
        logisticsId: s.logisticsCount === 1 && s.nullSingleLogistics ? null : ids[l.logistics]!,
      }),
    ),
    logistics: ids.map((lid, j) => logistics(lid, run === 2 || s.shippedInRun1[j] ? '発送済' : '未発送', `2025-04-${String(10 + j).padStart(2, '0')}`)),
    shippingCost: s.shipping,
    codCost: s.cod,
    usePoint: s.points,
  });
}

/** Σ unit_price × set_quantity × order_pro_count in whole yen, by BigInt on hundredths. */
function referenceGoods(s: OrderSpecValue): bigint {
  const h = s.lines.reduce((sum, l) => sum + l.price * BigInt(PRODUCTS[l.product]!.unitQuantity) * BigInt(l.count), 0n);
  expect(h % 100n).toBe(0n);
  return h / 100n;
}

function twoRuns(specs: [number, OrderSpecValue][]): [ImportPlan, ImportPlan] {
  const run1 = mapOrdersForImport(
    specs.map(([id, s]) => build(id, s, 1)),
    masters(PRODUCTS),
  );
  const run2 = mapOrdersForImport(
    specs.map(([id, s]) => build(id, s, 2)),
    masters(PRODUCTS, {
      alreadyImportedLogisticsIds: new Set(run1.shipments.map((x) => x.bcartLogisticsId)),
      alreadyInvoicedOrderIds: new Set(run1.invoices.map((x) => x.bcartOrderId)),
    }),
  );
  return [run1, run2];
}

describe('mapping properties (fast-check, seeded)', () => {
  it('Σ shipment line amounts per order equals the exact BigInt reference, over two runs', () => {
    fc.assert(
      fc.property(ordersSpec, (specs) => {
        const [run1, run2] = twoRuns(specs);
        expect(errorCodes(run1)).toEqual([]);
        expect(errorCodes(run2)).toEqual([]);
        for (const [id, s] of specs) {
          const got = [...run1.shipments, ...run2.shipments]
            .filter((x) => x.bcartOrderId === id)
            .flatMap((x) => x.lines)
            .reduce((sum, l) => sum + BigInt(l.amount), 0n);
          expect(got).toBe(referenceGoods(s));
        }
      }),
      RUNS,
    );
  });

  it('every amount is a safe integer and line amount = per-set price × quantity', () => {
    fc.assert(
      fc.property(ordersSpec, (specs) => {
        for (const plan of twoRuns(specs)) {
          for (const sh of plan.shipments) {
            expect(Number.isSafeInteger(sh.amount)).toBe(true);
            for (const l of sh.lines) {
              expect(Number.isSafeInteger(l.unitPrice) && Number.isSafeInteger(l.amount)).toBe(true);
              expect(BigInt(l.amount)).toBe(BigInt(l.unitPrice) * BigInt(l.quantity));
            }
          }
          for (const inv of plan.invoices) {
            for (const v of [inv.total, ...inv.lines.map((l) => l.amount), ...inv.byRate.flatMap((r) => [r.net, r.tax, r.gross])]) {
              expect(Number.isSafeInteger(v)).toBe(true);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('every shipped logistics record becomes exactly one slip across runs, and each order one invoice', () => {
    fc.assert(
      fc.property(ordersSpec, (specs) => {
        const [run1, run2] = twoRuns(specs);
        const slips = [...run1.shipments, ...run2.shipments].map((x) => x.bcartLogisticsId).sort((a, b) => a - b);
        const expected = specs.flatMap(([id, s]) => Array.from({ length: s.logisticsCount }, (_, j) => id * 100 + j + 1)).sort((a, b) => a - b);
        expect(slips).toEqual(expected);
        // run 1 invoices only orders shipped completely in run 1; run 2 the rest; never twice
        const fully1 = specs.filter(([, s]) => s.shippedInRun1.every(Boolean)).map(([id]) => id);
        expect(run1.invoices.map((x) => x.bcartOrderId)).toEqual(fully1.sort((a, b) => a - b));
        const invoiced = [...run1.invoices, ...run2.invoices].map((x) => x.bcartOrderId).sort((a, b) => a - b);
        expect(invoiced).toEqual(specs.map(([id]) => id).sort((a, b) => a - b));
        expect(run1.watch.map((w) => w.orderId).sort((a, b) => a - b)).toEqual(
          specs.filter(([id]) => !fully1.includes(id)).map(([id]) => id).sort((a, b) => a - b),
        );
        expect(run2.watch).toEqual([]);
        // a third run with everything recorded creates nothing
        const run3 = mapOrdersForImport(
          specs.map(([id, s]) => build(id, s, 2)),
          masters(PRODUCTS, { alreadyImportedLogisticsIds: new Set(slips), alreadyInvoicedOrderIds: new Set(invoiced) }),
        );
        expect(run3.shipments.length + run3.invoices.length).toBe(0);
      }),
      RUNS,
    );
  });

  it('invoice total === final_price === Σ order_totals gross, and the lines are goods + fees − points', () => {
    fc.assert(
      fc.property(ordersSpec, (specs) => {
        const [run1, run2] = twoRuns(specs);
        for (const inv of [...run1.invoices, ...run2.invoices]) {
          const [, s] = specs.find(([id]) => id === inv.bcartOrderId)!;
          const o = build(inv.bcartOrderId, s, 2);
          expect(inv.total).toBe(o.finalPrice);
          expect(inv.total).toBe(inv.byRate.reduce((sum, r) => sum + r.gross, 0));
          const lineSum = inv.lines.reduce((sum, l) => sum + BigInt(l.amount), 0n);
          expect(lineSum).toBe(referenceGoods(s) + BigInt(s.shipping + s.cod - s.points));
        }
      }),
      RUNS,
    );
  });

  it('a per-set price is accepted exactly when price × 入数 is whole yen (else NON_INTEGER_SET_PRICE)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PRODUCTS.length - 1 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 50 }), (pi, hundredths, count) => {
        const p = PRODUCTS[pi]!;
        const o = order({ id: 1, lines: [line(11, p, { unitPrice: fromHundredths(BigInt(hundredths)), orderProCount: count })], logistics: [logistics(101)] });
        o.orderTotals = [{ taxRate: '0.1', total: '0', tax: '0', totalInclTax: '0' }];
        o.finalPrice = 0;
        const plan = mapOrdersForImport([o], masters(PRODUCTS));
        const scaled = BigInt(hundredths) * BigInt(p.unitQuantity);
        if (scaled % 100n === 0n) {
          expect(errorCodes(plan)).toEqual([]);
          expect(BigInt(plan.shipments[0]!.lines[0]!.unitPrice)).toBe(scaled / 100n);
        } else {
          expect(errorCodes(plan)).toEqual(['NON_INTEGER_SET_PRICE']);
        }
      }),
      RUNS,
    );
  });
});

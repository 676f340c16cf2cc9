/**
 * Contract check between helpers: the BCart simulator's seeded orders, parsed by the client's wire
 * schema exactly as the service will get them, must map without errors except the payment
 * methods the import rejects on purpose. Pure: no HTTP, the simulator state is built in memory.
 */
import { describe, expect, it } from 'vitest';
import { orderWire } from '../../../src-main/core/bcart/schemas';
import { mapOrdersForImport, paymentRuleMap, requiredCustomerCodes, type ImportMasters, type LocalProduct } from '../../../src-main/core/import/mapping';
import { SimulatorState } from '../../../src-main/simulator/state';
import { customerIndex } from '../../../src-main/core/import/mapping/customer-index';
import { SETTINGS } from './fixtures';

function simulatedShop() {
  return new SimulatorState({
    seed: 42,
    orders: 300,
    fromDate: '2025-04-01',
    toDate: '2025-04-30',
    includeUnsupported: true,
    maxLinesPerOrder: 6,
    orderLinesOver300: 0,
    rateLimit: false,
    token: 'test-token',
    clock: { now: () => Date.parse('2025-05-01T03:00:00Z') },
  });
}

function mastersFor(state: SimulatorState): ImportMasters {
  const products = new Map<string, LocalProduct>(
    state.productSets.map((s, i) => [s.product_no, { id: i + 1, code: s.product_no, skuCode: null, name: s.name, unitQuantity: Number(s.quantity), inventoryTracked: true }]),
  );
  const codes = [...requiredCustomerCodes(), ...state.customers.map((c) => c.ext_id).filter((x) => x !== '')];
  return {
    settings: SETTINGS,
    customers: customerIndex(codes.map((code, i) => ({ id: i + 1, code, name: code }))),
    paymentRules: paymentRuleMap(),
    productsByCode: products,
    productsBySetId: new Map(),
    alreadyImportedLogisticsIds: new Set(),
    alreadyInvoicedOrderIds: new Set(),
  };
}

describe('simulator orders through the client schema into the mapping', () => {
  it('map without errors other than the unsupported payment methods, and invoices equal final_price', () => {
    const state = simulatedShop();
    const orders = state.orders.map((o) => orderWire.parse({ ...o.order, order_products: o.products, logistics: o.logistics }));
    expect(orders.length).toBeGreaterThan(100);
    const plan = mapOrdersForImport(orders, mastersFor(state));
    const unexpected = plan.problems.filter((p) => p.level === 'error' && p.code !== 'PAYMENT_UNSUPPORTED' && p.code !== 'MEMBER_EXT_ID_EMPTY');
    expect(unexpected).toEqual([]);
    expect(plan.shipments.length).toBeGreaterThan(0);
    expect(plan.invoices.length).toBeGreaterThan(0);
    const byId = new Map(orders.map((o) => [o.id, o]));
    for (const inv of plan.invoices) expect(inv.total).toBe(byId.get(inv.bcartOrderId)!.finalPrice);
    expect(plan.problems.filter((p) => p.code === 'TAX_DIFFERENCE')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import {
  customerWire,
  orderWire,
  parseList,
  parseOne,
  productSetWire,
  productStockWire,
} from '../../../src-main/core/bcart/schemas';

const line = (over: Record<string, unknown> = {}) => ({
  id: 550101, order_id: 10231, logistics_id: 88001, product_id: 301, main_no: 'TEA-100', product_no: 'TEA-100-C20',
  jan_code: '4900000000017', product_name: '煎茶', product_set_id: 3011, set_name: 'ケース', unit_price: '150',
  set_quantity: 20, order_pro_count: 3, tax_rate: '0.08', tax_type_id: 2, tax_incl: 0, item_type: 'product', options: [],
  ...over,
});

const order = (over: Record<string, unknown> = {}) => ({
  id: 10231, code: '20250412001', customer_id: 5012, customer_ext_id: 'C-000123', payment: '銀行振込',
  total_price: 15000, tax: 1320, COD_cost: 0, shipping_cost: '1100', final_price: 16870, use_point: '', get_point: 0,
  order_totals: [{ tax_rate: '0.08', total: '9000', tax: '720', total_incl_tax: 9720 }],
  ordered_at: '2025-04-12 09:15:30', status: '完了', order_products: [line()],
  logistics: [{ id: 88001, shipment_code: '', delivery_code: '1234', shipment_date: '2025-04-14', arrival_date: null, status: '発送済' }],
  ...over,
});

describe('order schema', () => {
  it('normalises numbers given as numbers, numeric strings and ""', () => {
    const { items, total } = parseList({ orders: [order()], meta: { total: '1' } }, 'orders', orderWire);
    expect(total).toBe(1);
    const o = items[0]!;
    expect(o.shippingCost).toBe(1100);
    expect(o.usePoint).toBe(0); // "" in use_point means no points used
    expect(o.codCost).toBe(0);
    expect(o.totalPrice).toBe('15000');
    expect(o.orderTotals[0]).toEqual({ taxRate: '0.08', total: '9000', tax: '720', totalInclTax: '9720' });
    expect(o.orderProducts[0]!.unitPrice).toBe('150');
    expect(o.orderProducts[0]!.setQuantity).toBe('20');
  });

  it('keeps decimals exact and canonical', () => {
    const o = orderWire.parse(order({ order_products: [line({ unit_price: '12.50', tax_rate: 0.1, set_quantity: '1.0' })] }));
    const l = o.orderProducts[0]!;
    expect(l.unitPrice).toBe('12.5');
    expect(l.taxRate).toBe('0.1');
    expect(l.setQuantity).toBe('1');
    // the largest amount a total can be (15 integer, 10 fraction digits) keeps every digit
    const big = orderWire.parse(order({ total_price: '123456789012345.1234567890' }));
    expect(big.totalPrice).toBe('123456789012345.123456789');
    expect(orderWire.parse(order({ total_price: '1e3' })).totalPrice).toBe('1000');
    expect(orderWire.parse(order({ total_price: '-0' })).totalPrice).toBe('0');
  });

  it('reads offset-less timestamps as JST', () => {
    const o = orderWire.parse(order());
    expect(o.orderedAt).toBe('2025-04-12T09:15:30+09:00');
    expect(orderWire.parse(order({ ordered_at: '2025-04-12T00:15:30Z' })).orderedAt).toBe('2025-04-12T09:15:30+09:00');
    expect(o.logistics[0]!.shipmentDate).toBe('2025-04-14');
    expect(o.logistics[0]!.arrivalDate).toBeNull();
  });

  it('checks calendar validity on the fast path too', () => {
    expect(orderWire.parse(order({ ordered_at: '2024-02-29 23:59:59' })).orderedAt).toBe('2024-02-29T23:59:59+09:00');
    expect(orderWire.safeParse(order({ ordered_at: '2025-02-29 10:00:00' })).success).toBe(false);
    expect(orderWire.safeParse(order({ ordered_at: '2025-04-12 25:00:00' })).success).toBe(false);
    expect(orderWire.safeParse(order({ ordered_at: '' })).success).toBe(false);
    const bad = orderWire.safeParse(order({ logistics: [{ id: 1, shipment_date: '2025-04-31' }] }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['logistics', 0, 'shipment_date']);
    expect(orderWire.parse(order({ logistics: [{ id: 1, shipment_date: '0000-00-00', arrival_date: '2025-04-15 10:00:00' }] })).logistics[0]).toMatchObject({
      shipmentDate: null,
      arrivalDate: '2025-04-15',
    });
  });

  it('keeps unknown enum strings and ignores unknown fields', () => {
    const o = orderWire.parse(
      order({
        status: 'カスタム7',
        payment: '新しい決済',
        surprise: { nested: true },
        order_products: [line({ item_type: 'gift_wrap', new_field: 1 })],
        logistics: [{ id: 1, status: '一部発送' }],
      }),
    );
    expect(o.status).toBe('カスタム7');
    expect(o.payment).toBe('新しい決済');
    expect(o.orderProducts[0]!.itemType).toBe('gift_wrap');
    expect(o.logistics[0]!.status).toBe('一部発送');
    expect('surprise' in o).toBe(false);
  });

  it('fills an embedded line without order_id from its order', () => {
    const o = orderWire.parse(order({ order_products: [line({ order_id: undefined })] }));
    expect(o.orderProducts[0]!.orderId).toBe(10231);
  });

  it('rejects a non-numeric amount and an invalid timestamp', () => {
    expect(() => parseList({ orders: [order({ final_price: 'abc' })] }, 'orders', orderWire)).toThrow(AppError);
    expect(() => parseList({ orders: [order({ ordered_at: '2025-13-40 99:00:00' })] }, 'orders', orderWire)).toThrow(/受注/);
    expect(() => parseList({ orders: [order({ tax: '1.5' })] }, 'orders', orderWire)).toThrow(/整数/);
  });

  it('turns a missing id into BCART_BAD_RESPONSE naming the resource', () => {
    const { id: _drop, ...noId } = order();
    try {
      parseList({ orders: [order(), noId] }, 'orders', orderWire);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('BCART_BAD_RESPONSE');
      expect(err.message).toContain('受注');
      expect(err.message).toContain('orders.1.id');
    }
    try {
      parseList({ orders: [order({ order_products: [line({ id: '' })] })] }, 'orders', orderWire);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('BCART_BAD_RESPONSE');
      expect((e as AppError).message).toContain('order_products.0.id');
    }
  });

  it('type-checks the fields of embedded rows (objects / booleans where scalars belong)', () => {
    for (const [field, value] of [['product_name', { a: 1 }], ['order_pro_count', true], ['unit_price', [1]]] as const) {
      const r = orderWire.safeParse(order({ order_products: [line(), line({ id: 2, [field]: value })] }));
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['order_products', 1, field]);
    }
    expect(orderWire.safeParse(order({ logistics: [{ id: 1, status: 5 }] })).data?.logistics[0]?.status).toBe('5');
    expect(orderWire.safeParse(order({ order_products: ['x'] })).success).toBe(false);
  });

  it('rejects an envelope that is not an object or whose list is not an array', () => {
    expect(() => parseList([], 'orders', orderWire)).toThrow(/受注/);
    expect(() => parseList({ orders: 'x' }, 'orders', orderWire)).toThrow(AppError);
    expect(parseList({}, 'orders', orderWire)).toEqual({ items: [], total: null });
  });
});

describe('other resources', () => {
  it('product sets: nullable stock, lenient numbers, singular wrapper', () => {
    const s = parseOne(
      { product_set: { id: '3011', product_id: 301, product_no: 'TEA', stock: null, stock_flag: '1', quantity: '20', unit_price: 150, updated_at: '2025-04-14 10:03:55' } },
      'product_sets',
      'product_set',
      productSetWire,
    );
    expect(s).toMatchObject({ id: 3011, stock: null, stockFlag: 1, quantity: '20', unitPrice: '150', updatedAt: '2025-04-14T10:03:55+09:00' });
    expect(parseOne({ product_sets: [{ id: 5, stock: '7' }] }, 'product_sets', 'product_set', productSetWire).stock).toBe(7);
    expect(() => parseOne({ product_set: { stock: 1 } }, 'product_sets', 'product_set', productSetWire)).toThrow(/商品セット/);
  });

  it('product stock rows are keyed by 品番', () => {
    const r = productStockWire.parse({ product_no: 'NAP-050', stock: '', stock_flag: 0 });
    expect(r).toEqual({ id: null, productId: null, productNo: 'NAP-050', name: '', stock: null, stockFlag: 0 });
    expect(productStockWire.safeParse({ stock: 1 }).success).toBe(false);
  });

  it('customers join 担当者 names and keep ext_id', () => {
    const c = customerWire.parse({ id: 5077, ext_id: 'C-1', comp_name: '有限会社テスト', tanto_last_name: '鈴木', tanto_first_name: '太郎', status: null });
    expect(c).toMatchObject({ id: 5077, extId: 'C-1', name: '鈴木 太郎', status: null });
  });
});

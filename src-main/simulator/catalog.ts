/**
 * The demo shop's fixed catalogue: 30 products (15 food at the reduced 8 % rate, 15 goods at 10 %)
 * with sets of 入数 1 / 10 / 20 / 100 and 品番 like "TEA-100" (単品) and "TEA-100-C20" (case of 20).
 * Names are fixed; prices, stock and JAN codes come from the seeded generator.
 * A few products have a per-piece price with a half yen ("12.5"); they have no 単品 set, so
 * 単価 × 入数 is always a whole yen amount, as BCart requires of a 販売価格.
 */
import type { Rng } from './prng';
import type { WireProduct, WireProductSet } from './wire-types';

interface ProductTemplate {
  mainNo: string;
  name: string;
  unit: string;
  food: boolean;
  /** base per-piece price in yen */
  base: number;
}

const TEMPLATES: readonly ProductTemplate[] = [
  { mainNo: 'TEA-100', name: '煎茶ティーバッグ', unit: '袋', food: true, base: 160 },
  { mainNo: 'TEA-200', name: 'ほうじ茶ティーバッグ', unit: '袋', food: true, base: 140 },
  { mainNo: 'TEA-300', name: '玄米茶 100g', unit: '袋', food: true, base: 420 },
  { mainNo: 'DRK-100', name: '緑茶 500ml', unit: '本', food: true, base: 95 },
  { mainNo: 'DRK-200', name: '缶コーヒー 185g', unit: '缶', food: true, base: 72 },
  { mainNo: 'DRK-300', name: '天然水 2L', unit: '本', food: true, base: 88 },
  { mainNo: 'SNK-100', name: '醤油せんべい', unit: '袋', food: true, base: 210 },
  { mainNo: 'SNK-200', name: 'バタークッキー', unit: '箱', food: true, base: 380 },
  { mainNo: 'SNK-300', name: '一口羊羹', unit: '個', food: true, base: 12.5 },
  { mainNo: 'SNK-400', name: '米菓詰合せ', unit: '箱', food: true, base: 980 },
  { mainNo: 'SZN-100', name: '濃口醤油 1L', unit: '本', food: true, base: 330 },
  { mainNo: 'SZN-200', name: '合わせ味噌 1kg', unit: '個', food: true, base: 540 },
  { mainNo: 'SZN-300', name: 'スティックシュガー', unit: '本', food: true, base: 2.5 },
  { mainNo: 'FOD-100', name: 'インスタント味噌汁', unit: '食', food: true, base: 45 },
  { mainNo: 'FOD-200', name: 'カップうどん', unit: '個', food: true, base: 128 },
  { mainNo: 'CUP-200', name: '紙コップ 7oz', unit: '個', food: false, base: 30 },
  { mainNo: 'NAP-050', name: '紙ナプキン 50枚', unit: '個', food: false, base: 176 },
  { mainNo: 'HSI-100', name: '割り箸 天削', unit: '膳', food: false, base: 3.5 },
  { mainNo: 'OSB-100', name: '紙おしぼり', unit: '本', food: false, base: 6.5 },
  { mainNo: 'BAG-045', name: 'ゴミ袋 45L', unit: '枚', food: false, base: 18 },
  { mainNo: 'WRP-030', name: '業務用ラップ 30cm', unit: '本', food: false, base: 690 },
  { mainNo: 'DET-100', name: '食器用洗剤 4L', unit: '本', food: false, base: 1280 },
  { mainNo: 'SOP-100', name: 'ハンドソープ 詰替', unit: '袋', food: false, base: 420 },
  { mainNo: 'PTW-200', name: 'ペーパータオル 200枚', unit: '個', food: false, base: 98 },
  { mainNo: 'MDL-100', name: '木製マドラー', unit: '本', food: false, base: 2 },
  { mainNo: 'STR-100', name: '紙ストロー', unit: '本', food: false, base: 4 },
  { mainNo: 'RBN-100', name: '輪ゴム 100g', unit: '袋', food: false, base: 260 },
  { mainNo: 'ICE-100', name: '保冷剤 小', unit: '個', food: false, base: 22 },
  { mainNo: 'TRY-100', name: '食品トレー', unit: '枚', food: false, base: 9 },
  { mainNo: 'PLT-180', name: '紙皿 18cm', unit: '枚', food: false, base: 11 },
];

/** set variants: 入数, 品番 suffix, セット名 suffix */
const SET_KINDS = [
  { quantity: 1, suffix: '', name: '単品' },
  { quantity: 10, suffix: '-B10', name: 'パック(10入)' },
  { quantity: 20, suffix: '-C20', name: 'ケース(20入)' },
  { quantity: 100, suffix: '-C100', name: 'ケース(100入)' },
] as const;

export interface Catalog {
  products: WireProduct[];
  sets: WireProductSet[];
}

/** EAN-13 with a correct check digit, from a 12-digit body. */
function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return body12 + String((10 - (sum % 10)) % 10);
}

/** Formats a per-piece price held in tenths of a yen, e.g. 125 → "12.5". */
function tenthsToString(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Builds the seeded catalogue; `updatedAt` stamps every row; `bulkSets` adds that many plain managed sets. */
export function buildCatalog(rng: Rng, updatedAt: string, bulkSets = 0): Catalog {
  const products: WireProduct[] = [];
  const sets: WireProductSet[] = [];
  TEMPLATES.forEach((t, i) => {
    const productId = 301 + i;
    const fractional = !Number.isInteger(t.base);
    products.push(wireProduct(productId, t.mainNo, t.name, t.food ? 1 : 2, updatedAt));
    // half-yen products have no 単品 (12.5 × 1 is not a whole yen); others get 単品 plus 1–3 larger sets
    const kinds = SET_KINDS.filter((k) => !(fractional && k.quantity === 1)).filter((k, idx) => idx === 0 || rng.chance(0.6));
    const baseTenths = Math.round(t.base * 10);
    kinds.forEach((k, idx) => {
      // bigger sets are a little cheaper per piece; keep the 0.5 step for half-yen products (入数 is even)
      const step = fractional ? 5 : 10;
      // about 3 % off per size step, in whole steps, never down to zero
      const wanted = Math.max(step, Math.floor((baseTenths * 3 * idx) / 100 / step) * step);
      const discountTenths = idx === 0 ? 0 : Math.min(wanted, Math.floor((baseTenths - step) / step) * step);
      const tenths = baseTenths - discountTenths;
      const managed = !rng.chance(0.06);
      const hasJan = rng.chance(0.7);
      sets.push(
        wireSet({
          id: productId * 10 + idx,
          product_id: productId,
          product_no: t.mainNo + k.suffix,
          jan_code: hasJan ? ean13(`49${String(productId).padStart(5, '0')}${String(idx).padStart(5, '0')}`) : '',
          location_no: `${String.fromCharCode(65 + (i % 6))}-${String((i % 12) + 1).padStart(2, '0')}`,
          jodai: Math.ceil((tenths * k.quantity * 13) / 100),
          name: k.name,
          unit_price: tenths % 10 === 0 ? tenths / 10 : tenthsToString(tenths),
          quantity: k.quantity,
          unit: t.unit,
          stock: managed ? rng.int(0, k.quantity >= 100 ? 40 : 500) : null,
          stock_flag: managed ? 0 : 1,
          stock_few: k.quantity >= 20 ? 3 : 20,
          priority: idx,
          shipping_size: k.quantity >= 20 ? 0.2 : 0.05,
          tax_type_id: t.food ? 2 : 1,
          updated_at: updatedAt,
        }),
      );
    });
  });
  addBulkSets(products, sets, bulkSets, updatedAt);
  return { products, sets };
}

/**
 * Volume catalogue for benchmarks and bulk tests: `count` products "BULK-00001"… each with one 単品
 * set of 入数 1, ¥100, stock 1000, managed. Ids start above the demo catalogue's.
 */
function addBulkSets(products: WireProduct[], sets: WireProductSet[], count: number, updatedAt: string): void {
  for (let i = 1; i <= count; i++) {
    const productId = 10_000 + i;
    const no = `BULK-${String(i).padStart(5, '0')}`;
    products.push(wireProduct(productId, no, `一括テスト商品 ${i}`, 2, updatedAt));
    sets.push(
      wireSet({
        id: productId * 10,
        product_id: productId,
        product_no: no,
        jan_code: '',
        location_no: 'Z-01',
        jodai: 130,
        name: '単品',
        unit_price: 100,
        quantity: 1,
        unit: '個',
        stock: 1000,
        stock_flag: 0,
        stock_few: 20,
        priority: 0,
        shipping_size: 0.05,
        tax_type_id: 1,
        updated_at: updatedAt,
      }),
    );
  }
}

/** Per-piece price of a set as a decimal string ("150", "12.5"). */
export function setUnitPriceString(set: WireProductSet): string {
  return String(set.unit_price);
}

/** A 商品 of the simulated shop: the fields that differ, the rest as every product here has them. */
function wireProduct(id: number, mainNo: string, name: string, categoryId: number, updatedAt: string): WireProduct {
  return { id, main_no: mainNo, name, catch_copy: '', category_id: categoryId, sub_category_id: '', made_in: '日本', description: '', flag: '表示', priority: 0, customs: [], updated_at: updatedAt };
}

/** The 商品セット fields that are the same for every set of the simulated shop. */
type SetConstants =
  | 'jodai_type'
  | 'min_order'
  | 'max_order'
  | 'group_price'
  | 'special_price'
  | 'volume_discount'
  | 'description'
  | 'stock_parent'
  | 'stock_view_id'
  | 'set_flag'
  | 'view_group_filter'
  | 'visible_customer_id'
  | 'customs'
  | 'option_ids'
  | 'shipping_group_id';

/**
 * A 商品セット from the fields that differ; the constants are fresh objects per set (the
 * simulator's writes change records in place) and the keys keep the API's order.
 */
function wireSet(own: Omit<WireProductSet, SetConstants>): WireProductSet {
  return {
    id: own.id,
    product_id: own.product_id,
    product_no: own.product_no,
    jan_code: own.jan_code,
    location_no: own.location_no,
    jodai_type: 'メーカー希望小売価格',
    jodai: own.jodai,
    name: own.name,
    unit_price: own.unit_price,
    min_order: null,
    max_order: null,
    group_price: {},
    special_price: {},
    volume_discount: {},
    quantity: own.quantity,
    unit: own.unit,
    description: '',
    stock: own.stock,
    stock_flag: own.stock_flag,
    stock_parent: null,
    stock_view_id: 1,
    stock_few: own.stock_few,
    priority: own.priority,
    set_flag: '表示',
    view_group_filter: '',
    visible_customer_id: '',
    customs: [],
    option_ids: [],
    shipping_group_id: 1,
    shipping_size: own.shipping_size,
    tax_type_id: own.tax_type_id,
    updated_at: own.updated_at,
  };
}

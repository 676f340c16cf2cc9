/**
 * Data for the tax-update integration tests: seeded random applications (targets and non-targets,
 * 税込/税抜, negative options, deleted products), a 商品 master for them, and table dumps that
 * compare two databases exactly (ids and values, timestamps left out).
 */
import type { SubscriptionApplication, SubscriptionItem, TaxRateType } from '../../../src-shared/tax-update/types';
import { createRng } from '../../../src-main/simulator/prng';
import type { SqliteDb } from '../../../src-main/core/db/open';

/** A seeded PRNG (the simulator's mulberry32), so a failing seed can be replayed. */
export function rng(seed: number): () => number {
  return createRng(seed).next;
}

export interface Dataset {
  apps: SubscriptionApplication[];
  /** product master rows: code, H, V, kind */
  products: { code: string; h: string; v: string; type: TaxRateType }[];
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** `count` applications with 1–3 items and 0–2 options each; product P0..P19, P15+ deleted. */
export function makeDataset(seed: number, count: number): Dataset {
  const r = rng(seed);
  const products: Dataset['products'] = [];
  for (let p = 0; p < 15; p++)
    products.push({ code: `P${p}`, h: p % 3 === 0 ? 'RED' : '', v: p % 4 === 0 ? 'L' : '', type: p % 2 === 0 ? '軽減' : '標準' });
  const apps: SubscriptionApplication[] = [];
  for (let i = 0; i < count; i++) {
    const items: SubscriptionItem[] = [];
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) {
      const p = Math.floor(r() * 20);
      const known = products[p];
      const price = () => Math.floor(r() * 20000);
      items.push({
        productCode: `P${p}`,
        variationH: known ? known.h : '',
        variationV: known ? known.v : '',
        name: `商品${p}`,
        quantity: 1 + Math.floor(r() * 5),
        firstPrice: price(),
        regularPrice: price(),
        lastPrice: price(),
        taxIncluded: r() < 0.7,
        taxRateType: r() < 0.85 ? '標準' : '軽減',
        options: Array.from({ length: Math.floor(r() * 3) }, (_, m) => ({
          name: `オプション${m}`,
          price: Math.floor(r() * 1200) - 400,
          taxIncluded: r() < 0.6,
          taxRateType: pick(r, ['標準', '軽減'] as const),
        })),
      });
    }
    apps.push({
      code: `S${String(i).padStart(5, '0')}`,
      customerCode: `C${i % 7}`,
      status: r() < 0.75 ? '継続中' : pick(r, ['停止', '解約'] as const),
      orderProcessed: r() < 0.15,
      standardRate: r() < 0.85 ? 8 : 10,
      reducedRate: 8,
      items,
    });
  }
  return { apps, products };
}

/** Writes the dataset's 商品 master (tax classes STD10 / RED08 of the first-run seed). */
export function insertProducts(db: SqliteDb, products: Dataset['products'], now = '2026-11-25T10:00:00+09:00'): void {
  const ids = new Map((db.prepare('select kind, id from tax_classes').all() as { kind: string; id: number }[]).map((t) => [t.kind, t.id]));
  const ins = db.prepare(
    'insert into products (code, variation_h, variation_v, name, tax_class_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?)',
  );
  db.transaction(() => {
    for (const p of products) ins.run(p.code, p.h, p.v, `商品${p.code}`, ids.get(p.type), now, now);
  })();
}

/** Every row of the 定期申込 tables, timestamps left out: equal dumps = equal data. */
export function dumpSubscriptions(db: SqliteDb): string {
  const apps = db
    .prepare(
      'select id, code, customer_code, status, order_processed, standard_rate, reduced_rate from subscription_applications order by id',
    )
    .raw()
    .all();
  const items = db.prepare('select * from subscription_items order by id').raw().all();
  const options = db.prepare('select * from subscription_options order by id').raw().all();
  return JSON.stringify({ apps, items, options });
}

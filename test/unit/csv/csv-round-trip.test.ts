/**
 * The one CSV API of core/csv, kind by kind: what the app writes (writeCsv and each kind's writer)
 * reads back (readCsvRows and each kind's reader) to the same typed rows, in UTF-8 with a BOM, UTF-8
 * without one (files saved by other tools) and CP932 — masters, 定期申込, the 商品税率区分 file and
 * the 消費税自動更新 preview — plus a generic layout, the way a new feature would use it.
 */
import { describe, expect, it } from 'vitest';
import { CSV_MASTERS } from '../../../src-shared/csv/master-csv';
import type { CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { ProductTaxRow } from '../../../src-shared/tax-update/product-lookup';
import { planTaxUpdate } from '../../../src-shared/tax-update/plan';
import { PLAN_FIELD_LABELS } from '../../../src-shared/tax-update/labels';
import { PRESET_2019, type SubscriptionApplication } from '../../../src-shared/tax-update/types';
import { readCsvRows, type CsvLayout } from '../../../src-main/core/csv/csv-read';
import { columnsByHeader, writeCsv, type CsvColumn, type CsvWriteResult } from '../../../src-main/core/csv/csv-write';
import { masterCsvDef } from '../../../src-main/core/csv/master-csv-columns';
import { writeMasterCsv } from '../../../src-main/core/csv/master-csv-export';
import { parseMasterCsv } from '../../../src-main/core/csv/master-csv-import';
import { parseSubscriptionCsv, serialiseSubscriptionCsv } from '../../../src-main/core/subscriptions/subscription-csv';
import { PLAN_CSV_HEADERS, serialisePlanChangesCsv } from '../../../src-main/core/tax-update/plan-csv';
import { parseProductTaxCsv, PRODUCT_TAX_CSV_HEADERS } from '../../../src-main/core/tax-update/product-tax-csv';
import { SAMPLES, TAX_CODES, TAX_IDS } from './master-samples';

/** the three ways a file reaches the readers: as written in each encoding, and UTF-8 with its BOM removed */
const VARIANTS = [
  { name: 'UTF-8 (BOM)', encoding: 'utf-8', stripBom: false },
  { name: 'UTF-8 (no BOM)', encoding: 'utf-8', stripBom: true },
  { name: 'CP932', encoding: 'cp932', stripBom: false },
] as const satisfies readonly { name: string; encoding: CsvEncoding; stripBom: boolean }[];

function bytesOf(file: CsvWriteResult, stripBom: boolean): Uint8Array {
  if (!file.ok) throw new Error(JSON.stringify(file.problems));
  const bom = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf;
  if (stripBom) expect(bom).toBe(true);
  return stripBom ? file.bytes.subarray(3) : file.bytes;
}

/** text that exercises quoting, line breaks, the formula guard and CP932 (JIS variants excluded: they read back as their twin) */
const AWKWARD = ['①㈱髙～, "特選"', '=SUM(A1)', '-割引', '改行\r\nあり', "'先頭", '@x', ' 空白 '];

interface Item {
  code: string;
  name: string;
  quantity: number;
  price: number | null;
}
const ITEM_COLUMNS: CsvColumn<Item>[] = [
  { header: 'コード', cell: (i) => i.code },
  { header: '名前', cell: (i) => i.name },
  { header: '数量', cell: (i) => i.quantity },
  { header: '単価', cell: (i) => i.price },
];
const ITEM_LAYOUT: CsvLayout = { label: '明細', columns: ITEM_COLUMNS.map((c) => c.header), otherColumns: 'error', cellCount: 'exact' };
const items: Item[] = AWKWARD.map((name, k) => ({ code: `I${k}`, name, quantity: k - 3, price: k % 2 === 0 ? null : k * 1000 }));

const app: SubscriptionApplication = {
  code: 'S1',
  customerCode: '=C1',
  status: '継続中',
  orderProcessed: false,
  standardRate: 8,
  reducedRate: 8,
  items: [
    {
      productCode: 'P①',
      variationH: '-A',
      variationV: '',
      name: AWKWARD.join(''),
      quantity: 2,
      firstPrice: 1080,
      regularPrice: 1000,
      lastPrice: 500,
      taxIncluded: true,
      taxRateType: '標準',
      options: [{ name: '割引, "定期"', price: -100, taxIncluded: false, taxRateType: '軽減' }],
    },
  ],
};

describe('one CSV API: write → read round trips per encoding for every CSV kind', () => {
  for (const v of VARIANTS) {
    it(`generic rows + column definitions (${v.name})`, async () => {
      const bytes = bytesOf(writeCsv(ITEM_COLUMNS, items, { encoding: v.encoding }), v.stripBom);
      const read = await readCsvRows(bytes, ITEM_LAYOUT, (r) => {
        const price = r.cell('単価');
        return { code: r.code('コード', true), name: r.text('名前'), quantity: r.integer('数量', -10, 10, '数量'), price: price === '' ? null : Number(price) };
      });
      expect(read).toEqual({ ok: true, encoding: v.encoding, rows: items });
    });

    it(`every master (${v.name})`, async () => {
      for (const master of CSV_MASTERS) {
        const def = masterCsvDef(master);
        const bytes = bytesOf(writeMasterCsv(def, SAMPLES[master], v.encoding, TAX_CODES), v.stripBom);
        const parsed = await parseMasterCsv(def, bytes, 'auto', TAX_IDS);
        expect(parsed.ok && parsed.encoding, master).toBe(v.encoding);
        expect(parsed.ok && parsed.rows.map((r) => r.values), master).toEqual(SAMPLES[master]);
      }
    });

    it(`定期申込 (${v.name})`, async () => {
      const bytes = bytesOf(serialiseSubscriptionCsv([app], { encoding: v.encoding }), v.stripBom);
      expect(await parseSubscriptionCsv(bytes)).toEqual({ ok: true, encoding: v.encoding, applications: [app] });
    });

    it(`商品税率区分 (${v.name})`, async () => {
      const products: ProductTaxRow[] = AWKWARD.map((name, k) => ({ productCode: `P${k}`, variationH: k % 2 ? 'H' : '', variationV: '', name, taxRateType: k % 2 ? '軽減' : '標準' }));
      const rows = products.map((p) => ({ 商品コード: p.productCode, 枝番横: p.variationH, 枝番縦: p.variationV, 商品名: p.name, 税率区分: p.taxRateType }));
      const bytes = bytesOf(writeCsv(columnsByHeader(PRODUCT_TAX_CSV_HEADERS), rows, { encoding: v.encoding }), v.stripBom);
      expect(await parseProductTaxCsv(bytes)).toEqual({ ok: true, encoding: v.encoding, products });
    });

    it(`消費税自動更新 preview (${v.name})`, async () => {
      const plan = planTaxUpdate([app], PRESET_2019, () => null, 'floor');
      expect(plan.changes.length).toBeGreaterThan(3);
      const bytes = bytesOf(serialisePlanChangesCsv(plan.changes, { encoding: v.encoding }), v.stripBom);
      const layout: CsvLayout = { label: 'プレビュー', columns: PLAN_CSV_HEADERS, otherColumns: 'error', cellCount: 'exact' };
      const read = await readCsvRows(bytes, layout, (r) => PLAN_CSV_HEADERS.map((h) => r.text(h)));
      const expected = plan.changes.map((c) => [c.applicationCode, c.productCode, c.variation, PLAN_FIELD_LABELS[c.field], c.optionName ?? '', String(c.old), String(c.new)]);
      expect(read).toEqual({ ok: true, encoding: v.encoding, rows: expected });
    });
  }
});

/**
 * Fuzzed CSV import against a real SQLite file: random bytes, quotes, commas, CRLF/LF/CR, BOM,
 * CP932, long fields and half-valid rows. Whatever the file, the answer is either success or
 * CSV_INVALID whose problems name rows (never INTERNAL, never a crash), and when it is an error
 * the database is exactly what it was before. When a file whose rows the generator knows imports,
 * every row of it is found in the database, cell by cell, as the file wrote it.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../../helpers/core';

const PRODUCT_HEADERS = [
  '商品コード',
  '枝番(横)',
  '枝番(縦)',
  'SKUコード',
  '商品名',
  '計上単位',
  '棚卸対象',
  '税区分コード',
  '単価',
  'JANコード',
];
const PARTNER_HEADERS = ['取引先コード', '取引先名', '取引先種別', '請求区分', '締日', '税表示'];

const piece = fc.constantFrom(
  'a',
  'Z',
  '0',
  '9',
  ' ',
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '=',
  '+',
  '-',
  '@',
  "'",
  'ｱ',
  '商',
  '①',
  '㈱',
  '髙',
  '～',
  '〜',
  '🍣',
  '\uFFFD',
  '\t',
);
const noisyText = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
const longText = fc.tuple(fc.constantFrom('x', 'あ', '"'), fc.integer({ min: 100, max: 3000 })).map(([c, n]) => c.repeat(n));

/** cells that are often valid for some column, so files sometimes import */
const plausible = fc.oneof(
  fc.stringMatching(/^[A-Z][A-Z0-9]{0,4}$/),
  fc.constantFrom(
    '',
    '1',
    '12',
    '0',
    '-5',
    '1.5',
    '対象',
    '対象外',
    'STD10',
    'RED08',
    'XX',
    '4901234567894',
    '123',
    '得意先',
    '倉庫',
    '締',
    '個別',
    '税込',
    '31',
    '32',
  ),
  fc.constantFrom('コーヒー', '㈱髙島屋', '①番'),
);
const cell = fc.oneof({ weight: 6, arbitrary: plausible }, { weight: 3, arbitrary: noisyText }, { weight: 1, arbitrary: longText });

/** a row every rule accepts (names still carry quotes, commas, line breaks, ①㈱髙～) */
const nameText = fc
  .array(fc.constantFrom('a', '商', '①', '㈱', '髙', '～', ',', '"', '\r\n', '\n', ' '), { minLength: 1, maxLength: 10 })
  .map((p) => `N${p.join('')}`);
const validProductRow = fc
  .tuple(
    fc.stringMatching(/^[A-F][0-9]{0,2}$/),
    fc.constantFrom('', 'RED'),
    nameText,
    fc.integer({ min: 1, max: 99 }),
    fc.boolean(),
    fc.constantFrom('', 'STD10', 'RED08'),
    fc.nat(99999),
  )
  .map(([code, vh, name, q, inv, tax, price]) => [code, vh, '', '', name, String(q), inv ? '対象' : '対象外', tax, String(price), '']);
const validPartnerRow = fc
  .tuple(
    fc.stringMatching(/^[A-F][0-9]{0,2}$/),
    nameText,
    fc.constantFrom(['倉庫', '', '', ''], ['得意先', '締', '31', '税込'], ['得意先', '個別', '', '税抜'], ['仕入先', '', '', '']),
  )
  .map(([code, name, rest]) => [code, name, ...rest]);

function quote(c: string, always: boolean): string {
  return always || /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/** true one time in four: most files keep a correct shape so the rows' own rules get exercised */
const rarely = fc.constantFrom(false, false, false, true);

const structuredCsv = fc
  .record({
    master: fc.constantFrom('products' as const, 'partners' as const),
    dropHeader: rarely,
    extraHeader: rarely,
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 12 }), { maxLength: 6 }),
    validRows: fc.boolean(),
    validProducts: fc.array(validProductRow, { minLength: 1, maxLength: 5 }),
    validPartners: fc.array(validPartnerRow, { minLength: 1, maxLength: 5 }),
    eol: fc.constantFrom('\r\n', '\n', '\r'),
    quoteAll: fc.boolean(),
    rawQuotes: rarely,
    bom: fc.boolean(),
    cp932: fc.boolean(),
  })
  .map((f) => {
    let headers = f.master === 'products' ? [...PRODUCT_HEADERS] : [...PARTNER_HEADERS];
    if (f.dropHeader) headers = headers.slice(1);
    if (f.extraHeader) headers.push('備考');
    const rows = f.validRows ? (f.master === 'products' ? f.validProducts : f.validPartners) : f.rows;
    const lines = [headers, ...rows].map((r) => r.map((c) => (f.rawQuotes ? c : quote(c, f.quoteAll))).join(','));
    const text = lines.join(f.eol) + f.eol;
    let bytes = f.cp932 ? iconv.encode(text, 'cp932') : Buffer.from(text, 'utf8');
    if (f.bom) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    // the rows as a reader of this file sees them (a CP932 file holds what CP932 round-trips)
    const known = !f.dropHeader && !f.extraHeader && !f.rawQuotes;
    const seen = (c: string) => (f.cp932 ? iconv.decode(iconv.encode(c, 'cp932'), 'cp932') : c);
    return { master: f.master, bytes, rows: known ? rows.map((r) => r.map(seen)) : null };
  });

const randomBytes = fc
  .record({
    master: fc.constantFrom('products' as const, 'partners' as const, 'departments' as const),
    bytes: fc.uint8Array({ maxLength: 400 }),
    bom: fc.boolean(),
  })
  .map((f) => ({
    master: f.master,
    bytes: f.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), f.bytes]) : Buffer.from(f.bytes),
    rows: null,
  }));

/** The database row a CSV row of `master` wrote, as CSV cells in the file's column order (null: none). */
function storedCells(t: TestCore, master: string, row: readonly string[]): string[] | null {
  const db = t.core.db;
  if (master === 'products') {
    const p = db
      .prepare(
        `select p.code, p.variation_h, p.variation_v, coalesce(p.sku_code, '') as sku, p.name, p.unit_quantity, p.inventory_tracked, coalesce(tc.code, '') as tax, p.unit_price, coalesce(p.jan_code, '') as jan
         from products p left join tax_classes tc on tc.id = p.tax_class_id where p.code = ? and p.variation_h = ? and p.variation_v = ?`,
      )
      .get(row[0]!.trim(), row[1]!.trim(), row[2]!.trim()) as Record<string, string | number> | undefined;
    return p
      ? [
          p.code,
          p.variation_h,
          p.variation_v,
          p.sku,
          p.name,
          String(p.unit_quantity),
          p.inventory_tracked ? '対象' : '対象外',
          p.tax,
          String(p.unit_price),
          p.jan,
        ].map(String)
      : null;
  }
  const q = db
    .prepare(
      `select code, name, kind, coalesce(billing_type, '') as b, coalesce(closing_day, '') as c, coalesce(tax_display, '') as d from partners where code = ?`,
    )
    .get(row[0]!.trim()) as Record<string, string | number> | undefined;
  return q ? [q.code, q.name, q.kind, q.b, q.c, q.d].map(String) : null;
}

describe('fuzzed CSV import', () => {
  let t: TestCore;
  const snapshot = () =>
    JSON.stringify(['products', 'partners', 'departments'].map((table) => t.core.db.prepare(`select * from ${table} order by id`).all()));

  beforeAll(async () => {
    t = await makeTestCore();
    // some existing data, one of it confirmed, so updates and the 確定 rule are exercised
    await t.call('csv:import', {
      master: 'products',
      fileName: 'seed.csv',
      contentBase64: Buffer.from(`${PRODUCT_HEADERS.join(',')}\r\nA,,,,既存,1,対象,,100,\r\nB,,,,既存B,1,対象,,100,\r\n`).toString(
        'base64',
      ),
    });
    const a = (await t.call<{ rows: { id: number; code: string }[] }>('products:list', {})).rows.find((p) => p.code === 'A')!;
    await t.call('products:confirm', { id: a.id });
  });
  afterAll(() => t.close());

  it('only ever succeeds or reports row problems, and writes nothing on error (400 runs)', async () => {
    let successes = 0;
    let failures = 0;
    let comparedRows = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: structuredCsv }, { weight: 1, arbitrary: randomBytes }),
        fc.constantFrom('auto', 'utf-8', 'cp932', undefined),
        async (file, encoding) => {
          const before = snapshot();
          const r = await t.core.dispatch(
            'csv:import',
            { master: file.master, fileName: 'fuzz.csv', contentBase64: file.bytes.toString('base64'), ...(encoding ? { encoding } : {}) },
            { via: 'test' },
          );
          if (r.ok) {
            successes++;
            if (!file.rows) return;
            // the last row of a code is what the file leaves in the database
            const last = new Map(
              file.rows.map((row) => [
                file.master === 'products'
                  ? row
                      .slice(0, 3)
                      .map((c) => c.trim())
                      .join('|')
                  : row[0]!.trim(),
                row,
              ]),
            );
            for (const row of last.values()) {
              const want = row.map((c) => c.trim());
              // a blank 税区分コード leaves the product's default class; the other cells are compared as written
              const got = storedCells(t, file.master, row);
              if (file.master === 'products' && want[7] === '' && got) got[7] = '';
              expect(got, `row ${JSON.stringify(row)} of an imported file`).toEqual(want);
              comparedRows++;
            }
            return;
          }
          failures++;
          expect(r.error.code).toBe('CSV_INVALID');
          expect(r.error.fields?.length).toBeGreaterThan(0);
          for (const f of r.error.fields ?? []) {
            if (f.path === 'more') continue;
            expect(f.row).toBeGreaterThanOrEqual(1);
            expect(f.message).toMatch(/行目/);
          }
          expect(snapshot()).toBe(before);
        },
      ),
      { numRuns: 400, seed: 20261125 },
    );
    // the generator must exercise both outcomes, or the property proves little
    expect(successes).toBeGreaterThan(5);
    expect(failures).toBeGreaterThan(100);
    console.log(
      `CSV fuzz: ${successes} files imported (${comparedRows} rows compared cell by cell with the file), ${failures} refused with row problems`,
    );
    expect(comparedRows).toBeGreaterThan(10);
  }, 60_000);
});

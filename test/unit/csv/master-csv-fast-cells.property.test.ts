/**
 * The fast cell rules of the 商品 CSV import (master-csv-fast-cells.ts) against their oracle, the
 * form's zod schema: random files — cells plain and awkward (spaces, full-width letters, formula
 * guards, signs, leading zeros, limits ± 1, JAN check digits, unknown 税区分コード), columns in any
 * order, optional columns left out — are read twice, with the fast rules and with the same column
 * table stripped of them (every row through the schema, as before the rules existed). Both reads
 * must give exactly the same answer: the same values for every row, or the same problems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { masterCsvDef, type MasterCsvDef } from '../../../src-main/core/csv/master-csv-columns';
import { fastRowValues, parseMasterCsv } from '../../../src-main/core/csv/master-csv-import';
import { TAX_IDS } from './master-samples';

const def = masterCsvDef('products');
/** the oracle: the same layout with no fast rule, so every row is checked by productInput */
const schemaOnly: MasterCsvDef = { ...def, columns: def.columns.map(({ fast: _fast, ...c }) => c) };

const awkward = fc.constantFrom('', ' ', '　', "'", "'=1", '=1', '-', '+1', '@', '\t', '1.5', '-0', '0', '00', '-1', 'ＡＢ１', 'ｱｲｳ', 'あいう', '商品', '🍣', 'a b', ' a', 'a ', '\r\n', '"');
const code = (max: number) =>
  fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_.-]{1,6}$/),
    fc.integer({ min: max - 1, max: max + 1 }).map((n) => 'C'.repeat(n)),
    fc.tuple(fc.stringMatching(/^[A-Z0-9]{1,4}$/), awkward).map(([a, b]) => a + b),
    awkward,
  );
const text = (max: number) =>
  fc.oneof(
    fc.constantFrom('商品1 ①㈱髙～, 特選', 'コーヒー', 'ABC', 'a,b "c"', '改行\nあり'),
    fc.integer({ min: max - 1, max: max + 1 }).map((n) => 'あ'.repeat(n)),
    fc.tuple(fc.constantFrom('名前', 'ほてる', 'ﾎﾃﾙ', 'ホテル'), awkward, fc.boolean()).map(([a, b, front]) => (front ? b + a : a + b)),
    // the formula guard: a leading ' the reader removes before = + - @, and keeps otherwise
    fc.constantFrom("'=SUM(A1)", "''-1", "'+81", "'@ホテル", "'ほてる", "'"),
    awkward,
  );
const whole = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max: Math.min(max, min + 5000) }).map(String),
    fc.constantFrom(min - 1, min, max, max + 1).map(String),
    fc.integer({ min: 0, max: 999 }).map((n) => `00${n}`),
    fc.integer({ min: 1, max: 99 }).map((n) => ` ${n}`),
    fc.integer({ min: 1, max: 99 }).map((n) => `'${n}`),
    fc.integer({ min: 1, max: 99 }).map((n) => `${n}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
    awkward,
  );
const janDigits = fc.constantFrom('4901234567894', '4901234567890', '49012345', '49012340', '490123456789', '0000000000000', ' 4901234567894', '４901234567894');

/** mostly the column's plain cell, so whole rows often pass every rule */
const mostly = (plain: fc.Arbitrary<string>, odd: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: plain, weight: 7 }, { arbitrary: odd, weight: 1 });

/** one generator per column, by field */
const CELLS: Record<string, fc.Arbitrary<string>> = {
  code: mostly(fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/), code(30)),
  variationH: mostly(fc.constantFrom('', 'RED', 'M'), code(20)),
  variationV: mostly(fc.constantFrom('', 'BLUE', 'L'), code(20)),
  skuCode: mostly(fc.constantFrom('', 'SKU-1', 'x.y_z'), code(40)),
  name: mostly(fc.constantFrom('商品1 ①㈱髙～, 特選', 'コーヒー'), text(120)),
  kana: mostly(fc.constantFrom('', 'コーヒー', 'ﾎﾃﾙ'), text(100)),
  unitQuantity: mostly(fc.integer({ min: 1, max: 24 }).map(String), whole(1, 1_000_000)),
  inventoryTracked: mostly(fc.constantFrom('対象', '対象外'), fc.constantFrom(' 対象', '1', '0', 'はい', '×', 'true', '', 'X')),
  taxClassId: mostly(fc.constantFrom('STD10', 'RED08', ''), fc.constantFrom('std10', ' STD10', 'XX', '1')),
  unitPrice: mostly(fc.integer({ min: 0, max: 20000 }).map(String), whole(0, 99_999_999_999)),
  janCode: mostly(fc.constantFrom('', '4901234567894', '49012345'), fc.oneof(janDigits, awkward)),
  costPrice: mostly(fc.constantFrom('', '850'), whole(0, 99_999_999_999)),
};

/** which columns a file has and in what order: every required one, some optional ones */
const layout = fc
  .tuple(
    fc.shuffledSubarray(
      def.columns.filter((c) => !c.required),
      { minLength: 0 },
    ),
    fc.func(fc.integer()),
  )
  .map(([optional, order]) => [...def.columns.filter((c) => c.required), ...optional].sort((a, b) => order(a.field) - order(b.field) || a.field.localeCompare(b.field)));

const file = layout.chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    rows: fc.array(fc.tuple(...columns.map((c) => CELLS[c.field]!)), { minLength: 1, maxLength: 8 }),
  }),
);

const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;
const csvOf = (columns: readonly { header: string }[], rows: readonly string[][]): Buffer =>
  Buffer.from([columns.map((c) => c.header), ...rows].map((r) => r.map(quote).join(',')).join('\r\n'), 'utf8');

describe('商品 CSV fast cell rules agree with productInput', () => {
  it('random files read the same with the fast rules and with the schema alone', async () => {
    let fastRows = 0;
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ columns, rows: cells }) => {
        const bytes = csvOf(columns, cells);
        const [fastRead, schemaRead] = await Promise.all([parseMasterCsv(def, bytes, 'auto', TAX_IDS), parseMasterCsv(schemaOnly, bytes, 'auto', TAX_IDS)]);
        expect(fastRead).toStrictEqual(schemaRead);
        // how often the fast path answered, so the comparison is known to cover it
        const at = def.columns.map((c) => {
          const i = columns.indexOf(c);
          return i < 0 ? undefined : i;
        });
        for (const r of cells) {
          rows++;
          if (fastRowValues(def, r, at, { taxClassIds: TAX_IDS }) !== undefined) fastRows++;
        }
      }),
      { numRuns: 400 },
    );
    expect(fastRows).toBeGreaterThan(rows * 0.2);
    expect(fastRows).toBeLessThan(rows);
  });

  it('each rule accepts its plain cells, so a typical 商品 row takes the fast path', () => {
    const header = def.columns.map((c) => c.header);
    const at = header.map((_, i) => i);
    const ctx = { taxClassIds: TAX_IDS };
    const row = ['P000001', 'RED', 'M', 'SKU-1', '①コーヒー', 'ｺｰﾋｰ', '12', '対象', 'RED08', '1200', '4901234567894', '850'];
    expect(fastRowValues(def, row, at, ctx)).toStrictEqual({
      code: 'P000001', variationH: 'RED', variationV: 'M', skuCode: 'SKU-1', name: '①コーヒー', kana: 'コーヒー',
      unitQuantity: 12, inventoryTracked: true, taxClassId: 2, unitPrice: 1200, janCode: '4901234567894', costPrice: 850,
    });
    // each awkward cell sends the row to the schema
    const awkwardAt: [number, string][] = [[0, 'ｐ1'], [4, ' 名前'], [4, "'=1"], [6, '0'], [7, '1'], [8, 'XX'], [9, '-1'], [10, '4901234567890'], [11, '1.5']];
    for (const [i, cell] of awkwardAt) {
      const odd = [...row];
      odd[i] = cell;
      expect(fastRowValues(def, odd, at, ctx), `${header[i]} = ${cell}`).toBeUndefined();
    }
  });
});

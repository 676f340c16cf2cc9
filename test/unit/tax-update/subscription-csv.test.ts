import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../../src-shared/errors';
import type { SubscriptionApplication } from '../../../src-shared/tax-update/types';
import { scanCsvText } from '../../../src-main/core/csv/csv-records';
import { parseSubscriptionCsv, serialiseSubscriptionCsv, SUBSCRIPTION_CSV_HEADERS } from '../../../src-main/core/subscriptions/subscription-csv';
import { parseProductTaxCsv } from '../../../src-main/core/tax-update/product-tax-csv';
import { applicationsArb } from './arbitraries';

const HEADER = SUBSCRIPTION_CSV_HEADERS.join(',');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const sjis = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'cp932'));
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

/** a valid item row / option row for application S001 */
const ITEM = '商品,S001,C001,継続中,0,8,8,P1,A,01,コーヒー豆,2,1080,1000,500,税込,標準,,';
const OPTION = 'オプション,S001,C001,継続中,0,8,8,,,,,,,,,税込,標準,定期割引,-100';

const sample: SubscriptionApplication[] = [
  {
    code: 'S001',
    customerCode: 'C001',
    status: '継続中',
    orderProcessed: false,
    standardRate: 8,
    reducedRate: 8,
    items: [
      {
        productCode: 'P1',
        variationH: 'A',
        variationV: '01',
        name: '①㈱髙～コーヒー, "特選"',
        quantity: 2,
        firstPrice: 1080,
        regularPrice: 1000,
        lastPrice: 500,
        taxIncluded: true,
        taxRateType: '標準',
        options: [
          { name: '定期割引', price: -100, taxIncluded: true, taxRateType: '標準' },
          { name: '=HYPERLINK("x")', price: 330, taxIncluded: false, taxRateType: '軽減' },
        ],
      },
      {
        productCode: '-P2',
        variationH: '',
        variationV: '',
        name: '+改行\r\nあり',
        quantity: 1,
        firstPrice: 0,
        regularPrice: 0,
        lastPrice: 0,
        taxIncluded: false,
        taxRateType: '軽減',
        options: [],
      },
    ],
  },
  { code: 'S002', customerCode: '@C2', status: '解約', orderProcessed: true, standardRate: 10, reducedRate: 8, items: [] },
];
sample[1]?.items.push({ ...(sample[0]?.items[1] as SubscriptionApplication['items'][number]), productCode: 'P3', name: 'x' });

async function parseOk(bytes: Uint8Array): Promise<SubscriptionApplication[]> {
  const r = await parseSubscriptionCsv(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.applications;
}
async function parseErrors(text: string): Promise<FieldProblem[]> {
  const r = await parseSubscriptionCsv(utf8(text));
  if (r.ok) throw new Error('expected errors');
  return r.problems;
}
const where = (errors: FieldProblem[]): string[] => errors.map((e) => `${e.row}:${e.column ?? ''}`);

describe('subscription CSV — round trip', () => {
  it('UTF-8 with BOM: writes the guard and negative numbers as numbers, reads back the same data', async () => {
    const r = serialiseSubscriptionCsv(sample, { encoding: 'utf-8' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(r.bytes.slice(3));
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(text).toContain(',定期割引,-100\r\n'); // negative number stays a number
    expect(text).toContain(`,"'=HYPERLINK(""x"")",330\r\n`); // formula neutralised
    expect(text).toContain(",'-P2,"); // text starting with - is guarded
    expect(text).toContain(",'@C2,");
    expect(await parseOk(r.bytes)).toEqual(sample);
  });

  it('UTF-8 without BOM and CP932 (①㈱髙～) round trip', async () => {
    const noBom = serialiseSubscriptionCsv(sample, { encoding: 'utf-8', bom: false });
    expect(noBom.ok && [...noBom.bytes.slice(0, 3)]).toEqual([0xe8, 0xa1, 0x8c]); // 行, no BOM
    if (!noBom.ok) return;
    expect(await parseOk(noBom.bytes)).toEqual(sample);
    const cp = serialiseSubscriptionCsv(sample, { encoding: 'cp932' });
    if (!cp.ok) throw new Error(JSON.stringify(cp.problems));
    // ～ is FULLWIDTH TILDE U+FF5E = 0x8160 in CP932, ① = 0x8740, ㈱ = 0x878A, 髙 = 0xFBFC
    const hex = Buffer.from(cp.bytes).toString('hex');
    expect(hex).toContain('8740878afbfc8160');
    const parsed = await parseSubscriptionCsv(cp.bytes);
    expect(parsed.ok && parsed.encoding).toBe('cp932');
    expect(parsed.ok && parsed.applications).toEqual(sample);
    // an explicit encoding is honoured
    const explicit = await parseSubscriptionCsv(cp.bytes, { encoding: 'cp932' });
    expect(explicit.ok && explicit.applications).toEqual(sample);
  });

  it('random applications round trip in both encodings (property)', async () => {
    await fc.assert(
      fc.asyncProperty(applicationsArb, fc.constantFrom('utf-8' as const, 'cp932' as const), async (apps, encoding) => {
        const r = serialiseSubscriptionCsv(apps, { encoding });
        if (!r.ok) throw new Error(JSON.stringify(r.problems));
        expect(await parseOk(r.bytes)).toEqual(apps);
      }),
      { numRuns: 300 },
    );
  });

  it('a file larger than one encoding chunk (1 M chars) round trips, with a single BOM', async () => {
    const base = sample[0] as SubscriptionApplication;
    const many = Array.from({ length: 4000 }, (_, k) => ({
      ...base,
      code: `S${k}`,
      items: base.items.map((i) => ({ ...i, name: `${i.name}${'髙'.repeat(200)}` })),
    }));
    for (const encoding of ['utf-8', 'cp932'] as const) {
      const r = serialiseSubscriptionCsv(many, { encoding });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.bytes.length).toBeGreaterThan(2_000_000);
      const boms = Buffer.from(r.bytes).toString('latin1').split('\xef\xbb\xbf').length - 1;
      expect(boms).toBe(encoding === 'utf-8' ? 1 : 0);
      expect(await parseOk(r.bytes)).toEqual(many);
    }
  });

  it('CP932 export refuses characters it cannot hold, naming row and column, never writing ?', () => {
    const apps = structuredClone(sample);
    const it0 = apps[0]?.items[0];
    if (!it0 || !it0.options[0]) throw new Error('fixture');
    it0.name = '𠮷野家';
    it0.options[0].name = '絵文字😀';
    const r = serialiseSubscriptionCsv(apps, { encoding: 'cp932' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(where(r.problems)).toEqual(['2:商品名', '3:オプション名']);
    expect(r.problems[0]?.message).toContain('𠮷');
    expect(r.problems[0]?.message).toContain('U+20BB7');
    expect(r.problems[1]?.message).toContain('U+1F600');
    // the same data is fine in UTF-8
    expect(serialiseSubscriptionCsv(apps, { encoding: 'utf-8' }).ok).toBe(true);
  });

  it('CP932 export writes the wave dash 〜 (U+301C) as 0x8160, which reads back as ～ (U+FF5E), never "?"', async () => {
    const apps = structuredClone(sample);
    const it0 = apps[0]?.items[0];
    if (!it0) throw new Error('fixture');
    it0.name = '波〜ダッシュ';
    const r = serialiseSubscriptionCsv(apps, { encoding: 'cp932' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(Buffer.from(r.bytes).toString('hex')).toContain(Buffer.from(iconv.encode('波～ダッシュ', 'cp932')).toString('hex'));
    expect(Buffer.from(r.bytes).includes(0x3f)).toBe(false);
    expect((await parseOk(r.bytes))[0]?.items[0]?.name).toBe('波～ダッシュ');
    // UTF-8 keeps the character as typed
    const u = serialiseSubscriptionCsv(apps, { encoding: 'utf-8' });
    expect(u.ok && (await parseOk(u.bytes))[0]?.items[0]?.name).toBe('波〜ダッシュ');
  });

  it('an application without items cannot be exported (it would vanish)', () => {
    const r = serialiseSubscriptionCsv([{ ...(sample[0] as SubscriptionApplication), items: [] }], { encoding: 'utf-8' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]?.message).toContain('商品がない');
  });
});

describe('subscription CSV — reading', async () => {
  it('reads LF, CRLF and quoted multi-line cells; an option belongs to the item above', async () => {
    const text = `${HEADER}\n${ITEM}\r\n${OPTION}\n"商品",S001,C001,継続中,0,8,8,P2,,,"名前\n2行",1,10,10,10,税抜,軽減,,\n`;
    const apps = await parseOk(utf8(text));
    expect(apps).toHaveLength(1);
    expect(apps[0]?.items.map((i) => [i.productCode, i.name, i.options.length])).toEqual([
      ['P1', 'コーヒー豆', 1],
      ['P2', '名前\n2行', 0],
    ]);
    expect(apps[0]?.items[0]?.options[0]).toEqual({ name: '定期割引', price: -100, taxIncluded: true, taxRateType: '標準' });
  });

  it('bad status and bad number are reported by row and column', async () => {
    const errors = await parseErrors(
      `${HEADER}\n${ITEM.replace('継続中', '休止中')}\n${ITEM.replace(',1080,', ',1080円,').replace(',2,', ',2.5,')}\n`,
    );
    expect(where(errors)).toEqual(['2:状態', '3:数量', '3:初回価格']);
    expect(errors[0]?.message).toBe('2行目「状態」: 「休止中」は使えません。「継続中」「停止」「解約」のいずれかを入力してください。');
  });

  it('column-count mismatch caused by an unquoted comma is reported by row', async () => {
    const errors = await parseErrors(`${HEADER}\n${ITEM}\n${ITEM.replace('コーヒー豆', 'コーヒー,豆')}\n`);
    expect(errors.map((e) => e.row)).toEqual([3]);
    expect(errors[0]?.message).toContain('列の数');
  });

  it('an オプション row without an item row above is an error', async () => {
    expect(where(await parseErrors(`${HEADER}\n${OPTION}\n`))).toEqual(['2:行種別']);
    // item of another application above
    const other = ITEM.replaceAll('S001', 'S002');
    expect(where(await parseErrors(`${HEADER}\n${other}\n${OPTION}\n`))).toEqual(['3:行種別']);
  });

  it('application columns must agree on every row of the application', async () => {
    const errors = await parseErrors(`${HEADER}\n${ITEM}\n${OPTION.replace(',0,8,8,', ',1,10,8,').replace('C001', 'C009')}\n`);
    expect(where(errors)).toEqual(['3:得意先コード', '3:受注処理済', '3:標準税率']);
    expect(errors[0]?.message).toContain('2行目の「C001」と違います');
  });

  it('item columns on option rows and option columns on item rows are errors', async () => {
    const errors = await parseErrors(`${HEADER}\n${ITEM.replace(/,,$/, ',割引,-1')}\n${OPTION.replace(',,,,,,,,', ',P9,,,名前,1,,,')}\n`);
    expect(where(errors)).toEqual(['2:オプション名', '2:オプション価格', '3:商品番号', '3:商品名', '3:数量']);
  });

  it('an オプション row may repeat its item’s 商品番号 / 枝番 / 商品名; a different one is an error naming both', async () => {
    // the shape that was refused: the option row repeats the item's product columns and name
    const repeated = OPTION.replace(',,,,,,,,', ',P1,A,01,コーヒー豆,,,,');
    const r = await parseSubscriptionCsv(utf8(`${HEADER}\n${ITEM}\n${repeated}\n`));
    expect(r.ok && r.applications[0]!.items[0]!.options).toEqual([{ name: '定期割引', price: -100, taxIncluded: true, taxRateType: '標準' }]);
    const errors = await parseErrors(`${HEADER}\n${ITEM}\n${OPTION.replace(',,,,,,,,', ',P1,B,01,紅茶,,,,')}\n`);
    expect(where(errors)).toEqual(['3:枝番横', '3:商品名']);
    expect(errors[0]?.message).toContain('この行の枝番横「B」が上の商品行の枝番横「A」と違います');
    expect(errors[1]?.message).toContain('この行の商品名「紅茶」が上の商品行の商品名「コーヒー豆」と違います');
  });

  it('header problems: missing, unknown and duplicate columns', async () => {
    const errors = await parseErrors(`${HEADER.replace('通常回価格', '通常価格')},行種別\n`);
    expect(where(errors)).toEqual(['1:通常価格', '1:行種別', '1:通常回価格']);
    expect(where(await parseErrors(''))).toEqual(['1:']);
  });

  it('ranges: negative item price, rate over 100, option price beyond limit', async () => {
    const errors = await parseErrors(`${HEADER}\n${ITEM.replace(',1080,', ',-1080,').replace(',0,8,8,', ',0,8,101,')}\n`);
    expect(where(errors)).toEqual(['2:軽減税率', '2:初回価格']);
  });

  it('invalid CP932 bytes are reported by row and column (detected and forced encoding)', async () => {
    const bytes = new Uint8Array([...sjis(`${HEADER}\r\n${ITEM}\r\n`), ...sjis('商品,S00'), 0x81, 0x0a]);
    for (const r of [await parseSubscriptionCsv(bytes, { encoding: 'cp932' }), await parseSubscriptionCsv(bytes)]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(where(r.problems)).toEqual(['3:申込コード']);
    }
    // a UTF-8 file forced as UTF-8 with a broken byte
    const bad = new Uint8Array([...utf8(`${HEADER}\n${ITEM.replace('コーヒー豆', 'X')}`.slice(0, -1)), 0xff, 0x0a]);
    const r = await parseSubscriptionCsv(bad, { encoding: 'utf-8' });
    expect(!r.ok && where(r.problems)).toEqual(['2:オプション名']);
  });

  it('blank rows are skipped but counted in row numbers', async () => {
    const errors = await parseErrors(`${HEADER}\n\n,,,,,,,,,,,,,,,,,,\n${ITEM.replace('継続中', 'x')}\n`);
    expect(where(errors)).toEqual(['4:状態']);
  });
});

describe('subscription CSV — fuzz: only typed results, never a throw', () => {
  const piece = fc.constantFrom(
    HEADER,
    ITEM,
    OPTION,
    '"',
    '""',
    ',',
    '\r\n',
    '\n',
    '\r',
    '\uFEFF',
    'ｱ',
    '①',
    '=1+1',
    '-100',
    "'",
    '商品',
    'オプション',
  );
  const bytesArb = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.array(piece, { maxLength: 30 }).map((a) => utf8(a.join(''))),
    fc.array(piece, { maxLength: 30 }).map((a) => sjis(a.join(''))),
    fc
      .tuple(fc.array(piece, { maxLength: 20 }), fc.uint8Array({ maxLength: 20 }))
      .map(([a, b]) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(a.join('')), ...b])),
  );

  it('returns ok with applications or errors that each carry a Japanese message', async () => {
    await fc.assert(
      fc.asyncProperty(bytesArb, fc.constantFrom(undefined, 'utf-8' as const, 'cp932' as const), async (bytes, encoding) => {
        const r = await parseSubscriptionCsv(bytes, encoding ? { encoding } : {});
        if (r.ok) {
          expect(Array.isArray(r.applications)).toBe(true);
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          expect(r.problems.length).toBeLessThanOrEqual(201);
          for (const e of r.problems) {
            expect(typeof e.message).toBe('string');
            expect(/[ぁ-んァ-ン一-龯]/.test(e.message)).toBe(true);
            if (e.row !== undefined) expect(Number.isInteger(e.row) && e.row >= 1).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('mutations of a valid file (byte flips, inserts, deletes) give typed results; product CSV too', async () => {
    const valid = serialiseSubscriptionCsv(sample, { encoding: 'cp932' });
    if (!valid.ok) throw new Error('fixture');
    const edit = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('flip', 'insert', 'delete'),
      byte: fc.constantFrom(0x22, 0x2c, 0x0d, 0x0a, 0x27, 0x2d, 0x81, 0xff, 0x30, 0x00),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const b = [...valid.bytes];
        for (const e of edits) {
          const at = e.at % (b.length + 1);
          if (e.kind === 'flip') b[at] = e.byte;
          else if (e.kind === 'insert') b.splice(at, 0, e.byte);
          else b.splice(at, 1);
        }
        const bytes = new Uint8Array(b);
        const r = await parseSubscriptionCsv(bytes);
        expect(r.ok || r.problems.every((x) => typeof x.message === 'string' && x.message.length > 0)).toBe(true);
        const p = await parseProductTaxCsv(bytes);
        expect(p.ok || p.problems.length > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tokenizer: any text either tokenizes with increasing rows or reports one problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
        async (text) => {
          const rows: number[] = [];
          const stop = await scanCsvText(text, (record) => {
            rows.push(record.row);
            return undefined;
          });
          if (stop === null) {
            expect(rows).toEqual([...rows].sort((a, b) => a - b));
          } else expect([stop]).toHaveLength(1);
          // rows strictly increase and a stop names the row after the last one read
          expect(new Set(rows).size).toBe(rows.length);
          if (stop !== null) expect(stop.row).toBeGreaterThan(rows.at(-1) ?? 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { planTaxUpdate } from '../../../src-shared/tax-update/plan';
import { PRESET_2019, type SubscriptionApplication } from '../../../src-shared/tax-update/types';
import { serialisePlanChangesCsv } from '../../../src-main/core/tax-update/plan-csv';

const app: SubscriptionApplication = {
  code: '=S1',
  customerCode: 'C1',
  status: '継続中',
  orderProcessed: false,
  standardRate: 8,
  reducedRate: 8,
  items: [
    {
      productCode: 'P①',
      variationH: 'A',
      variationV: '',
      name: 'x',
      quantity: 1,
      firstPrice: 1000,
      regularPrice: 1080,
      lastPrice: 1080,
      taxIncluded: true,
      taxRateType: '標準',
      options: [{ name: '割引～', price: -100, taxIncluded: true, taxRateType: '軽減' }],
    },
  ],
};

describe('serialisePlanChangesCsv', () => {
  it('writes one row per change with Japanese labels, numbers as numbers, in CP932', () => {
    const plan = planTaxUpdate([app], PRESET_2019, () => null, 'floor');
    const r = serialisePlanChangesCsv(plan.changes, { encoding: 'cp932' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(iconv.decode(Buffer.from(r.bytes), 'cp932').split('\r\n')).toEqual([
      '申込コード,商品番号,枝番,項目,オプション名,変更前,変更後',
      "'=S1,P①,A/,初回価格,,1000,1018",
      "'=S1,P①,A/,通常回価格,,1080,1100",
      "'=S1,P①,A/,最終回価格,,1080,1100",
      "'=S1,P①,A/,オプション価格,割引～,-100,-101",
      "'=S1,,,標準税率,,8,10",
      '',
    ]);
  });

  it('refuses a character Shift_JIS cannot hold, by row and column', () => {
    const plan = planTaxUpdate([{ ...app, code: 'S😀1' }], PRESET_2019, () => '軽減', 'floor');
    const r = serialisePlanChangesCsv(plan.changes, { encoding: 'cp932' });
    expect(!r.ok && r.problems.map((e) => `${e.row}:${e.column}`)).toEqual(['2:申込コード', '3:申込コード']);
    // the wave dash is not refused: like every CSV of the app, CP932 gets its twin ～ (0x8160)
    const wave = serialisePlanChangesCsv(planTaxUpdate([{ ...app, code: 'S〜1' }], PRESET_2019, () => '軽減', 'floor').changes, { encoding: 'cp932' });
    if (!wave.ok) throw new Error(JSON.stringify(wave.problems));
    expect(iconv.decode(Buffer.from(wave.bytes), 'cp932').split('\r\n')[1]).toMatch(/^S～1,/);
  });
});

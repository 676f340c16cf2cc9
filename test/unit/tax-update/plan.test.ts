import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-shared/errors';
import { planTaxUpdate } from '../../../src-shared/tax-update/plan';
import { productTaxLookupFrom } from '../../../src-shared/tax-update/product-lookup';
import { isTaxUpdateTarget, validateRateChangeEvent } from '../../../src-shared/tax-update/rate-change-event';
import { applicationSalePrices, itemSalePrices } from '../../../src-shared/tax-update/sale-price';
import {
  PRESET_2019,
  type ProductTaxLookup,
  type RateChangeEvent,
  type SubscriptionApplication,
  type SubscriptionItem,
  type TaxRateType,
} from '../../../src-shared/tax-update/types';
import { applicationsArb, rateTypeArb } from './arbitraries';

function item(over: Partial<SubscriptionItem> = {}): SubscriptionItem {
  return {
    productCode: 'P1',
    variationH: '',
    variationV: '',
    name: '有機コーヒー豆',
    quantity: 1,
    firstPrice: 1000,
    regularPrice: 1080,
    lastPrice: 500,
    taxIncluded: true,
    taxRateType: '標準',
    options: [],
    ...over,
  };
}

function app(over: Partial<SubscriptionApplication> = {}): SubscriptionApplication {
  return {
    code: 'S001',
    customerCode: 'C001',
    status: '継続中',
    orderProcessed: false,
    standardRate: 8,
    reducedRate: 8,
    items: [item()],
    ...over,
  };
}

const allStandard: ProductTaxLookup = () => '標準';
const deleted: ProductTaxLookup = () => null;
const constLookup =
  (t: TaxRateType): ProductTaxLookup =>
  () =>
    t;

const REDUCED_CUT: RateChangeEvent = {
  id: 'reduced-cut',
  effectiveDate: '2030-04-01',
  oldStandard: 10,
  newStandard: 10,
  oldReduced: 8,
  newReduced: 6,
  label: '軽減税率 8%→6%',
};

describe('planTaxUpdate — worked examples (8 % → 10 %)', () => {
  it.each([
    ['floor', [1018, 1100, 509]],
    ['ceil', [1019, 1100, 510]],
    ['round', [1019, 1100, 509]],
  ] as const)('%s: 税込 standard item prices 1000/1080/500 → %j', (mode, [first, regular, last]) => {
    const plan = planTaxUpdate([app()], PRESET_2019, allStandard, mode);
    const it0 = plan.updatedApplications[0]?.items[0];
    expect([it0?.firstPrice, it0?.regularPrice, it0?.lastPrice]).toEqual([first, regular, last]);
    expect(plan.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ['firstPrice', 1000, first],
      ['regularPrice', 1080, regular],
      ['lastPrice', 500, last],
      ['standardRate', 8, 10],
    ]);
    expect(plan.targets).toBe(1);
    expect(plan.totals.changedPrices).toBe(3);
    expect(plan.totals.changedApplications).toBe(1);
    expect(plan.totals.before).toEqual({ first: 1000, regular: 1080, last: 500 });
    expect(plan.totals.after).toEqual({ first, regular, last });
  });

  it('options −100 and −108 (税込, on a standard item) → −101/−102/−102 and −110', () => {
    const a = app({
      items: [
        item({
          options: [
            { name: '定期割引', price: -100, taxIncluded: true, taxRateType: '軽減' },
            { name: '割引B', price: -108, taxIncluded: true, taxRateType: '軽減' },
          ],
        }),
      ],
    });
    const got = (['floor', 'ceil', 'round'] as const).map((m) =>
      planTaxUpdate([a], PRESET_2019, allStandard, m).updatedApplications[0]?.items[0]?.options.map((o) => o.price),
    );
    // negative options follow the item (標準) even though their own 税率区分 is 軽減
    expect(got).toEqual([
      [-101, -110],
      [-102, -110],
      [-102, -110],
    ]);
  });

  it('税抜 ¥1,234 keeps its base; sale price goes 1,332 → 1,357 (floor)', () => {
    const a = app({ items: [item({ taxIncluded: false, firstPrice: 1234, regularPrice: 1234, lastPrice: 1234 })] });
    const plan = planTaxUpdate([a], PRESET_2019, allStandard, 'floor');
    expect(plan.updatedApplications[0]?.items[0]?.firstPrice).toBe(1234);
    expect(plan.changes.map((c) => c.field)).toEqual(['standardRate']);
    expect(plan.totals.changedPrices).toBe(0);
    expect(plan.salePrices).toEqual([
      { applicationCode: 'S001', before: { first: 1332, regular: 1332, last: 1332 }, after: { first: 1357, regular: 1357, last: 1357 } },
    ]);
  });

  it('reduced-rate item (from the product master) keeps its 税込 price; only 税率区分 and rate change', () => {
    const plan = planTaxUpdate([app()], PRESET_2019, constLookup('軽減'), 'ceil');
    const it0 = plan.updatedApplications[0]?.items[0];
    expect(it0?.taxRateType).toBe('軽減');
    expect([it0?.firstPrice, it0?.regularPrice, it0?.lastPrice]).toEqual([1000, 1080, 500]);
    expect(plan.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ['taxRateType', '標準', '軽減'],
      ['standardRate', 8, 10],
    ]);
  });
});

describe('planTaxUpdate — targets, lookup and option rules', () => {
  it('targets only 継続中, not order-processed, standard rate = old standard', () => {
    const apps = [
      app({ code: 'A' }),
      app({ code: 'B', status: '停止' }),
      app({ code: 'C', status: '解約' }),
      app({ code: 'D', orderProcessed: true }),
      app({ code: 'E', standardRate: 10, reducedRate: 8 }),
      app({ code: 'F', standardRate: 5 }),
    ];
    const plan = planTaxUpdate(apps, PRESET_2019, allStandard, 'floor');
    expect(plan.targets).toBe(1);
    expect(new Set(plan.changes.map((c) => c.applicationCode))).toEqual(new Set(['A']));
    apps.slice(1).forEach((a, i) => expect(plan.updatedApplications[i + 1]).toBe(a));
  });

  it("a deleted product (lookup null) keeps the application's own 税率区分", () => {
    const a = app({ items: [item({ taxRateType: '軽減' }), item({ productCode: 'P2', taxRateType: '標準' })] });
    const plan = planTaxUpdate([a], PRESET_2019, deleted, 'floor');
    const items = plan.updatedApplications[0]?.items;
    expect(items?.map((i) => i.taxRateType)).toEqual(['軽減', '標準']);
    expect(items?.map((i) => i.firstPrice)).toEqual([1000, 1018]);
    expect(plan.changes.some((c) => c.field === 'taxRateType')).toBe(false);
  });

  it('lookup is asked with 商品番号 + 枝番(横)(縦)', () => {
    const lookup = productTaxLookupFrom([
      { productCode: 'P1', variationH: 'A', variationV: '1', name: 'x', taxRateType: '軽減' },
      { productCode: 'P1', variationH: 'A', variationV: '2', name: 'x', taxRateType: '標準' },
    ]);
    const a = app({
      items: [
        item({ variationH: 'A', variationV: '1' }),
        item({ variationH: 'A', variationV: '2' }),
        item({ variationH: 'A', variationV: '3', taxRateType: '軽減' }), // deleted: keeps 軽減
      ],
    });
    const items = planTaxUpdate([a], PRESET_2019, lookup, 'floor').updatedApplications[0]?.items;
    expect(items?.map((i) => [i.taxRateType, i.firstPrice])).toEqual([
      ['軽減', 1000],
      ['標準', 1018],
      ['軽減', 1000],
    ]);
  });

  it('option sign rule: ≥ 0 follows the option, < 0 follows the item after step 1', () => {
    const a = app({
      items: [
        item({
          options: [
            { name: 'ギフト包装', price: 330, taxIncluded: true, taxRateType: '標準' }, // own 標準 → 336
            { name: 'のし', price: 108, taxIncluded: true, taxRateType: '軽減' }, // own 軽減 → 108
            { name: '定期割引', price: -100, taxIncluded: true, taxRateType: '標準' }, // item 軽減 → −100
            { name: '0円', price: 0, taxIncluded: true, taxRateType: '標準' },
            { name: '税抜割引', price: -100, taxIncluded: false, taxRateType: '標準' }, // base kept
          ],
        }),
      ],
    });
    const plan = planTaxUpdate([a], PRESET_2019, constLookup('軽減'), 'floor');
    const it0 = plan.updatedApplications[0]?.items[0];
    expect(it0?.options.map((o) => o.price)).toEqual([336, 108, -100, 0, -100]);
    // option's own 税率区分 is data of the option and is not rewritten
    expect(it0?.options.map((o) => o.taxRateType)).toEqual(['標準', '軽減', '標準', '標準', '標準']);
    expect(plan.changes.filter((c) => c.field === 'optionPrice')).toEqual([
      {
        applicationCode: 'S001',
        productCode: 'P1',
        variation: '/',
        itemIndex: 0,
        field: 'optionPrice',
        optionName: 'ギフト包装',
        optionIndex: 0,
        old: 330,
        new: 336,
      },
    ]);
    // sale price after: item 1000 (軽減 税込) + 336 + 108 − 100 + 0 + (−100 − 8 at 軽減 8 %) = 1236
    expect(plan.salePrices[0]?.after.first).toBe(1000 + 336 + 108 - 100 + 0 - 108);
    // before: everything at 8 %: 1000 + 330 + 108 − 100 + 0 − 108
    expect(plan.salePrices[0]?.before.first).toBe(1000 + 330 + 108 - 100 - 108);
  });

  it('negative option on a standard item is re-rated with the item', () => {
    const a = app({ items: [item({ options: [{ name: '割引', price: -500, taxIncluded: true, taxRateType: '軽減' }] })] });
    const opt = planTaxUpdate([a], PRESET_2019, allStandard, 'floor').updatedApplications[0]?.items[0]?.options[0];
    expect(opt?.price).toBe(-509);
  });

  it('sale prices multiply by quantity and sum items and options per delivery kind', () => {
    const a = app({
      items: [
        item({
          quantity: 3,
          firstPrice: 1080,
          regularPrice: 1000,
          lastPrice: 0,
          options: [{ name: '包装', price: 100, taxIncluded: false, taxRateType: '標準' }],
        }),
        item({
          productCode: 'F',
          quantity: 2,
          taxIncluded: false,
          firstPrice: 1234,
          regularPrice: 1234,
          lastPrice: 1234,
          taxRateType: '軽減',
        }),
      ],
    });
    const plan = planTaxUpdate([a], PRESET_2019, (code) => (code === 'F' ? '軽減' : '標準'), 'floor');
    // before (8 %): item1 (1080 + 108) × 3, item2 (1234 + 98) × 2
    expect(plan.salePrices[0]?.before).toEqual({ first: 1188 * 3 + 1332 * 2, regular: 1108 * 3 + 1332 * 2, last: 108 * 3 + 1332 * 2 });
    // after: item1 (1100 + 110) × 3 / (1018 + 110) × 3 / (0 + 110) × 3; item2 reduced stays 1332
    expect(plan.salePrices[0]?.after).toEqual({ first: 1210 * 3 + 1332 * 2, regular: 1128 * 3 + 1332 * 2, last: 110 * 3 + 1332 * 2 });
    expect(applicationSalePrices(plan.updatedApplications[0] as SubscriptionApplication, 'floor')).toEqual(plan.salePrices[0]?.after);
    expect(applicationSalePrices(a, 'floor')).toEqual(plan.salePrices[0]?.before);
    const u = plan.updatedApplications[0] as SubscriptionApplication;
    expect(u.items.map((i) => itemSalePrices(i, u.standardRate, u.reducedRate, 'floor'))).toEqual([
      { first: 1210 * 3, regular: 1128 * 3, last: 110 * 3, optionsPerUnit: 110 },
      { first: 1332 * 2, regular: 1332 * 2, last: 1332 * 2, optionsPerUnit: 0 },
    ]);
  });

  it('application rates set to the new standard/reduced rates (step 5), reduced change listed when it changes', () => {
    const plan = planTaxUpdate([app({ reducedRate: 8 })], PRESET_2019, allStandard, 'floor');
    expect(plan.updatedApplications[0]).toMatchObject({ standardRate: 10, reducedRate: 8 });
    expect(plan.changes.filter((c) => c.field === 'reducedRate')).toEqual([]);
  });

  it('a later reduced-rate cut (8 → 6) re-rates reduced 税込 prices by 106/108 and leaves standard ones', () => {
    const a = app({
      standardRate: 10,
      reducedRate: 8,
      items: [item({ productCode: 'F', taxRateType: '軽減', firstPrice: 1080 }), item({ productCode: 'G', firstPrice: 1100 })],
    });
    const plan = planTaxUpdate([a], REDUCED_CUT, deleted, 'floor');
    expect(plan.updatedApplications[0]?.items.map((i) => i.firstPrice)).toEqual([1060, 1100]);
    expect(plan.changes.filter((c) => c.field === 'reducedRate')).toMatchObject([{ old: 8, new: 6 }]);
    expect(plan.changes.some((c) => c.field === 'standardRate')).toBe(false);
    // re-planning the result targets nothing (the reduced rate tells updated from not updated)
    expect(planTaxUpdate(plan.updatedApplications, REDUCED_CUT, deleted, 'floor').targets).toBe(0);
  });

  it('changes are ordered by application code, item, field, option regardless of input order', () => {
    const apps = [app({ code: 'B' }), app({ code: 'A', items: [item(), item({ productCode: 'P9' })] }), app({ code: 'ア' })];
    const plan1 = planTaxUpdate(apps, PRESET_2019, allStandard, 'round');
    const plan2 = planTaxUpdate([...apps].reverse(), PRESET_2019, allStandard, 'round');
    expect(plan1.changes).toEqual(plan2.changes);
    expect(plan1.changes.map((c) => `${c.applicationCode}:${c.itemIndex}:${c.field}`)).toEqual([
      'A:0:firstPrice',
      'A:0:regularPrice',
      'A:0:lastPrice',
      'A:1:firstPrice',
      'A:1:regularPrice',
      'A:1:lastPrice',
      'A:-1:standardRate',
      'B:0:firstPrice',
      'B:0:regularPrice',
      'B:0:lastPrice',
      'B:-1:standardRate',
      'ア:0:firstPrice',
      'ア:0:regularPrice',
      'ア:0:lastPrice',
      'ア:-1:standardRate',
    ]);
    expect(plan1.salePrices.map((s) => s.applicationCode)).toEqual(['A', 'B', 'ア']);
    // updatedApplications keep the input order
    expect(plan2.updatedApplications.map((a) => a.code)).toEqual(['ア', 'A', 'B']);
  });

  it('keeps extra properties of the input objects (e.g. database ids) on the updated copies', () => {
    const withIds = {
      ...app(),
      id: 7,
      items: [{ ...item({ options: [{ name: 'o', price: 108, taxIncluded: true, taxRateType: '標準' }] }), id: 70 }],
    };
    const u = planTaxUpdate([withIds], PRESET_2019, allStandard, 'floor').updatedApplications[0] as unknown as {
      id: number;
      items: { id: number; options: { price: number }[] }[];
    };
    expect([u.id, u.items[0]?.id, u.items[0]?.options[0]?.price]).toEqual([7, 70, 110]);
    expect(u.items[0]).not.toBe(withIds.items[0]);
  });

  it('refuses an invalid event and invalid target numbers with Japanese VALIDATION errors', () => {
    const bad = { ...PRESET_2019, newStandard: 10.5, effectiveDate: '2019-13-01' };
    expect(validateRateChangeEvent(bad).map((p) => p.path)).toEqual(['effectiveDate', 'newStandard']);
    expect(validateRateChangeEvent({ ...PRESET_2019, newStandard: 8 })[0]?.message).toContain('税率が変わらない');
    const thrown = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const e1 = thrown(() => planTaxUpdate([app()], bad, allStandard, 'floor'));
    expect(isAppError(e1) && e1.code === 'VALIDATION').toBe(true);
    const e2 = thrown(() => planTaxUpdate([app({ items: [item({ firstPrice: 10.5, quantity: 0 })] })], PRESET_2019, allStandard, 'floor'));
    expect(isAppError(e2) && e2.fields?.map((f) => f.path)).toEqual(['S001.items.0.quantity', 'S001.items.0.firstPrice']);
    // an invalid non-target does not block the run: it is not touched
    expect(planTaxUpdate([app({ status: '停止', items: [item({ firstPrice: 10.5 })] })], PRESET_2019, allStandard, 'floor').targets).toBe(
      0,
    );
  });
});

describe('planTaxUpdate — properties', () => {
  const modeArb = fc.constantFrom('floor', 'ceil', 'round' as const);
  const lookupArb = fc.dictionary(fc.constantFrom('P1', 'P2', 'P3', 'P4', 'FOOD-1', '=X'), rateTypeArb).map(
    (d): ProductTaxLookup =>
      (code) =>
        d[code] ?? null,
  );

  it('only targets change, non-targets are the same objects, input is not mutated, replan is empty', () => {
    fc.assert(
      fc.property(applicationsArb, lookupArb, modeArb, (apps, lookup, mode) => {
        const snapshot = JSON.stringify(apps);
        const plan = planTaxUpdate(apps, PRESET_2019, lookup, mode);
        expect(JSON.stringify(apps)).toBe(snapshot);
        expect(plan.updatedApplications).toHaveLength(apps.length);
        let targets = 0;
        apps.forEach((a, i) => {
          const u = plan.updatedApplications[i] as SubscriptionApplication;
          if (!isTaxUpdateTarget(a, PRESET_2019)) {
            expect(u).toBe(a);
            return;
          }
          targets++;
          expect(u.standardRate).toBe(10);
          expect(u.reducedRate).toBe(8);
          expect(u.code).toBe(a.code);
          expect(u.items).toHaveLength(a.items.length);
          a.items.forEach((it, j) => {
            const ui = u.items[j] as SubscriptionItem;
            expect(ui.taxRateType).toBe(lookup(it.productCode, it.variationH, it.variationV) ?? it.taxRateType);
            if (!it.taxIncluded)
              expect([ui.firstPrice, ui.regularPrice, ui.lastPrice]).toEqual([it.firstPrice, it.regularPrice, it.lastPrice]);
            it.options.forEach((o, k) => {
              const uo = ui.options[k];
              if (!o.taxIncluded) expect(uo?.price).toBe(o.price);
              expect(Math.sign(uo?.price ?? 0)).not.toBe(-Math.sign(o.price) || 2); // never flips sign
            });
          });
        });
        expect(plan.targets).toBe(targets);
        expect(plan.changes.every((c) => c.old !== c.new)).toBe(true);
        expect(plan.changes.filter((c) => c.field.endsWith('Price')).length).toBe(plan.totals.changedPrices);
        const sum = (k: 'first' | 'regular' | 'last', w: 'before' | 'after'): number => plan.salePrices.reduce((s, p) => s + p[w][k], 0);
        expect(plan.totals.after).toEqual({ first: sum('first', 'after'), regular: sum('regular', 'after'), last: sum('last', 'after') });
        expect(plan.totals.before.first).toBe(sum('first', 'before'));
        const codes = plan.changes.map((c) => c.applicationCode);
        expect(codes).toEqual([...codes].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        // the executed result is the plan: planning it again finds nothing to do
        expect(planTaxUpdate(plan.updatedApplications, PRESET_2019, lookup, mode).targets).toBe(0);
        // deterministic
        expect(planTaxUpdate(apps, PRESET_2019, lookup, mode)).toEqual(plan);
      }),
      { numRuns: 500 },
    );
  });

  it('every listed change is exactly a difference between input and output', () => {
    fc.assert(
      fc.property(applicationsArb, lookupArb, modeArb, (apps, lookup, mode) => {
        const plan = planTaxUpdate(apps, PRESET_2019, lookup, mode);
        const byCode = new Map(apps.map((a, i) => [a.code, [a, plan.updatedApplications[i] as SubscriptionApplication] as const]));
        let diffs = 0;
        for (const [a, u] of byCode.values()) {
          if (a === u) continue;
          if (a.standardRate !== u.standardRate) diffs++;
          if (a.reducedRate !== u.reducedRate) diffs++;
          a.items.forEach((it, j) => {
            const ui = u.items[j] as SubscriptionItem;
            for (const k of ['taxRateType', 'firstPrice', 'regularPrice', 'lastPrice'] as const) if (it[k] !== ui[k]) diffs++;
            it.options.forEach((o, k) => {
              if (o.price !== ui.options[k]?.price) diffs++;
            });
          });
        }
        expect(plan.changes).toHaveLength(diffs);
        for (const c of plan.changes) {
          const [a, u] = byCode.get(c.applicationCode) ?? [];
          if (c.itemIndex < 0) {
            const k = c.field as 'standardRate' | 'reducedRate';
            expect([a?.[k], u?.[k]]).toEqual([c.old, c.new]);
          } else if (c.field === 'optionPrice') {
            expect(a?.items[c.itemIndex]?.options[c.optionIndex ?? -1]?.price).toBe(c.old);
            expect(u?.items[c.itemIndex]?.options[c.optionIndex ?? -1]?.price).toBe(c.new);
          } else {
            const k = c.field as 'taxRateType' | 'firstPrice';
            expect([a?.items[c.itemIndex]?.[k], u?.items[c.itemIndex]?.[k]]).toEqual([c.old, c.new]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

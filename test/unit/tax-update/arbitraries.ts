/** fast-check generators of subscription applications, shared by the tax-update tests. */
import fc from 'fast-check';
import type {
  SubscriptionApplication,
  SubscriptionItem,
  SubscriptionOption,
  TaxRateType,
} from '../../../src-shared/tax-update/types';

export const rateTypeArb: fc.Arbitrary<TaxRateType> = fc.constantFrom('標準', '軽減');

/** text including characters that matter for CSV and CP932 (quotes, commas, newlines, ①㈱髙～) */
export const textArb = (minLength = 0): fc.Arbitrary<string> =>
  fc
    .array(
      fc.constantFrom(
        'a',
        'Z',
        '0',
        '9',
        ' ',
        ',',
        '"',
        '\n',
        '\r\n',
        '=',
        '+',
        '-',
        '@',
        "'",
        'ｱ',
        '商',
        '品',
        '①',
        '㈱',
        '髙',
        '～',
        '…',
      ),
      {
        minLength,
        maxLength: 8,
      },
    )
    .map((a) => a.join(''))
    .filter((s) => s.trim().length >= minLength);

export const optionArb: fc.Arbitrary<SubscriptionOption> = fc.record({
  name: textArb(1),
  price: fc.integer({ min: -100_000, max: 100_000 }),
  taxIncluded: fc.boolean(),
  taxRateType: rateTypeArb,
});

export const itemArb: fc.Arbitrary<SubscriptionItem> = fc.record({
  productCode: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'FOOD-1', '=X'),
  variationH: fc.constantFrom('', '01', 'A'),
  variationV: fc.constantFrom('', '01', 'B'),
  name: textArb(1),
  quantity: fc.integer({ min: 1, max: 1000 }),
  firstPrice: fc.integer({ min: 0, max: 10_000_000 }),
  regularPrice: fc.integer({ min: 0, max: 10_000_000 }),
  lastPrice: fc.integer({ min: 0, max: 10_000_000 }),
  taxIncluded: fc.boolean(),
  taxRateType: rateTypeArb,
  options: fc.array(optionArb, { maxLength: 3 }),
});

export const applicationArb = (code: fc.Arbitrary<string>): fc.Arbitrary<SubscriptionApplication> =>
  fc.record({
    code,
    customerCode: fc.constantFrom('C001', 'C002', '得意先9'),
    status: fc.constantFrom('継続中', '停止', '解約'),
    orderProcessed: fc.boolean(),
    standardRate: fc.constantFrom(8, 8, 10, 5),
    reducedRate: fc.constantFrom(8, 8, 6, 0),
    items: fc.array(itemArb, { minLength: 1, maxLength: 4 }),
  });

/** applications with unique codes */
export const applicationsArb: fc.Arbitrary<SubscriptionApplication[]> = fc
  .uniqueArray(fc.stringMatching(/^[A-Z0-9-]{1,6}$/), { minLength: 0, maxLength: 8 })
  .chain((codes) => fc.tuple(...codes.map((c) => applicationArb(fc.constant(c)))));

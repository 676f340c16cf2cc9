/**
 * The tax-update plan (= the preview). Pure: the same inputs always give the same plan, and the
 * executed result is exactly `updatedApplications` of the plan the user saw. The steps per target
 * application (docs/tax-rules.md#re-rating-in-the-tax-update):
 *  (1) each item's 税率区分 from the product master (lookup); a deleted product (null) keeps the
 *      application's own setting;
 *  (2) option prices: an option ≥ ¥0 follows its own 税率区分, a negative one its item's (after 1);
 *      税込 prices are re-rated from the application's old rate for that 税率区分 to the event's new
 *      rate for it, 税抜 prices keep their base;
 *  (3) item prices 初回/通常回/最終回: the same rule as options;
 *  (4) sale prices recomputed (sale-price.ts);
 *  (5) the application's rates set to the event's new standard / reduced rates.
 * Re-rating from the rate the price was charged at to the rate it will be charged at keeps the
 * base: a 2019 item moved from 標準 to 軽減 goes 8 % → 8 % and does not change, a reduced item under
 * a later reduced-rate cut goes 8 % → 6 %.
 */
import { AppError, type FieldProblem } from '../errors';
import type { RoundingMode } from '../domain/rounding';
import { isTaxUpdateTarget, validateRateChangeEvent } from './rate-change-event';
import { isValidRate, rerateBig, toSafeNumber } from './rerate';
import { effectiveOptionRateType, salePricesBig, type RatePair } from './sale-price';
import type {
  ApplicationSalePrices,
  PlanChange,
  ProductTaxLookup,
  RateChangeEvent,
  SubscriptionApplication,
  SubscriptionItem,
  SubscriptionOption,
  TaxRateType,
  TaxUpdatePlan,
} from './types';

const PRICE_FIELDS = [
  ['firstPrice', '初回価格'],
  ['regularPrice', '通常回価格'],
  ['lastPrice', '最終回価格'],
] as const;

/** Problems of a target application's numbers (the plan refuses to guess). */
function validateTarget(app: SubscriptionApplication, problems: FieldProblem[]): void {
  const at = (): string => `申込「${app.code}」`;
  if (!isValidRate(app.reducedRate)) {
    problems.push({
      path: `${app.code}.reducedRate`,
      message: `${at()}の軽減税率「${app.reducedRate}」が不正です。0〜100の整数(%)に直してください。`,
    });
  }
  app.items.forEach((item, i) => {
    const it = (): string => `${at()}の商品「${item.productCode}」`;
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
      problems.push({
        path: `${app.code}.items.${i}.quantity`,
        message: `${it()}の数量「${item.quantity}」が不正です。1以上の整数に直してください。`,
      });
    }
    for (const [key, label] of PRICE_FIELDS) {
      if (!Number.isSafeInteger(item[key])) {
        problems.push({
          path: `${app.code}.items.${i}.${key}`,
          message: `${it()}の${label}「${item[key]}」が不正です。円単位の整数に直してください。`,
        });
      }
    }
    item.options.forEach((o, j) => {
      if (!Number.isSafeInteger(o.price)) {
        problems.push({
          path: `${app.code}.items.${i}.options.${j}.price`,
          message: `${it()}のオプション「${o.name}」の価格「${o.price}」が不正です。円単位の整数に直してください。`,
        });
      }
    });
  });
}

interface AppResult {
  app: SubscriptionApplication;
  changes: PlanChange[];
  changedPrices: number;
  before: [bigint, bigint, bigint];
  after: [bigint, bigint, bigint];
}

function rateOf(type: TaxRateType, rates: RatePair): bigint {
  return type === '標準' ? rates.standard : rates.reduced;
}

/** A PlanChange with one fixed object shape (the plan builds about ten per application). */
function change(
  app: SubscriptionApplication,
  item: { productCode: string; variation: string } | undefined,
  itemIndex: number,
  field: PlanChange['field'],
  old: string | number,
  next: string | number,
): PlanChange {
  return {
    applicationCode: app.code,
    productCode: item === undefined ? '' : item.productCode,
    variation: item === undefined ? '' : item.variation,
    field,
    itemIndex,
    old,
    new: next,
  };
}

/**
 * Applies steps (1)–(5) to one target application; input objects are never mutated. Copies keep
 * any extra properties of the input objects (e.g. database ids) by cloning before assigning.
 */
function updateApplication(
  app: SubscriptionApplication,
  event: RateChangeEvent,
  lookup: ProductTaxLookup,
  mode: RoundingMode,
  newRates: RatePair,
): AppResult {
  const oldRates: RatePair = { standard: BigInt(app.standardRate), reduced: BigInt(app.reducedRate) };
  const changes: PlanChange[] = [];
  let changedPrices = 0;
  const items: SubscriptionItem[] = [];

  for (let itemIndex = 0; itemIndex < app.items.length; itemIndex++) {
    const item = app.items[itemIndex] as SubscriptionItem;
    const copy: SubscriptionItem = { ...item };
    const ref = { productCode: item.productCode, variation: `${item.variationH}/${item.variationV}` };
    // (1) 税率区分 from the product master; a deleted product keeps its own setting
    const oldType = item.taxRateType;
    const newType = lookup(item.productCode, item.variationH, item.variationV) ?? oldType;
    if (newType !== oldType) {
      changes.push(change(app, ref, itemIndex, 'taxRateType', oldType, newType));
      copy.taxRateType = newType;
    }

    // (3) item prices: 税込 re-rated, 税抜 keep their base
    if (item.taxIncluded) {
      const oldRate = rateOf(oldType, oldRates);
      const newRate = rateOf(newType, newRates);
      for (const [key] of PRICE_FIELDS) {
        const next = toSafeNumber(rerateBig(BigInt(item[key]), oldRate, newRate, mode));
        if (next !== item[key]) {
          changes.push(change(app, ref, itemIndex, key, item[key], next));
          changedPrices++;
          copy[key] = next;
        }
      }
    }

    // (2) options: ≥ 0 by the option's 税率区分, < 0 by the item's (old type before, new type after)
    const options: SubscriptionOption[] = [];
    for (let optionIndex = 0; optionIndex < item.options.length; optionIndex++) {
      const o = item.options[optionIndex] as SubscriptionOption;
      const oc: SubscriptionOption = { ...o };
      if (o.taxIncluded) {
        const from = rateOf(effectiveOptionRateType(o, oldType), oldRates);
        const to = rateOf(effectiveOptionRateType(o, newType), newRates);
        const price = toSafeNumber(rerateBig(BigInt(o.price), from, to, mode));
        if (price !== o.price) {
          const c = change(app, ref, itemIndex, 'optionPrice', o.price, price);
          c.optionName = o.name;
          c.optionIndex = optionIndex;
          changes.push(c);
          changedPrices++;
          oc.price = price;
        }
      }
      options.push(oc);
    }
    copy.options = options;
    items.push(copy);
  }

  // (5) application rates
  if (app.standardRate !== event.newStandard) changes.push(change(app, undefined, -1, 'standardRate', app.standardRate, event.newStandard));
  if (app.reducedRate !== event.newReduced) changes.push(change(app, undefined, -1, 'reducedRate', app.reducedRate, event.newReduced));
  const updated: SubscriptionApplication = { ...app };
  updated.standardRate = event.newStandard;
  updated.reducedRate = event.newReduced;
  updated.items = items;
  // (4) sale prices before (old types, old rates) and after (new types, new rates)
  return {
    app: updated,
    changes,
    changedPrices,
    before: salePricesBig(app.items, oldRates, mode),
    after: salePricesBig(items, newRates, mode),
  };
}

/** One target application planned: its updated copy, its changes (in plan order) and sale prices. */
export interface ApplicationPlan {
  /** the updated copy (extra properties of the input, e.g. database ids, kept) */
  app: SubscriptionApplication;
  changes: PlanChange[];
  changedPrices: number;
  salePrices: ApplicationSalePrices;
}

/** What a plan is besides its change list and its updated applications. */
export type PlanSummary = Pick<TaxUpdatePlan, 'eventId' | 'mode' | 'targets' | 'totals'>;

const TOO_LARGE = '販売価格の合計が大きすぎて計算できません。価格または数量が正しいか確認してください。';

/** RangeError (a sum or a price outside the safe integers) → the plan's VALIDATION error. */
function asValidation<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('VALIDATION', TOO_LARGE, { cause: e });
    throw e;
  }
}

/**
 * The plan one application at a time, for callers that cannot hold every application at once (the
 * database engine streams them in chunks): feed the applications in plan order (application code,
 * code-point order) to `add`, then call `finish`. `planTaxUpdate` is this over an array.
 * Problems of target applications are collected over the whole stream and thrown by `finish`
 * (after the first one, `add` only validates), so the user sees every problem at once.
 * @throws AppError('VALIDATION') at creation when the event is invalid
 */
export function createPlanAccumulator(event: RateChangeEvent, lookup: ProductTaxLookup, mode: RoundingMode) {
  const eventProblems = validateRateChangeEvent(event);
  if (eventProblems.length > 0) {
    throw new AppError('VALIDATION', '税率改定の設定に誤りがあります。各項目のメッセージを確認して修正してください。', {
      fields: eventProblems,
    });
  }
  const newRates: RatePair = { standard: BigInt(event.newStandard), reduced: BigInt(event.newReduced) };
  const problems: FieldProblem[] = [];
  const before: [bigint, bigint, bigint] = [0n, 0n, 0n];
  const after: [bigint, bigint, bigint] = [0n, 0n, 0n];
  let targets = 0;
  let changedPrices = 0;
  let changedApplications = 0;

  return {
    /** The plan of one application; null when it is no target (or when a problem was found: see finish). */
    add(app: SubscriptionApplication): ApplicationPlan | null {
      if (!isTaxUpdateTarget(app, event)) return null;
      validateTarget(app, problems);
      if (problems.length > 0) return null;
      return asValidation(() => {
        const r = updateApplication(app, event, lookup, mode, newRates);
        targets++;
        changedPrices += r.changedPrices;
        if (r.changes.length > 0) changedApplications++;
        for (let k = 0; k < 3; k++) {
          before[k] = (before[k] ?? 0n) + (r.before[k] ?? 0n);
          after[k] = (after[k] ?? 0n) + (r.after[k] ?? 0n);
        }
        return {
          app: r.app,
          changes: r.changes,
          changedPrices: r.changedPrices,
          salePrices: {
            applicationCode: r.app.code,
            before: { first: toSafeNumber(r.before[0]), regular: toSafeNumber(r.before[1]), last: toSafeNumber(r.before[2]) },
            after: { first: toSafeNumber(r.after[0]), regular: toSafeNumber(r.after[1]), last: toSafeNumber(r.after[2]) },
          },
        };
      });
    },
    /**
     * Counts and totals of everything added.
     * @throws AppError('VALIDATION') with every problem found, or when a total does not fit a safe integer
     */
    finish(): PlanSummary {
      if (problems.length > 0) {
        throw new AppError(
          'VALIDATION',
          '更新対象の申込に不正な値があります。各項目のメッセージを確認して申込を修正してから、もう一度プレビューしてください。',
          { fields: problems },
        );
      }
      return asValidation(() => ({
        eventId: event.id,
        mode,
        targets,
        totals: {
          before: { first: toSafeNumber(before[0]), regular: toSafeNumber(before[1]), last: toSafeNumber(before[2]) },
          after: { first: toSafeNumber(after[0]), regular: toSafeNumber(after[1]), last: toSafeNumber(after[2]) },
          changedPrices,
          changedApplications,
        },
      }));
    },
  };
}

export type PlanAccumulator = ReturnType<typeof createPlanAccumulator>;

const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

/**
 * Plan order of application codes: code-point order, independent of the machine's locale — the
 * order SQLite's BINARY collation gives UTF-8 text, so the engine streaming the applications by
 * code from the database produces the same order. JavaScript's `<` compares UTF-16 units, which
 * differs only where a character beyond U+FFFF (a surrogate pair) meets one in U+E000–U+FFFF.
 */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Builds the plan of the one-time tax update for `event` (pure; = the preview) over applications
 * held in memory. Only targets (see isTaxUpdateTarget) change; other applications are returned as
 * the same objects.
 * @throws AppError('VALIDATION') when the event or a target application's numbers are invalid,
 *         or when a sum does not fit a safe integer
 */
export function planTaxUpdate(
  apps: readonly SubscriptionApplication[],
  event: RateChangeEvent,
  lookup: ProductTaxLookup,
  mode: RoundingMode,
): TaxUpdatePlan {
  const acc = createPlanAccumulator(event, lookup, mode);
  // plan order; stable: equal codes keep input order
  const ordered = [...apps].sort((a, b) => compareCodes(a.code, b.code));
  const updated = new Map<SubscriptionApplication, SubscriptionApplication>();
  const changes: PlanChange[] = [];
  const salePrices: ApplicationSalePrices[] = [];
  for (const app of ordered) {
    const r = acc.add(app);
    if (r === null) continue;
    updated.set(app, r.app);
    for (const c of r.changes) changes.push(c);
    salePrices.push(r.salePrices);
  }
  const summary = acc.finish();
  return { ...summary, changes, salePrices, updatedApplications: apps.map((a) => updated.get(a) ?? a) };
}

/**
 * Fast cell rules for the master CSV import: per column, a check that turns a plain cell straight
 * into the value the form's zod schema would give it, or answers UNSURE. A row whose every cell is
 * plain skips the schema; any UNSURE sends the whole row through the schema as before, so every
 * message a clerk can see still comes from the schema (bench/csv-import.bench.ts: running the zod
 * schema on each of 100,000 rows was the largest part of reading a 商品 file).
 *
 * A rule only says yes where the schema's answer is certain: ASCII codes, text without surrounding
 * spaces or a formula guard, unsigned whole numbers inside the range, a column's own label. Each
 * rule must give exactly the schema's value for every cell it accepts; the property test
 * test/unit/csv/master-csv-fast-cells.property.test.ts compares it with the schema.
 */
import { janCheckDigitOk } from '../../../src-shared/masters/product';
import { toKatakanaReading } from '../../../src-shared/domain/search-fold';

/** A rule's answer when the cell needs the schema (odd spacing, full-width letters, out of range …). */
export const UNSURE: unique symbol = Symbol('unsure');
export type Unsure = typeof UNSURE;

/** What a rule may look at besides the cell. */
export interface FastCellContext {
  /** 税区分コード → tax_classes.id */
  taxClassIds: ReadonlyMap<string, number>;
}

/** Cell as written (untrimmed) → the schema's value, or UNSURE. */
export type FastCell = (cell: string, ctx: FastCellContext) => unknown;

/** What an empty cell becomes: a value, or UNSURE when the schema must say it is required. */
type Blank = { value: unknown } | 'unsure';

const blankOf = (blank: Blank): unknown => (blank === 'unsure' ? UNSURE : blank.value);

const ASCII_CODE = /^[A-Za-z0-9_.-]+$/;
const DIGITS = /^\d{1,15}$/;
/** 8 or 13 digits: the JAN shapes the schema allows */
const JAN = /^(?:\d{8}|\d{13})$/;

/**
 * Half-width code (商品コード, 枝番, SKUコード): already ASCII letters, digits, _ - . so the schema's
 * NFKC fold and trim leave it as it is.
 */
export function asciiCode(max: number, blank: Blank): FastCell {
  return (cell) => {
    if (cell === '') return blankOf(blank);
    return cell.length <= max && ASCII_CODE.test(cell) ? cell : UNSURE;
  };
}

/**
 * Required text (商品名): no spaces around it for the schema to trim, no leading ' for the formula
 * guard to remove, within the length.
 */
export function plainText(max: number): FastCell {
  return (cell) => (cell !== '' && cell.length <= max && cell.charCodeAt(0) !== 0x27 && cell.trim() === cell ? cell : UNSURE);
}

/** フリガナ: the schema's own reading fold (ﾎﾃﾙ / ほてる → ホテル), then its length. */
export function kanaText(max: number): FastCell {
  return (cell) => {
    if (cell === '') return '';
    if (cell.charCodeAt(0) === 0x27) return UNSURE;
    const reading = toKatakanaReading(cell);
    return reading.length <= max ? reading : UNSURE;
  };
}

/** Unsigned whole number in [min, max], written with digits only (no sign, spaces or ,). */
export function wholeNumber(min: number, max: number, blank: Blank): FastCell {
  return (cell) => {
    if (cell === '') return blankOf(blank);
    if (!DIGITS.test(cell)) return UNSURE;
    const n = Number(cell);
    return n >= min && n <= max ? n : UNSURE;
  };
}

/** A bool column's own words (対象 / 対象外) as written. */
export function boolLabel(labels: { true: string; false: string }): FastCell {
  return (cell) => (cell === labels.true ? true : cell === labels.false ? false : UNSURE);
}

/** 税区分コード of the 税区分 master → its id; empty → null. */
export const taxClassCode: FastCell = (cell, ctx) => {
  if (cell === '') return null;
  const id = ctx.taxClassIds.get(cell);
  return id !== undefined && Number.isSafeInteger(id) && id > 0 ? id : UNSURE;
};

/** JANコード: 8 or 13 digits with a right check digit; empty → null. */
export const janCode: FastCell = (cell) => {
  if (cell === '') return null;
  return JAN.test(cell) && janCheckDigitOk(cell) ? cell : UNSURE;
};

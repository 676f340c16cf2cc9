/**
 * CSV injection: a spreadsheet runs a cell starting with = + - @ (or tab / CR) as a formula.
 * Every text cell the app writes gets a leading ' there — also before existing 's, so the guard
 * round-trips — and every text cell it reads loses that one '. Number cells are never guarded:
 * −100 stays a number a spreadsheet can sum.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Text cell → CSV cell. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV cell → text (inverse of guardFormula). */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * 適格請求書発行事業者登録番号: "T" + 13 digits whose first digit is a check digit over the other 12
 * (the 法人番号 scheme, docs/receivables-rules.md): with P(n) the n-th of the 12 digits counted from
 * the right and Q(n) = 1 for odd n, 2 for even n, check = 9 − (Σ P(n)·Q(n) mod 9).
 * Example: T9234567890123 is valid; T8234567890123 is not.
 */

const FORMAT = /^T(\d)(\d{12})$/;

/** The check digit of a 12-digit base ("234567890123" → 9). */
export function registrationCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new RangeError(`not 12 digits: ${base12}`);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = base12.charCodeAt(12 - n) - 48;
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** Full-width digits/T and surrounding spaces are accepted as typed; the result is "T" + 13 half-width digits. */
export function normalizeRegistrationNumber(input: string): string {
  return input
    .trim()
    .replace(/[０-９Ｔｔ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^t/, 'T')
    .replace(/[-\s]/g, '');
}

export type RegistrationProblem = 'format' | 'check-digit';

/** null when valid; otherwise what is wrong (format first, then the check digit). */
export function registrationNumberProblem(normalized: string): RegistrationProblem | null {
  const m = FORMAT.exec(normalized);
  if (!m) return 'format';
  return registrationCheckDigit(m[2]!) === Number(m[1]) ? null : 'check-digit';
}

export const REGISTRATION_MESSAGES: Record<RegistrationProblem, string> = {
  format: '登録番号は「T」と13桁の数字で入力してください(例: T1234567890123)。',
  'check-digit': '登録番号のチェックディジット(Tの次の1桁)が合いません。国税庁の公表サイトで番号を確認してください。',
};

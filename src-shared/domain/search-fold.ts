/**
 * Search that forgives how a clerk typed: every list search compares the folded text of both the
 * query and the record, so ほてる, ﾎﾃﾙ, ホテル and ＨＯＴＥＬ / hotel find the same rows.
 *
 * Folding is NFKC (full-width ASCII → half width, half-width katakana → full width, ｶﾞ → ガ),
 * lower case, katakana → hiragana (ヴ → ゔ, ヵヶ stay: they have no hiragana in common use),
 * and every run of white space (incl. the ideographic space) to one ASCII space.
 * It is used for matching only — the stored and displayed text never changes.
 */

const KATAKANA_FIRST = 0x30a1; // ァ
const KATAKANA_LAST = 0x30f4; // ヴ
const KANA_DISTANCE = 0x60; // ァ (U+30A1) − ぁ (U+3041)

/** The text a search compares: see the file comment. Pure; '' stays ''. */
export function foldForSearch(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const ch of nfkc) {
    const cp = ch.codePointAt(0)!;
    out += cp >= KATAKANA_FIRST && cp <= KATAKANA_LAST ? String.fromCodePoint(cp - KANA_DISTANCE) : ch;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Whether `haystack` contains `query` after both are folded (an empty query matches everything). */
export function searchMatches(haystack: string, query: string): boolean {
  const q = foldForSearch(query);
  return q === '' || foldForSearch(haystack).includes(q);
}

/**
 * A code typed into a product or warehouse code field: full-width letters, digits and symbols
 * become half width (ＡＢ－１２ → AB-12) and surrounding spaces go. 得意先コード are not passed
 * through this: they must equal BCart's 貴社独自会員ID as typed.
 */
export function toHalfWidthCode(code: string): string {
  return code.normalize('NFKC').replace(/[\u2010-\u2015\u2212\u30fc]/g, '-').trim();
}

/**
 * フリガナ as stored: katakana, full width (ﾎﾃﾙ and ほてる → ホテル), spaces folded. Other characters
 * (Latin letters, digits) are kept so a name like ＡＢＣ商事 can have フリガナ ABCショウジ.
 */
export function toKatakanaReading(text: string): string {
  const nfkc = text.normalize('NFKC');
  let out = '';
  for (const ch of nfkc) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x3041 && cp <= 0x3094 ? String.fromCodePoint(cp + KANA_DISTANCE) : ch;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/**
 * Characters that look the same in Japanese text but exist twice in Unicode because JIS X 0208
 * (Mac, Linux, JIS-based converters) and Microsoft's CP932 map some Shift_JIS bytes differently.
 * iconv-lite implements CP932 as Microsoft does: 0x8160 ⇄ U+FF5E FULLWIDTH TILDE「～」, and it
 * writes '?' for the JIS variant U+301C WAVE DASH「〜」. Text typed on a Mac or pasted from the web
 * often holds the JIS variant, so every CP932 export of the app (master CSV and the tax-update
 * subscription/product/plan CSV, all through csv-encoding.ts) writes each JIS variant as the CP932 byte
 * sequence Excel on Windows shows with the same glyph. Read back, the file therefore yields the
 * Microsoft variant (「〜」 → 「～」): documented, visible-identical, and never a silent '?'.
 * Anything else CP932 cannot hold (emoji, 𠮷 …) is an error naming the row and column.
 */
const JIS_TO_CP932: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE (0x8160)
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO (0x8161)
  '\u2212': '\uFF0D', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS (0x817C)
  '\u00A2': '\uFFE0', // ¢ → ￠ (0x8191)
  '\u00A3': '\uFFE1', // £ → ￡ (0x8192)
  '\u00AC': '\uFFE2', // ¬ → ￢ (0x81CA)
};

const VARIANTS = /[\u301C\u2016\u2212\u00A2\u00A3\u00AC]/g;

/** Replaces the JIS variants by their CP932 twins; other text is returned unchanged. */
export function toCp932Variants(text: string): string {
  return text.replace(VARIANTS, (ch) => JIS_TO_CP932[ch] ?? ch);
}

/** Text order for sorting lists the way a Japanese clerk expects (kana in 五十音 order, digits as digits). */
const collator = new Intl.Collator('ja', { numeric: true });

export function compareJapanese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Display helpers of the import screens (integer yen, rates, levels). */

/** ¥1,234 (negative amounts with a leading minus). */
export function yen(n: number): string {
  return `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('ja-JP')}`;
}

export const LEVEL_LABELS: Record<string, string> = { info: '情報', warn: '注意', error: 'エラー' };

export const PHASE_LABELS: Record<string, string> = {
  fetching: '注文を取得中',
  watching: '出荷待ちの注文を確認中',
  mapping: '伝票を作成・検証中',
  writing: '書き込み中',
  done: '完了',
};

export const LINE_KIND_LABELS: Record<string, string> = { product: '商品', shipping: '送料', 'payment-fee': '決済手数料', point: 'ポイント値引' };

/** ISO timestamp → "2025-05-01 12:00" (already JST). */
export function when(iso: string | null): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

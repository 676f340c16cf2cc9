/** Display words of the stock screens (the manual's: 入荷, 在庫移動, 棚卸調整, 確定, 在庫反映 …). */
import type { OutboxRowView, OutboxStatus } from '../../../src-shared/stock/stock-push';
import { OUTBOX_STATUS_LABELS } from '../../../src-shared/stock/stock-push';
import { formatCount } from '../../format/number';

export { OUTBOX_STATUS_LABELS };

export const STATUS_BADGE: Record<OutboxStatus, string> = {
  pending: 'badge-draft',
  sending: 'badge-draft',
  sent: 'badge-ok',
  failed: 'badge-err',
  ambiguous: 'badge-err',
  excluded: 'badge-neutral',
  resolved: 'badge-neutral',
};

/** +3 / −2 with the sign always shown. */
export function signed(n: number | null): string {
  if (n === null) return '—';
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(Math.abs(n))}` : '0';
}

export function qty(n: number | null): string {
  return n === null ? '—' : formatCount(n);
}

const SOURCE_LABELS = { receipt: '入荷伝票', transfer: '在庫移動伝票', adjustment: '棚卸調整', correction: '在庫照合の補正' } as const;

/** "入荷伝票 #12 (+5)、在庫移動伝票 #13 (−2)" */
export function sourcesText(row: OutboxRowView): string {
  return row.sources.map((s) => `${SOURCE_LABELS[s.kind]}${s.slipId !== null ? ` #${s.slipId}` : ''} (${signed(s.delta)})`).join('、');
}

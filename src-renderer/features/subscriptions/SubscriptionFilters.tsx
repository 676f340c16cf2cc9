/** The filters of the 定期申込 list: 状態, 標準税率, 軽減税率 and a search over codes and product names. */
import type { SubscriptionListInput } from '../../../src-shared/subscriptions/subscription-schema';
import { formatCount } from '../../format/number';

const STATUSES = ['継続中', '停止', '解約'] as const;
const rate = (v: string) => (v === '' ? undefined : Number(v));

export function SubscriptionFilters({ value, onChange, total }: { value: SubscriptionListInput; onChange: (v: SubscriptionListInput) => void; total: number | null }) {
  return (
    <div className="toolbar tu-filters">
      <select aria-label="状態で絞り込み" value={value.status ?? ''} onChange={(e) => onChange({ ...value, status: STATUSES.find((s) => s === e.target.value) })}>
        <option value="">状態: すべて</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <select aria-label="標準税率で絞り込み" value={value.standardRate ?? ''} onChange={(e) => onChange({ ...value, standardRate: rate(e.target.value) })}>
        <option value="">標準税率: すべて</option>
        <option value="8">8%</option>
        <option value="10">10%</option>
      </select>
      <select aria-label="軽減税率で絞り込み" value={value.reducedRate ?? ''} onChange={(e) => onChange({ ...value, reducedRate: rate(e.target.value) })}>
        <option value="">軽減税率: すべて</option>
        <option value="8">8%</option>
        <option value="6">6%</option>
      </select>
      <input type="search" aria-label="申込を検索" placeholder="申込コード・得意先・商品で検索" value={value.search ?? ''} onChange={(e) => onChange({ ...value, search: e.target.value || undefined })} />
      <span className="count">{total === null ? '' : `${formatCount(total)}件`}</span>
    </div>
  );
}

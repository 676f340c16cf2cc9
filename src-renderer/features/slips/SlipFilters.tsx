/** Period and keyword filters of the 出荷伝票 / 請求伝票 lists. */
import { DateInput } from '../../components/DateInput';
import { formatCount } from '../../format/number';

export interface SlipFilter {
  from: string;
  to: string;
  search: string;
}

export function SlipFilters({ value, onChange, total }: { value: SlipFilter; onChange: (v: SlipFilter) => void; total: number | null }) {
  return (
    <div className="toolbar no-print">
      <label htmlFor="slip-from">期間</label>
      <DateInput id="slip-from" aria-label="期間（開始）" value={value.from} onChange={(from) => onChange({ ...value, from })} />
      〜
      <DateInput aria-label="期間（終了）" value={value.to} onChange={(to) => onChange({ ...value, to })} />
      <input type="search" aria-label="受注番号・得意先で検索" placeholder="受注番号・得意先で検索" value={value.search} onChange={(e) => onChange({ ...value, search: e.target.value })} />
      <span className="count">{total === null ? '' : `${formatCount(total)} 件`}</span>
    </div>
  );
}

/** The list query input of a filter. */
export function slipQuery(f: SlipFilter) {
  return { ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), ...(f.search.trim() ? { search: f.search.trim() } : {}), limit: 100_000 };
}

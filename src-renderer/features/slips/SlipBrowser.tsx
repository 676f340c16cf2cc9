/**
 * The list + detail layout shared by 出荷伝票 and 請求伝票: period / keyword filters, the virtual list,
 * and the selected slip's detail. The selection lives in the route (`#/<page>/<id>`) so the two
 * screens can link to each other's slips and the back button returns to the previous one.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useNavigation } from '../../stores/navigation';
import { SlipFacts, type SlipFactsView } from './SlipFacts';
import { SlipFilters, slipQuery, type SlipFilter } from './SlipFilters';

/** What every slip row has: the list selects by id and the heading shows 確定 / 未確定. */
interface SlipBase {
  id: number;
  confirmed: boolean;
}

/** What every slip detail has: the row plus the shared facts. */
type SlipDetailBase = SlipBase & SlipFactsView;

/** What the browser needs to know about one kind of slip. */
export interface SlipBrowserProps<Row extends SlipBase, Detail extends SlipDetailBase> {
  /** page id of the screen (selecting a row navigates to `#/<page>/<id>`) */
  page: 'shipments' | 'invoices';
  /** 出荷伝票 / 請求伝票: the heading, the list's and the detail's labels */
  title: string;
  columns: Column<Row>[];
  /** shown when no slip matches; says how slips of this kind come to exist */
  emptyText: string;
  list: (input: ReturnType<typeof slipQuery>) => Promise<{ rows: Row[]; total: number }>;
  get: (id: number) => Promise<Detail>;
  /** 出荷日 / 請求日: the label of the slip's date in its detail */
  dateLabel: string;
  /** the facts this kind of slip adds after the shared ones (<dt>/<dd> pairs) */
  renderFacts: (detail: Detail) => ReactNode;
  /** the detail's tables below the facts */
  renderTables: (detail: Detail) => ReactNode;
}

/** One slip screen: filters, list and the detail of the slip named by the route. */
export function SlipBrowser<Row extends SlipBase, Detail extends SlipDetailBase>(props: SlipBrowserProps<Row, Detail>) {
  const { page, title, columns, emptyText, list: fetchList } = props;
  const { param, go } = useNavigation();
  const [filter, setFilter] = useState<SlipFilter>({ from: '', to: '', search: '' });
  // 'slips' prefix: a finished import invalidates every slip query at once (use-import-events)
  const list = useQuery({ queryKey: ['slips', page, filter], queryFn: () => fetchList(slipQuery(filter)) });
  const selected = param && /^\d+$/.test(param) ? Number(param) : null;
  return (
    <div className="page">
      <h1>{title}</h1>
      <SlipFilters value={filter} onChange={setFilter} total={list.data?.total ?? null} />
      {list.error ? <ErrorNotice error={list.error} /> : null}
      <div className="master-page">
        <VirtualTable
          label={`${title}一覧`}
          rows={list.data?.rows ?? []}
          columns={columns}
          rowKey={(r) => r.id}
          selectedKey={selected}
          onSelect={(r) => go(page, String(r.id))}
          height={520}
          emptyText={emptyText}
        />
        <div className="master-detail">
          {selected ? <SlipDetail id={selected} {...props} /> : <p className="placeholder">一覧から{title}を選んでください。</p>}
        </div>
      </div>
    </div>
  );
}

function SlipDetail<Row extends SlipBase, Detail extends SlipDetailBase>({
  id,
  page,
  title,
  dateLabel,
  get,
  renderFacts,
  renderTables,
}: SlipBrowserProps<Row, Detail> & { id: number }) {
  const q = useQuery({ queryKey: ['slips', page, 'detail', id], queryFn: () => get(id) });
  if (q.error) return <ErrorNotice error={q.error} />;
  const slip = q.data;
  if (!slip) return null;
  return (
    <section aria-label={`${title}の詳細`}>
      <h2>
        {title} #{slip.id}{' '}
        <span className={`badge ${slip.confirmed ? 'badge-ok' : 'badge-draft'}`}>{slip.confirmed ? '確定' : '未確定'}</span>
      </h2>
      <dl className="facts">
        <SlipFacts dateLabel={dateLabel} slip={slip} />
        {renderFacts(slip)}
      </dl>
      {renderTables(slip)}
    </section>
  );
}

/**
 * The list + detail layout shared by 出荷伝票 and 請求伝票: period / keyword filters, the virtual list,
 * and the selected slip's detail. The selection lives in the route (`#/<page>/<id>`) so the two
 * screens can link to each other's slips and the back button returns to the previous one. Lists
 * and details refresh whenever an import (from any screen, the scheduler or the tray) writes slips.
 * The list sorts by any column, totals what it shows, writes what it shows as CSV and prints.
 */
import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { ConfirmedBadge } from '../../components/ConfirmedBadge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListActions } from '../../components/ListActions';
import { nextSort, sortRows, type SortDir } from '../../components/list-tools';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatCount, formatYen } from '../../format/number';
import type { SlipListInput } from '../../queries/slips';
import { useNavigation } from '../../stores/navigation';
import { SLIP_ROW_HEIGHT } from './slip-columns';
import { SlipFacts, type SlipFactsView } from './SlipFacts';
import { SlipFilters, slipQuery, type SlipFilter } from './SlipFilters';

/** The two kinds of slip: their page id, heading and what an empty list says. */
const KINDS = {
  shipments: { title: '出荷伝票', dateLabel: '出荷日', emptyText: '出荷伝票はありません。出荷取込処理で取り込まれます。' },
  invoices: { title: '請求伝票', dateLabel: '請求日', emptyText: '請求伝票はありません。注文の全ての発送が済むと出荷取込処理で作成されます。' },
} as const;

/** What every slip row has: the list selects by id and the heading shows 確定 / 未確定. */
interface SlipBase {
  id: number;
  confirmed: boolean;
}

/** What every slip detail has: the row plus the shared facts. */
type SlipDetailBase = SlipBase & SlipFactsView;

type QueryOf<T, K extends QueryKey> = UseQueryOptions<T, Error, T, K>;

/** What the browser needs to know about one kind of slip. */
export interface SlipBrowserProps<Row extends SlipBase, Detail extends SlipDetailBase, LK extends QueryKey, DK extends QueryKey> {
  kind: keyof typeof KINDS;
  columns: Column<Row>[];
  list: (input: SlipListInput) => QueryOf<{ rows: Row[]; total: number }, LK>;
  detail: (id: number) => QueryOf<Detail, DK>;
  /** the facts this kind of slip adds after the shared ones (<dt>/<dd> pairs), and the tables below them */
  renderDetail: (detail: Detail) => { facts: ReactNode; tables: ReactNode };
}

/** One slip screen: filters, list and the detail of the slip named by the route. */
export function SlipBrowser<Row extends SlipBase, Detail extends SlipDetailBase, LK extends QueryKey, DK extends QueryKey>(props: SlipBrowserProps<Row, Detail, LK, DK>) {
  const { title, emptyText } = KINDS[props.kind];
  const { param, go } = useNavigation();
  const [filter, setFilter] = useState<SlipFilter>({ from: '', to: '', search: '' });
  const list = useQuery(props.list(slipQuery(filter)));
  const selected = param && /^\d+$/.test(param) ? Number(param) : null;
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(null);
  const rows = useMemo(() => sortRows(list.data?.rows ?? [], props.columns, sort), [list.data, props.columns, sort]);
  const amount = props.columns.find((c) => c.key === 'amount');
  const sum = rows.reduce((n, r) => n + Number(amount?.value?.(r) ?? 0), 0);
  return (
    <div className="page list-page">
      <div className="page-head">
        <h1>{title}</h1>
        <ListActions title={title} rows={rows} columns={props.columns} />
      </div>
      <SlipFilters value={filter} onChange={setFilter} total={list.data?.total ?? null} />
      <ErrorNotice error={list.error} />
      <div className="master-page slip-page">
        <VirtualTable
          label={`${title}一覧`}
          rows={rows}
          columns={props.columns}
          rowKey={(r) => r.id}
          selectedKey={selected}
          onSelect={(r) => go(props.kind, String(r.id))}
          sort={sort ?? undefined}
          onSort={(key) => setSort((s) => nextSort(s, key))}
          height="var(--list-height)"
          rowHeight={SLIP_ROW_HEIGHT}
          emptyText={emptyText}
          totals={{ date: `${formatCount(rows.length)} 件`, amount: formatYen(sum) }}
        />
        <div className="master-detail">
          {selected ? <SlipDetail id={selected} {...props} /> : <p className="placeholder">一覧から{title}を選んでください。</p>}
        </div>
      </div>
    </div>
  );
}

function SlipDetail<Row extends SlipBase, Detail extends SlipDetailBase, LK extends QueryKey, DK extends QueryKey>({ id, kind, detail, renderDetail }: SlipBrowserProps<Row, Detail, LK, DK> & { id: number }) {
  const { title, dateLabel } = KINDS[kind];
  const q = useQuery(detail(id));
  if (q.error) return <ErrorNotice error={q.error} />;
  const slip = q.data;
  if (!slip) return null;
  const { facts, tables } = renderDetail(slip);
  return (
    <section aria-label={`${title}の詳細`}>
      <h2>
        {title} #{slip.id} <ConfirmedBadge confirmed={slip.confirmed} />
      </h2>
      <dl className="facts">
        <SlipFacts dateLabel={dateLabel} slip={slip} />
        {facts}
      </dl>
      {tables}
    </section>
  );
}

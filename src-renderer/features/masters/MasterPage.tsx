/**
 * List + detail page shared by every master: search, sort, a virtualized list, and the form for
 * the selected record (or 新規). Searching and sorting happen in main (SQLite), so 100,000 rows
 * stay fast; the list only renders what is visible.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import type { z } from 'zod';
import { CSV_MASTERS, type CsvMaster } from '../../../src-shared/csv/master-csv';
import type { IpcResult } from '../../../src-shared/ipc/result';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { unwrap } from '../../ipc/api';
import { useNavigation } from '../../stores/navigation';
import { CsvToolbar } from '../csv/CsvToolbar';
import { masterApi } from './master-api';
import { MasterForm, type MasterFieldConfig } from './MasterForm';

export interface MasterPageConfig<Row extends { id: number; confirmed: boolean; updatedAt: string }> {
  prefix: string;
  title: string;
  columns: Column<Row>[];
  fields: MasterFieldConfig[];
  schema: z.ZodType;
  empty: Record<string, unknown>;
  toValues: (row: Row) => Record<string, unknown>;
  defaultSort: string;
  /** an optional select narrowing the list (e.g. 取引先種別); '' = all, which uses the generic list */
  filter?: {
    label: string;
    options: readonly string[];
    list: (input: MasterListInput, value: string) => Promise<IpcResult<{ rows: Row[]; total: number }>>;
  };
}

/** rows fetched first, enough for a screen; the rest follow in a second request */
const HEAD_ROWS = 200;

export function confirmedColumn<Row extends { confirmed: boolean }>(): Column<Row> {
  return {
    key: 'confirmed',
    header: '状態',
    width: 80,
    align: 'center',
    render: (r) => <span className={`badge ${r.confirmed ? 'badge-ok' : 'badge-draft'}`}>{r.confirmed ? '確定' : '未確定'}</span>,
  };
}

export function MasterPage<Row extends { id: number; confirmed: boolean; updatedAt: string }>({ config }: { config: MasterPageConfig<Row> }) {
  const { param, go, page } = useNavigation();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({ key: config.defaultSort, dir: 'asc' });
  const [filterValue, setFilterValue] = useState('');
  const masters = masterApi<Row>(config.prefix);
  const listInput: MasterListInput = { query: deferredQuery, sortKey: sort.key, sortDir: sort.dir };
  const fetchList = (limit?: number) => {
    const input = limit === undefined ? listInput : { ...listInput, limit };
    return unwrap(config.filter && filterValue ? config.filter.list(input, filterValue) : masters.list(input));
  };
  const listKey = [config.prefix, 'list', deferredQuery, sort, filterValue];
  // Two steps so a 100,000-row list shows its first screen at once: the first HEAD_ROWS rows (and
  // the total) come back in milliseconds; the whole list follows and replaces them.
  const head = useQuery({ queryKey: [...listKey, 'head'], queryFn: () => fetchList(HEAD_ROWS), placeholderData: keepPreviousData });
  const needFull = head.isSuccess && !head.isPlaceholderData && head.data.total > head.data.rows.length;
  const full = useQuery({ queryKey: [...listKey, 'full'], queryFn: () => fetchList(), enabled: needFull });
  const list = { data: needFull && full.data ? full.data : head.data, error: head.error ?? full.error };
  const creating = param === 'new';
  const selectedId = param && !creating ? Number(param) : null;
  const selected = list.data?.rows.find((r) => r.id === selectedId) ?? null;
  const csvMaster = (CSV_MASTERS as readonly string[]).includes(config.prefix) ? (config.prefix as CsvMaster) : null;

  return (
    <div className="master-page">
      <section className="master-list" aria-label={`${config.title}一覧`}>
        <div className="toolbar">
          <h1>{config.title}一覧</h1>
          <input
            type="search"
            aria-label={`${config.title}を検索`}
            placeholder="コード・名称で検索"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          {config.filter ? (
            <select aria-label={`${config.filter.label}で絞り込み`} value={filterValue} onChange={(e) => setFilterValue(e.target.value)}>
              <option value="">{`${config.filter.label}: すべて`}</option>
              {config.filter.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : null}
          <button type="button" className="primary" onClick={() => go(page, 'new')}>
            新規
          </button>
          <span className="count" aria-live="polite">
            {list.data ? `${list.data.total.toLocaleString('ja-JP')}件` : '読み込み中…'}
          </span>
        </div>
        {csvMaster ? <CsvToolbar master={csvMaster} title={config.title} query={{ query: deferredQuery, sortKey: sort.key, sortDir: sort.dir }} filterValue={filterValue} /> : null}
        <ErrorNotice error={list.error} />
        <VirtualTable
          label={`${config.title}一覧`}
          rows={list.data?.rows ?? []}
          columns={config.columns}
          rowKey={(r) => r.id}
          selectedKey={selectedId}
          onSelect={(r) => go(page, String(r.id))}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
          height="calc(100vh - 215px)"
          emptyText={query ? '条件に合うデータがありません。' : 'まだ登録がありません。「新規」から登録してください。'}
        />
      </section>
      <section className="master-detail">
        {creating || selected ? (
          <MasterForm<Row>
            // One form instance per record (and per saved version): the values are the form's
            // defaults at mount, so nothing resets the inputs after they are shown — typing that
            // lands right after 新規 or after switching records is never wiped (docs/reliability.md#the-screens).
            key={creating ? 'new' : `${selected!.id}@${selected!.updatedAt}`}
            prefix={config.prefix}
            title={config.title}
            fields={config.fields}
            schema={config.schema}
            row={creating ? null : selected}
            empty={config.empty}
            toValues={config.toValues}
            onSaved={(row) => go(page, String(row.id))}
          />
        ) : (
          <p className="placeholder">一覧から選ぶか、「新規」を押してください。</p>
        )}
      </section>
    </div>
  );
}

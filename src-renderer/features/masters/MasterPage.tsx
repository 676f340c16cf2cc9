/**
 * List + detail page shared by every master: search, sort, a virtualized list, and the form for
 * the selected record (or 新規). A master page is its config: `masterPage({...})` in
 * <master>-page.tsx, one line in pages.tsx.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { CSV_MASTERS, type CsvMaster } from '../../../src-shared/csv/master-csv';
import type { MasterListInput } from '../../../src-shared/masters/fields';
import { ErrorNotice } from '../../components/ErrorNotice';
import { visibleColumns } from '../../components/list-tools';
import { VirtualTable } from '../../components/VirtualTable';
import type { MasterPrefix, MasterRow, MasterValues } from '../../ipc/master-api';
import { formatCount } from '../../format/number';
import { useNavigation } from '../../stores/navigation';
import { CsvToolbar } from '../csv/CsvToolbar';
import { columnsOf, type MasterAttribute } from './master-attributes';
import { MasterForm } from './MasterForm';
import { useMasterList, type MasterListFilter } from './use-master-list';

export interface MasterPageConfig<P extends MasterPrefix, V extends string = string> {
  prefix: P;
  title: string;
  /** the form's fields in order; those with `column` are the list's columns too */
  attributes: readonly MasterAttribute<MasterRow<P>>[];
  schema: z.ZodType<MasterValues<P>, FieldValues>;
  /** the values of a new record's form */
  empty: FieldValues;
  /** the list's first sort (default: code) */
  defaultSort?: string;
  filter?: MasterListFilter<P, V>;
}

type Sort = { key: string; dir: 'asc' | 'desc' };

const SAVED_TEXT = { save: '保存しました(未確定)。', confirm: '確定しました。', unconfirm: '確定取消しました。編集できます。' } as const;

/** The page component of a master described by `config`. */
export function masterPage<P extends MasterPrefix, V extends string>(config: MasterPageConfig<P, V>) {
  return function ConfiguredMasterPage() {
    return <MasterPage config={config} />;
  };
}

export function MasterPage<P extends MasterPrefix, V extends string>({ config }: { config: MasterPageConfig<P, V> }) {
  const { param, go, page } = useNavigation();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [sort, setSort] = useState<Sort>({ key: config.defaultSort ?? 'code', dir: 'asc' });
  const [filterValue, setFilterValue] = useState('');
  // the form is remounted with the saved version: the line beside its buttons comes from here
  const [saved, setSaved] = useState<{ id: number; text: string } | null>(null);
  const listInput: MasterListInput = { query: deferredQuery, sortKey: sort.key, sortDir: sort.dir };
  const list = useMasterList(config.prefix, listInput, config.filter, filterValue);
  const allColumns = useMemo(() => columnsOf(config.attributes), [config.attributes]);
  const columns = useMemo(() => visibleColumns(allColumns, list.data?.rows ?? []), [allColumns, list.data]);
  const creating = param === 'new';
  const selectedId = param && !creating ? Number(param) : null;
  const selected = list.data?.rows.find((r) => r.id === selectedId) ?? null;
  const csvMaster = (CSV_MASTERS as readonly string[]).includes(config.prefix) ? (config.prefix as CsvMaster) : null;

  return (
    <div className="master-page">
      <section className="master-list" aria-label={`${config.title}一覧`}>
        <div className="toolbar">
          <h1>{config.title}一覧</h1>
          <input type="search" aria-label={`${config.title}を検索`} placeholder="コード・名称で検索" value={query} onChange={(e) => setQuery(e.target.value)} />
          {config.filter ? <FilterSelect filter={config.filter} value={filterValue} onChange={setFilterValue} /> : null}
          <button type="button" className="primary" onClick={() => go(page, 'new')}>
            新規
          </button>
          <span className="count" aria-live="polite">
            {list.data ? `${formatCount(list.data.total)}件` : '読み込み中…'}
          </span>
        </div>
        {csvMaster ? <CsvToolbar master={csvMaster} title={config.title} query={listInput} filterValue={filterValue} /> : null}
        <ErrorNotice error={list.error} />
        <VirtualTable
          label={`${config.title}一覧`}
          rows={list.data?.rows ?? []}
          columns={columns}
          rowKey={(r) => r.id}
          selectedKey={selectedId}
          onSelect={(r) => go(page, String(r.id))}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
          height="var(--list-height)"
          emptyText={query ? '条件に合うデータがありません。' : 'まだ登録がありません。「新規」から登録してください。'}
        />
      </section>
      <section className="master-detail">
        {creating || selected ? (
          <MasterForm<P>
            // One form instance per record (and per saved version): the values are the form's
            // defaults at mount, so nothing resets the inputs after they are shown — typing that
            // lands right after 新規 or after switching records is never wiped (docs/reliability.md#the-screens).
            key={selected ? `${selected.id}@${selected.updatedAt}` : 'new'}
            prefix={config.prefix}
            title={config.title}
            fields={config.attributes}
            schema={config.schema}
            row={creating ? null : selected}
            empty={config.empty}
            savedNotice={selected && saved?.id === selected.id ? saved.text : null}
            onSaved={(row, action) => {
              setSaved({ id: row.id, text: SAVED_TEXT[action] });
              go(page, String(row.id));
            }}
          />
        ) : (
          <p className="placeholder">一覧から選ぶか、「新規」を押してください。</p>
        )}
      </section>
    </div>
  );
}

function FilterSelect<P extends MasterPrefix, V extends string>({ filter, value, onChange }: { filter: MasterListFilter<P, V>; value: string; onChange: (v: string) => void }) {
  return (
    <select aria-label={`${filter.label}で絞り込み`} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{`${filter.label}: すべて`}</option>
      {filter.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

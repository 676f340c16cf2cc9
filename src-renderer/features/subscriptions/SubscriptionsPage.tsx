/**
 * 定期申込: the virtualized list (filters 状態 / 標準税率 / 軽減税率 / search), CSV取込 (replaces
 * every application; an invalid file writes nothing and the problems show by row and column) and
 * CSV出力 in UTF-8 or Shift_JIS, and the detail / edit form of the selected application.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CSV_ENCODING_NAMES, type CsvEncoding } from '../../../src-shared/csv/csv-encoding';
import type { SubscriptionApplication } from '../../../src-shared/tax-update/types';
import type { SubscriptionListInput, SubscriptionListRow } from '../../../src-shared/subscriptions/subscription-schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { api, unwrap } from '../../ipc/api';
import { CsvEncodingSelect } from '../csv/CsvEncodingSelect';
import { CsvImportButton } from '../csv/CsvImportButton';
import { CsvOutcome } from '../csv/CsvOutcome';
import { saveCsv } from '../csv/csv-file';
import { useCsvImport } from '../csv/use-csv-import';
import { useStoreClosed } from '../store-mode/StoreModeButtons';
import { SubscriptionForm } from './SubscriptionForm';
import '../tax-update/tax-update.css';

const COLUMNS: Column<SubscriptionListRow>[] = [
  { key: 'code', header: '申込コード', width: 130, render: (r) => r.code },
  { key: 'customer', header: '得意先コード', width: 120, render: (r) => r.customerCode },
  {
    key: 'status',
    header: '状態',
    width: 80,
    render: (r) => <span className={`badge ${r.status === '継続中' ? 'badge-ok' : r.status === '停止' ? 'badge-draft' : 'badge-err'}`}>{r.status}</span>,
  },
  { key: 'processed', header: '受注処理済', width: 90, align: 'center', render: (r) => (r.orderProcessed ? '済' : '') },
  { key: 'std', header: '標準税率', width: 80, align: 'right', render: (r) => `${r.standardRate}%` },
  { key: 'red', header: '軽減税率', width: 80, align: 'right', render: (r) => `${r.reducedRate}%` },
  { key: 'items', header: '商品', width: 60, align: 'right', render: (r) => r.itemCount },
  { key: 'name', header: '商品名(先頭)', render: (r) => r.firstItemName },
];

const NEW_APPLICATION: SubscriptionApplication = {
  code: '',
  customerCode: '',
  status: '継続中',
  orderProcessed: false,
  standardRate: 10,
  reducedRate: 8,
  items: [],
};

const num = (v: string) => (v === '' ? undefined : Number(v));

export function SubscriptionsPage() {
  const qc = useQueryClient();
  const closed = useStoreClosed();
  const [filters, setFilters] = useState<SubscriptionListInput>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8');
  const [notice, setNotice] = useState<string | null>(null);

  const list = useQuery({ queryKey: ['subscriptions', 'list', filters], queryFn: () => unwrap(api().subscriptions.list({ ...filters, limit: 200_000 })) });
  const detail = useQuery({
    queryKey: ['subscriptions', 'get', selected],
    queryFn: () => unwrap(api().subscriptions.get({ code: selected! })),
    enabled: selected !== null && !creating,
  });
  const importer = useCsvImport({
    send: (upload) => api().subscriptions.import(upload),
    onStart: () => setNotice(null),
    onSuccess: (r) => {
      setNotice(`定期申込CSVを取り込みました(${CSV_ENCODING_NAMES[r.encoding]}): 申込 ${r.applications}件、商品 ${r.items}件、オプション ${r.options}件。`);
      setSelected(null);
      void qc.invalidateQueries({ queryKey: ['subscriptions'] });
    },
  });
  const exportCsv = useMutation({
    mutationFn: () => unwrap(api().subscriptions.export({ encoding })),
    onMutate: () => setNotice(null),
    onSuccess: (r) => {
      saveCsv(r);
      setNotice(`${r.rows}件の定期申込をCSVに出力しました(${r.fileName})。`);
    },
  });

  return (
    <div className="page">
      <h2>定期申込</h2>
      <div className="toolbar tu-filters">
        <select aria-label="状態で絞り込み" value={filters.status ?? ''} onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as SubscriptionListInput['status'] })}>
          <option value="">状態: すべて</option>
          <option value="継続中">継続中</option>
          <option value="停止">停止</option>
          <option value="解約">解約</option>
        </select>
        <select aria-label="標準税率で絞り込み" value={filters.standardRate ?? ''} onChange={(e) => setFilters({ ...filters, standardRate: num(e.target.value) })}>
          <option value="">標準税率: すべて</option>
          <option value="8">8%</option>
          <option value="10">10%</option>
        </select>
        <select aria-label="軽減税率で絞り込み" value={filters.reducedRate ?? ''} onChange={(e) => setFilters({ ...filters, reducedRate: num(e.target.value) })}>
          <option value="">軽減税率: すべて</option>
          <option value="8">8%</option>
          <option value="6">6%</option>
        </select>
        <input type="search" aria-label="申込を検索" placeholder="申込コード・得意先・商品で検索" value={filters.search ?? ''} onChange={(e) => setFilters({ ...filters, search: e.target.value || undefined })} />
        <span className="count">{list.data ? `${list.data.total.toLocaleString()}件` : ''}</span>
      </div>
      <div className="toolbar">
        <CsvImportButton label="定期申込" importer={importer} disabled={closed === true} title="取り込むと既存の定期申込はすべて置き換わります" />
        <CsvEncodingSelect value={encoding} onChange={setEncoding} />
        <button type="button" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
          CSV出力
        </button>
        <button
          type="button"
          disabled={closed === true}
          onClick={() => {
            setCreating(true);
            setSelected(null);
          }}
        >
          新規
        </button>
      </div>
      <CsvOutcome notice={notice} error={importer.error ?? exportCsv.error ?? list.error} />
      <div className="master-page">
        <VirtualTable
          label="定期申込一覧"
          rows={list.data?.rows ?? []}
          columns={COLUMNS}
          rowKey={(r) => r.code}
          selectedKey={selected}
          onSelect={(r) => {
            setCreating(false);
            setSelected(r.code);
          }}
          emptyText="定期申込がありません。CSV取込または新規で登録してください。"
        />
        <div className="master-detail tu-detail">
          {creating ? (
            <SubscriptionForm
              key="new"
              initial={NEW_APPLICATION}
              create
              readOnly={closed === true}
              onSaved={(code) => {
                setCreating(false);
                setSelected(code);
              }}
            />
          ) : detail.data ? (
            <SubscriptionForm key={`${detail.data.code}-${detail.dataUpdatedAt}`} initial={detail.data as SubscriptionApplication} create={false} readOnly={closed === true} onSaved={setSelected} />
          ) : (
            <p className="placeholder">一覧から定期申込を選ぶと、ここに詳細が表示されます。</p>
          )}
          <ErrorNotice error={detail.error} />
        </div>
      </div>
    </div>
  );
}

/**
 * 要確認: orders the import booked that a clerk must look at (docs/import-rules.md#review-list).
 * An order cancelled after a partial shipment is settled by creating the 請求伝票 of its shipped
 * part or by 確認済み with a reason; a per-rate mismatch only by 確認済み (its 請求伝票 exists).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { REVIEW_REASON_LABELS, type ReviewRow } from '../../../src-shared/import/import-review';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatJstDateTime } from '../../format/datetime';
import { formatCount, formatYen } from '../../format/number';
import { api, unwrap } from '../../ipc/api';
import { reviewQueries } from '../../queries/import';

const RESOLUTION: Record<NonNullable<ReviewRow['resolution']>, string> = { invoiced: '請求伝票作成済み', dismissed: '確認済み' };

const columns: Column<ReviewRow>[] = [
  { key: 'since', header: '登録日時', width: 140, render: (r) => formatJstDateTime(r.since) },
  { key: 'setting', header: 'EC連携設定', width: 140, render: (r) => r.settingName },
  { key: 'order', header: '受注番号', width: 120, render: (r) => r.orderCode },
  { key: 'reason', header: '理由', width: 170, render: (r) => REVIEW_REASON_LABELS[r.reason] },
  { key: 'state', header: '状態', width: 130, render: (r) => (r.resolution === null ? <span className="badge badge-draft">未処理</span> : RESOLUTION[r.resolution]) },
  { key: 'message', header: '内容', render: (r) => <span title={r.message}>{r.message}</span> },
];

export function ReviewPage() {
  const [includeResolved, setIncludeResolved] = useState(false);
  const q = useQuery(reviewQueries.list(includeResolved));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const selected = q.data?.rows.find((r) => r.id === selectedId) ?? null;
  const settled = { meta: { changes: ['import', 'systemLog', 'slips'] } } as const;
  const dismiss = useMutation({
    mutationFn: (v: { id: number; note: string }) => unwrap(api().reviews.dismiss(v)),
    ...settled,
    onSuccess: (r) => {
      setDone(`受注番号 ${r.orderCode} を確認済みにしました。`);
      setNote('');
    },
  });
  const invoice = useMutation({
    mutationFn: (id: number) => unwrap(api().reviews.createInvoice({ id })),
    ...settled,
    onSuccess: (r) => setDone(`受注番号 ${r.review.orderCode} の発送済の分の請求伝票を作成しました（合計 ${formatYen(r.total)}、税込）。`),
  });
  const open = selected !== null && selected.resolution === null;
  const busy = dismiss.isPending || invoice.isPending;
  const pick = (r: ReviewRow) => {
    setSelectedId(r.id);
    setDone(null);
    dismiss.reset();
    invoice.reset();
  };
  return (
    <div className="page">
      <h1>要確認</h1>
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={includeResolved} onChange={(e) => setIncludeResolved(e.target.checked)} /> 処理済みも表示
        </label>
        <span className="count">{q.data ? `${formatCount(q.data.rows.filter((r) => r.resolution === null).length)} 件 未処理` : ''}</span>
      </div>
      {q.error ? <ErrorNotice error={q.error} /> : null}
      <VirtualTable label="要確認一覧" rows={q.data?.rows ?? []} columns={columns} rowKey={(r) => r.id} selectedKey={selectedId} onSelect={pick} height={320} emptyText="要確認の注文はありません。" />
      {done ? (
        <Notice kind="success" title="処理しました">
          {done}
        </Notice>
      ) : null}
      {selected ? (
        <section aria-label="要確認の詳細" className="review-detail">
          <h2>
            受注番号 {selected.orderCode}（{REVIEW_REASON_LABELS[selected.reason]}）
          </h2>
          <p>{selected.message}</p>
          {selected.resolution !== null ? (
            <p>
              {RESOLUTION[selected.resolution]}（{formatJstDateTime(selected.resolvedAt ?? '')}）{selected.resolutionNote ? `理由: ${selected.resolutionNote}` : ''}
            </p>
          ) : null}
          {open && selected.reason === 'CANCELLED_AFTER_PARTIAL_SHIPMENT' ? (
            <button type="button" className="primary" disabled={busy} onClick={() => invoice.mutate(selected.id)}>
              発送済の分の請求伝票を作成
            </button>
          ) : null}
          {open ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                dismiss.mutate({ id: selected.id, note });
              }}
            >
              <label htmlFor="review-note">確認済みにする理由</label>
              <input id="review-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
              <button type="submit" disabled={busy || note.trim() === ''}>
                確認済みにする
              </button>
            </form>
          ) : null}
          {dismiss.error ? <ErrorNotice error={dismiss.error} /> : null}
          {invoice.error ? <ErrorNotice error={invoice.error} /> : null}
        </section>
      ) : null}
    </div>
  );
}

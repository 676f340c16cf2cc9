/**
 * The preview of the 消費税自動更新: counts, sale-price totals before → after, every change
 * (old → new, grouped by application in plan order) and the sale prices per application.
 */
import { PLAN_FIELD_LABELS } from '../../../src-shared/tax-update/labels';
import type { PlanChangeField } from '../../../src-shared/tax-update/types';
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { VirtualTable, type Column } from '../../components/VirtualTable';

export type PreviewData = ChannelOutput<'taxUpdate:preview'>;
type Change = PreviewData['changes'][number];
type Sale = PreviewData['salePrices'][number];

const yen = (v: string | number) => (typeof v === 'number' ? v.toLocaleString('ja-JP') : v);
/** rates are percent, prices yen, 税率区分 text */
const show = (c: Change, v: string | number) => (c.field === 'standardRate' || c.field === 'reducedRate' ? `${v}%` : yen(v));

const CHANGE_COLUMNS: Column<Change & { key: number }>[] = [
  { key: 'app', header: '申込コード', width: 120, render: (c) => c.applicationCode },
  { key: 'product', header: '商品番号', width: 110, render: (c) => c.productCode },
  { key: 'variation', header: '枝番', width: 80, render: (c) => c.variation },
  { key: 'field', header: '項目', width: 200, render: (c) => `${PLAN_FIELD_LABELS[c.field as PlanChangeField]}${c.optionName ? `(${c.optionName})` : ''}` },
  {
    key: 'change',
    header: '変更前 → 変更後',
    align: 'right',
    render: (c) => (
      <>
        <span className="tu-old">{show(c, c.old)}</span>→ <span className="tu-new">{show(c, c.new)}</span>
      </>
    ),
  },
];

const SALE_COLUMNS: Column<Sale>[] = [
  { key: 'app', header: '申込コード', width: 120, render: (s) => s.applicationCode },
  { key: 'first', header: '販売価格(初回)', align: 'right', render: (s) => `${yen(s.before.first)} → ${yen(s.after.first)}` },
  { key: 'regular', header: '販売価格(通常回)', align: 'right', render: (s) => `${yen(s.before.regular)} → ${yen(s.after.regular)}` },
  { key: 'last', header: '販売価格(最終回)', align: 'right', render: (s) => `${yen(s.before.last)} → ${yen(s.after.last)}` },
];

export function TaxUpdatePreview({ preview }: { preview: PreviewData }) {
  const t = preview.totals;
  const rows = preview.changes.map((c, i) => ({ ...c, key: i }));
  return (
    <div aria-label="プレビュー">
      <p role="status">
        対象の申込 <strong>{preview.targets.toLocaleString()}件</strong> / 更新される申込 <strong>{preview.changedApplications.toLocaleString()}件</strong> / 更新される価格{' '}
        <strong>{preview.changedPrices.toLocaleString()}件</strong> / 変更 {preview.changeCount.toLocaleString()}件
      </p>
      <table className="tu-totals" aria-label="販売価格の合計">
        <thead>
          <tr>
            <th />
            <th>初回</th>
            <th>通常回</th>
            <th>最終回</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>更新前の合計</th>
            <td>{yen(t.before.first)}</td>
            <td>{yen(t.before.regular)}</td>
            <td>{yen(t.before.last)}</td>
          </tr>
          <tr>
            <th>更新後の合計</th>
            <td>{yen(t.after.first)}</td>
            <td>{yen(t.after.regular)}</td>
            <td>{yen(t.after.last)}</td>
          </tr>
        </tbody>
      </table>
      {preview.changes.length < preview.changeCount ? (
        <p className="notice notice-info">画面には先頭の{preview.changes.length.toLocaleString()}件を表示しています。すべての変更は「プレビューをCSV出力」で確認してください。</p>
      ) : null}
      <VirtualTable label="変更される価格" rows={rows} columns={CHANGE_COLUMNS} rowKey={(r) => r.key} height={300} emptyText="変更される価格はありません。" />
      <h4>申込ごとの販売価格(更新前 → 更新後)</h4>
      <VirtualTable label="申込ごとの販売価格" rows={preview.salePrices} columns={SALE_COLUMNS} rowKey={(r) => r.applicationCode} height={200} emptyText="対象の申込はありません。" />
    </div>
  );
}

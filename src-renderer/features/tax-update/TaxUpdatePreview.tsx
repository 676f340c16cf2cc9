/**
 * The preview of the 消費税自動更新: counts, sale-price totals before → after, and the changes
 * (old → new, grouped by application in plan order) a page at a time — main holds the whole list in
 * its database — with the sale prices of the applications on the page.
 */
import type { ChannelOutput } from '../../../src-shared/ipc/contract';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { formatCount, formatYen } from '../../format/number';
import { changeColumns, changeValueText, numbered } from './change-columns';

export type PreviewData = ChannelOutput<'taxUpdate:preview'>;
type Change = PreviewData['changes'][number];
type Sale = PreviewData['salePrices'][number];
type Prices = PreviewData['totals']['before'];

const show = (c: Change, v: string | number) => changeValueText(c.field, v);

const CHANGE_COLUMNS = changeColumns<Change & { key: number }>((c) => (
  <>
    <span className="tu-old">{show(c, c.old)}</span>→ <span className="tu-new">{show(c, c.new)}</span>
  </>
));

const beforeAfter = (header: string, of: (p: Prices) => number): Column<Sale> => ({
  key: header,
  header,
  align: 'right',
  render: (s) => `${formatYen(of(s.before))} → ${formatYen(of(s.after))}`,
});

const SALE_COLUMNS: Column<Sale>[] = [
  { key: 'app', header: '申込コード', width: 120, render: (s) => s.applicationCode },
  beforeAfter('販売価格(初回)', (p) => p.first),
  beforeAfter('販売価格(通常回)', (p) => p.regular),
  beforeAfter('販売価格(最終回)', (p) => p.last),
];

/** 初回 / 通常回 / 最終回 of one totals row. */
function PriceCells({ prices }: { prices: Prices }) {
  return (
    <>
      <td>{formatYen(prices.first)}</td>
      <td>{formatYen(prices.regular)}</td>
      <td>{formatYen(prices.last)}</td>
    </>
  );
}

interface PreviewProps {
  preview: PreviewData;
  /** changes per page */
  pageRows: number;
  /** a page is being fetched */
  turning: boolean;
  /** fetch the page that starts at this offset */
  onPage: (offset: number) => void;
}

/** 「前の500件」「次の500件」 and which changes of how many are shown. */
function Pager({ preview, pageRows, turning, onPage }: PreviewProps) {
  const first = preview.changes.length === 0 ? 0 : preview.offset + 1;
  const last = preview.offset + preview.changes.length;
  return (
    <div className="toolbar" aria-label="変更の表示範囲">
      <button type="button" disabled={turning || preview.offset === 0} onClick={() => onPage(Math.max(0, preview.offset - pageRows))}>
        前の{formatCount(pageRows)}件
      </button>
      <span role="status">
        {formatCount(first)}〜{formatCount(last)}件目 / 全{formatCount(preview.changeCount)}件
      </span>
      <button type="button" disabled={turning || last >= preview.changeCount} onClick={() => onPage(last)}>
        次の{formatCount(pageRows)}件
      </button>
    </div>
  );
}

export function TaxUpdatePreview(props: PreviewProps) {
  const { preview } = props;
  const t = preview.totals;
  return (
    <div aria-label="プレビュー">
      <p role="status">
        対象の申込 <strong>{formatCount(preview.targets)}件</strong> / 更新される申込{' '}
        <strong>{formatCount(preview.changedApplications)}件</strong> / 更新される価格{' '}
        <strong>{formatCount(preview.changedPrices)}件</strong> / 変更 {formatCount(preview.changeCount)}件
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
            <PriceCells prices={t.before} />
          </tr>
          <tr>
            <th>更新後の合計</th>
            <PriceCells prices={t.after} />
          </tr>
        </tbody>
      </table>
      {preview.changeCount > props.pageRows ? <Pager {...props} /> : null}
      <VirtualTable
        label="変更される価格"
        rows={numbered(preview.changes, preview.offset)}
        columns={CHANGE_COLUMNS}
        rowKey={(r) => r.key}
        height={300}
        emptyText="変更される価格はありません。"
      />
      <h4>申込ごとの販売価格(更新前 → 更新後)</h4>
      <VirtualTable
        label="申込ごとの販売価格"
        rows={preview.salePrices}
        columns={SALE_COLUMNS}
        rowKey={(r) => r.applicationCode}
        height={200}
        emptyText="対象の申込はありません。"
      />
    </div>
  );
}
